namespace Calculator.Parser;

/// <summary>A range of UTF-16 code units in the text that was parsed.</summary>
/// <param name="Start">Offset of the first character, from 0.</param>
/// <param name="Length">Number of characters covered; 0 marks a point (for example the end of input).</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The offset just past the span.</summary>
    public int End => Start + Length;

    /// <summary>The span that covers both <paramref name="first"/> and <paramref name="last"/>.</summary>
    public static TextSpan Cover(TextSpan first, TextSpan last) => FromBounds(first.Start, last.End);

    /// <summary>The span from <paramref name="start"/> up to (not including) <paramref name="end"/>.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>The same span moved <paramref name="offset"/> characters to the right.</summary>
    public TextSpan Shift(int offset) => new(Start + offset, Length);
}
