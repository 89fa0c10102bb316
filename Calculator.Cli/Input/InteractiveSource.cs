using Calculator.Evaluator;

namespace Calculator.Cli.Input;

/// <summary>The prompt: lines typed at a terminal, until <c>exit</c>, <c>quit</c> or Ctrl-D.</summary>
/// <param name="editor">Reads the lines.</param>
/// <param name="terminal">Where <c>help</c> is written.</param>
/// <param name="beforeRead">Runs before the prompt waits (flushes the results).</param>
/// <param name="lineRead">Runs when a line has been read, before it runs.</param>
internal sealed class InteractiveSource(LineEditor editor, TextWriter terminal, Action beforeRead, Action? lineRead = null) : ILineSource
{
    private const string Prompt = "> ";

    // One screen (under 24 rows of 80 columns): the language in brief, the keys, the way out.
    private const string Introduction = """
        calc: exact arithmetic. Type an expression and press Enter.
          2^100   1/3 + 1/6   sqrt(2)   10 % 3   5!   x > 0 && x != 1   x < 0 ? -x : x
          x = 3             variables; ans is the last result
          f(n) = n * 2      functions, which may recurse: n < 2 ? 1 : n * f(n-1)
          a; b              several statements on one line
          255 to hex        0xff (also bin, oct); 0xff & 15, 1 << 64, ~x, 7 // 2
        Built in (Tab completes names):

        """;

    private const string Keys = """
        Keys: Left/Right, Home/End (Ctrl-A/E), Alt-b/Alt-f by words, Up/Down history,
          Ctrl-R search history, Backspace/Delete, Ctrl-U/Ctrl-K/Ctrl-W/Alt-d erase,
          Ctrl-L clear the screen, Ctrl-C clear the line or stop a computation.
        exit, quit or Ctrl-D leaves; calc --help lists the options.

        """;

    private long _lineNumber;

    public string Name => "<stdin>";

    /// <summary>True once the user left with <c>exit</c>, <c>quit</c> or Ctrl-D.</summary>
    public bool Left { get; private set; }

    /// <summary>The prompt on the console's terminal, with the history file and names from <paramref name="session"/>.</summary>
    public static InteractiveSource Open(CalcConsole console, Session session, TextWriter terminal, Action flush)
    {
        var history = new LineHistory(LineHistory.DefaultPath(console.EnvironmentVariable));
        var editor = new LineEditor(console.Keys ?? new ConsoleKeyReader(), terminal, history, () => session.Names);
        var signals = console.Signals;
        if (signals is not null)
        {
            signals.Interactive = true;
        }

        // A SIGINT that came while the user typed has nothing to stop.
        return new InteractiveSource(editor, terminal, flush, () => signals?.NextStatement());
    }

    public bool TryReadLine(out SourceLine line)
    {
        while (true)
        {
            beforeRead();
            var text = editor.ReadLine(Prompt);
            switch (text?.Trim())
            {
                case null or "exit" or "quit":
                    Left = true;
                    line = default;
                    return false;
                case "help" or ":help":
                    terminal.Write(HelpText);
                    terminal.Flush();
                    continue;
            }

            lineRead?.Invoke();
            line = new SourceLine(++_lineNumber, text, null);
            return true;
        }
    }

    /// <summary>The summary <c>help</c> prints; the built-in names come from their table.</summary>
    internal static string HelpText { get; } = Introduction + Wrap(Session.BuiltinNames, 78) + Keys;

    private static string Wrap(IEnumerable<string> names, int width)
    {
        var text = new System.Text.StringBuilder();
        var column = 0;
        foreach (var name in names)
        {
            if (column > 0 && column + 1 + name.Length > width)
            {
                text.Append('\n');
                column = 0;
            }

            text.Append(column == 0 ? "  " : " ").Append(name);
            column += (column == 0 ? 2 : 1) + name.Length;
        }

        return text.Append('\n').ToString();
    }
}
