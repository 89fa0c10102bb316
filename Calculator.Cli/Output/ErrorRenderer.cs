using System.Globalization;
using System.Text;
using Calculator.Parser;

namespace Calculator.Cli.Output;

/// <summary>
/// Renders a diagnostic as SPEC §6 shows it, rustc style:
/// <code>
/// &lt;stdin&gt;:3:3: error: unexpected '*'; expected a number, a name or '('
///   1+*2
///     ^
/// </code>
/// Columns count Unicode scalar values from 1. Tabs before the span are copied into the caret
/// line so the caret stays under its character; other control characters are shown as U+FFFD
/// so they cannot move the cursor. Very long lines are shown as a window around the span, and a
/// very long span as its start: the cost of an error is bounded whatever the line, so a line
/// with an error every few characters renders in time linear in its length.
/// </summary>
internal static class ErrorRenderer
{
    private const int LongLine = 160;
    private const int Context = 60;
    private const int LongSpan = 80;

    // A message quotes input (unknown name 'x'): a million-letter name is shown by its ends.
    private const int LongMessage = 240;
    private const int MessageEnd = 60;
    private const string Bold = "\e[1m";
    private const string Red = "\e[1;31m";
    private const string Green = "\e[1;32m";
    private const string Reset = "\e[0m";

    public static void Render(TextWriter writer, in StatementContext statement, Diagnostic error, bool color) =>
        Render(writer, statement, error, color, new ColumnCursor());

    /// <summary>Renders with a cursor that remembers where the previous error of the line was.</summary>
    public static void Render(TextWriter writer, in StatementContext statement, Diagnostic error, bool color, ColumnCursor columns)
    {
        var line = statement.LineText;
        var start = Math.Clamp(error.Span.Start, 0, line.Length);
        var end = Math.Clamp(error.Span.End, start, line.Length);
        var column = columns.Locate(line, start, 0).Column;

        var (windowStart, windowEnd, shownEnd) = Window(line, start, end);
        var text = new StringBuilder(windowEnd - windowStart + error.Message.Length + 200);
        text.Append(color ? Bold : "")
            .Append(statement.Source).Append(':')
            .Append(statement.Line.ToString(CultureInfo.InvariantCulture)).Append(':')
            .Append(column.ToString(CultureInfo.InvariantCulture)).Append(':')
            .Append(color ? Reset : "")
            .Append(' ')
            .Append(color ? Red : "").Append("error:").Append(color ? Reset : "")
            .Append(' ');
        AppendMessage(text, error.Message);
        text.Append('\n');

        var prefix = windowStart > 0 ? "…" : "";
        var suffix = windowEnd < line.Length ? "…" : "";
        text.Append("  ").Append(prefix);
        AppendVisible(text, line.AsSpan(windowStart, windowEnd - windowStart));
        text.Append(suffix).Append('\n');

        text.Append("  ").Append(prefix.Length > 0 ? " " : "");
        var before = line.AsSpan(windowStart, start - windowStart);
        for (var i = 0; i < before.Length; i++)
        {
            if (char.IsHighSurrogate(before[i]) && i + 1 < before.Length && char.IsLowSurrogate(before[i + 1]))
            {
                i++;
            }

            text.Append(before[i] == '\t' ? '\t' : ' ');
        }

        var length = TextColumns.CountScalars(line.AsSpan(start, shownEnd - start));
        text.Append(color ? Green : "").Append('^').Append('~', Math.Max(length - 1, 0)).Append(color ? Reset : "").Append('\n');
        writer.Write(text);
    }

    /// <summary>
    /// The part of a long line to show: the span (at most its first <see cref="LongSpan"/>
    /// characters, which the caret line underlines) and some context either side.
    /// </summary>
    private static (int Start, int End, int ShownEnd) Window(string line, int start, int end)
    {
        if (line.Length <= LongLine)
        {
            return (0, line.Length, end);
        }

        var shownEnd = Math.Min(end, start + LongSpan);
        if (shownEnd < line.Length && shownEnd > start && char.IsLowSurrogate(line[shownEnd]))
        {
            shownEnd++;
        }

        var windowStart = Math.Max(0, start - Context);
        var windowEnd = Math.Min(line.Length, Math.Max(shownEnd, start + 1) + Context);
        if (windowStart > 0 && char.IsLowSurrogate(line[windowStart]))
        {
            windowStart--;
        }

        if (windowEnd < line.Length && char.IsLowSurrogate(line[windowEnd]))
        {
            windowEnd++;
        }

        return (windowStart, windowEnd, shownEnd);
    }

    private static void AppendMessage(StringBuilder text, string message)
    {
        if (message.Length <= LongMessage)
        {
            text.Append(message);
            return;
        }

        var head = LongMessage - MessageEnd;
        var tail = message.Length - MessageEnd;
        if (char.IsHighSurrogate(message[head - 1]))
        {
            head--;
        }

        if (char.IsLowSurrogate(message[tail]))
        {
            tail++;
        }

        text.Append(message.AsSpan(0, head)).Append('…').Append(message.AsSpan(tail));
    }

    private static void AppendVisible(StringBuilder text, ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            text.Append(c != '\t' && (char.IsControl(c) || c is '\u2028' or '\u2029') ? '\uFFFD' : c);
        }
    }
}
