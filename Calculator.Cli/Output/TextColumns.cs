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
    public static (int Column, int Length) Locate(string line, int start, int length)
    {
        start = Math.Clamp(start, 0, line.Length);
        var end = Math.Clamp(start + Math.Max(length, 0), start, line.Length);
        var prefix = line.AsSpan(0, start);
        return (CountScalars(prefix) + 1, CountScalars(line.AsSpan(start, end - start)));
    }
}
