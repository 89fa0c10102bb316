namespace Calculator.Cli.Input;

/// <summary>The prompt: lines typed at a terminal, until <c>exit</c>, <c>quit</c> or Ctrl-D.</summary>
internal sealed class InteractiveSource(LineEditor editor, Action beforeRead) : ILineSource
{
    private const string Prompt = "> ";
    private long _lineNumber;

    public string Name => "<stdin>";

    public bool TryReadLine(out SourceLine line)
    {
        beforeRead();
        var text = editor.ReadLine(Prompt);
        if (text is null || text.Trim() is "exit" or "quit")
        {
            line = default;
            return false;
        }

        line = new SourceLine(++_lineNumber, text, null);
        return true;
    }
}
