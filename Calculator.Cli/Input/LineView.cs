using System.Globalization;
using System.Text;
using Calculator.Cli.Output;

namespace Calculator.Cli.Input;

/// <summary>
/// Draws the prompt and the line being edited, wrapped at the terminal's width, with VT100 escapes
/// any terminal understands. Each redraw goes up to the prompt's first row, erases to the end of the
/// screen and writes everything again, so a line of any length never leaves stale rows behind.
/// Columns count Unicode scalar values, as error carets do.
/// </summary>
internal sealed class LineView(TextWriter terminal, Func<int> columns)
{
    // Where the cursor is and where the text ends, in rows below the prompt's first row.
    private int _cursorRow;
    private int _endRow;
    private int _endColumn;

    /// <summary>Writes <paramref name="prompt"/> on a fresh line.</summary>
    public void Start(string prompt)
    {
        _cursorRow = 0;
        _endRow = 0;
        _endColumn = TextColumns.CountScalars(prompt);
        terminal.Write(prompt);
        terminal.Flush();
    }

    /// <summary>Draws <paramref name="prompt"/> and <paramref name="text"/> over the last drawing, the cursor before text[cursor].</summary>
    public void Draw(string prompt, string text, int cursor)
    {
        var width = columns();
        if (width < 2)
        {
            width = 80;
        }

        var output = new StringBuilder(prompt.Length + text.Length + 32);
        MoveUp(output, _cursorRow);
        output.Append("\r\e[J").Append(prompt).Append(text);
        var promptColumns = TextColumns.CountScalars(prompt);
        var total = promptColumns + TextColumns.CountScalars(text);
        var at = promptColumns + TextColumns.CountScalars(text.AsSpan(0, cursor));

        // After a full last row the terminal holds the cursor on that row until the next character;
        // a new row makes the cursor's place definite.
        if (total > 0 && total % width == 0)
        {
            output.Append("\r\n");
        }

        (_endRow, _endColumn) = (total / width, total % width);
        _cursorRow = at / width;
        MoveUp(output, _endRow - _cursorRow);
        output.Append('\r');
        if (at % width > 0)
        {
            output.Append(CultureInfo.InvariantCulture, $"\e[{at % width}C");
        }

        terminal.Write(output);
        terminal.Flush();
    }

    /// <summary>Ends the drawing: <paramref name="tail"/> after the text, then a new line.</summary>
    public void Finish(string tail)
    {
        var output = new StringBuilder();
        if (_endRow > _cursorRow)
        {
            output.Append(CultureInfo.InvariantCulture, $"\e[{_endRow - _cursorRow}B");
        }

        if (_endRow != _cursorRow || tail.Length > 0)
        {
            output.Append('\r');
            if (_endColumn > 0)
            {
                output.Append(CultureInfo.InvariantCulture, $"\e[{_endColumn}C");
            }
        }

        output.Append(tail);
        if (tail.Length > 0 || _endColumn > 0 || _endRow == 0)
        {
            // Otherwise the drawing already ended with a new row.
            output.Append('\n');
        }

        terminal.Write(output);
        terminal.Flush();
        _cursorRow = _endRow = _endColumn = 0;
    }

    /// <summary>Ctrl-L: clears the screen; the next drawing starts at its top.</summary>
    public void Clear()
    {
        terminal.Write("\e[H\e[2J");
        _cursorRow = 0;
    }

    private static void MoveUp(StringBuilder output, int rows)
    {
        if (rows > 0)
        {
            output.Append(CultureInfo.InvariantCulture, $"\e[{rows}A");
        }
    }
}
