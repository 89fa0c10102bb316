namespace Calculator.Cli.Output;

/// <summary>
/// Converts UTF-16 offsets, which the parser reports, into the columns users see:
/// Unicode scalar values counted from 1, so a character outside the BMP is one column.
/// </summary>
internal static class TextColumns
{
    /// <summary>The number of scalar values in <paramref name="text"/>; a lone surrogate counts as one.</summary>
    public static int CountScalars(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    /// <summary>The 1-based column and the length in columns of a span of <paramref name="line"/>, clamped to the line.</summary>
    public static (int Column, int Length) Locate(string line, int start, int length) => new ColumnCursor().Locate(line, start, length);
}

/// <summary>
/// <see cref="TextColumns.Locate"/> for a run of errors on one line: it resumes counting where the
/// previous error of the same line left off, so a 1 MiB line of <c>q;q;q;…</c> (an error per two
/// characters) costs one pass over the line instead of one pass per error. Owned by one sink.
/// </summary>
internal sealed class ColumnCursor
{
    private string? _line;
    private int _offset;
    private int _scalars;

    /// <summary>The 1-based column and the length in columns of a span of <paramref name="line"/>, clamped to the line.</summary>
    public (int Column, int Length) Locate(string line, int start, int length)
    {
        start = Math.Clamp(start, 0, line.Length);
        var end = Math.Clamp(start + Math.Max(length, 0), start, line.Length);
        if (!ReferenceEquals(line, _line) || start < _offset)
        {
            (_line, _offset, _scalars) = (line, 0, 0);
        }

        var from = _offset;
        if (from < start && from > 0 && char.IsLowSurrogate(line[from]) && char.IsHighSurrogate(line[from - 1]))
        {
            // The last count stopped inside a pair and counted its high half: the low half adds nothing.
            from++;
        }

        _scalars += TextColumns.CountScalars(line.AsSpan(from, start - from));
        _offset = start;
        return (_scalars + 1, TextColumns.CountScalars(line.AsSpan(start, end - start)));
    }
}
