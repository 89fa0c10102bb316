using System.Text;

namespace Calculator.Cli.Input;

/// <summary>The lines of a text held in memory: the joined command-line arguments.</summary>
internal sealed class TextLineSource(string text, string name) : ILineSource
{
    private int _position;
    private long _lineNumber;

    public string Name { get; } = name;

    public bool TryReadLine(out SourceLine line)
    {
        if (_position >= text.Length)
        {
            line = default;
            return false;
        }

        var newline = text.IndexOf('\n', _position);
        var end = newline < 0 ? text.Length : newline;
        var lineText = text[_position..end];
        _position = end + 1;
        if (lineText.EndsWith('\r'))
        {
            lineText = lineText[..^1];
        }

        _lineNumber++;
        line = Encoding.UTF8.GetByteCount(lineText) > InputMessages.MaxLineBytes
            ? new SourceLine(_lineNumber, lineText[..200] + "…", InputMessages.LineTooLong())
            : new SourceLine(_lineNumber, lineText, null);
        return true;
    }
}
