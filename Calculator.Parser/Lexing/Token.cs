namespace Calculator.Parser.Lexing;

/// <summary>The kinds of token. Operators are listed so that a table can be indexed by kind.</summary>
internal enum TokenKind : byte
{
    /// <summary>A number literal.</summary>
    Number,
    /// <summary>A name: variable, constant or function.</summary>
    Name,
    /// <summary><c>+</c></summary>
    Plus,
    /// <summary><c>-</c></summary>
    Minus,
    /// <summary><c>*</c></summary>
    Star,
    /// <summary><c>/</c></summary>
    Slash,
    /// <summary><c>%</c></summary>
    Percent,
    /// <summary><c>^</c></summary>
    Caret,
    /// <summary><c>!</c>: factorial after an operand, logical not before one.</summary>
    Bang,
    /// <summary><c>(</c></summary>
    LeftParen,
    /// <summary><c>)</c></summary>
    RightParen,
    /// <summary><c>,</c></summary>
    Comma,
    /// <summary><c>=</c></summary>
    Assign,
    /// <summary><c>==</c></summary>
    EqualEqual,
    /// <summary><c>!=</c></summary>
    BangEqual,
    /// <summary><c>&lt;</c></summary>
    Less,
    /// <summary><c>&lt;=</c></summary>
    LessEqual,
    /// <summary><c>&gt;</c></summary>
    Greater,
    /// <summary><c>&gt;=</c></summary>
    GreaterEqual,
    /// <summary><c>&amp;&amp;</c></summary>
    AndAnd,
    /// <summary><c>||</c></summary>
    OrOr,
    /// <summary><c>&amp;</c>: bitwise and.</summary>
    Ampersand,
    /// <summary><c>|</c>: bitwise or.</summary>
    Pipe,
    /// <summary><c>&lt;&lt;</c></summary>
    LessLess,
    /// <summary><c>&gt;&gt;</c></summary>
    GreaterGreater,
    /// <summary><c>~</c>: bitwise not.</summary>
    Tilde,
    /// <summary><c>//</c>: floored division.</summary>
    SlashSlash,
    /// <summary><c>**</c>: a second spelling of <c>^</c>.</summary>
    StarStar,
    /// <summary>The word <c>to</c>, a keyword: only <c>expr to hex</c> at the end of an expression statement uses it.</summary>
    To,
    /// <summary><c>?</c></summary>
    Question,
    /// <summary><c>:</c></summary>
    Colon,
    /// <summary><c>√</c>, the prefix square root.</summary>
    Root,
    /// <summary><c>²</c>, the postfix square.</summary>
    Squared,
    /// <summary><c>³</c>, the postfix cube.</summary>
    Cubed,
    /// <summary><c>°</c>, the postfix degree sign.</summary>
    Degree,
    /// <summary>
    /// Implicit multiplication: a zero-width token the lexer puts where a factor that starts with a name or
    /// <c>(</c> directly follows a number literal or <c>)</c> (<c>2pi</c>, <c>(1+2)(3+4)</c>).
    /// </summary>
    Juxtaposition,
}

/// <summary>
/// A token: its kind and where its characters are in the text it was read from, which it carries so
/// that the grammar can turn a number or a name into a node without any other context.
/// </summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Start">Offset of its first character in <paramref name="Source"/>.</param>
/// <param name="Length">Number of characters; 0 for <see cref="TokenKind.Juxtaposition"/>.</param>
/// <param name="Source">The whole text the token was read from.</param>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, string Source)
{
    /// <summary>The token's characters.</summary>
    public ReadOnlySpan<char> Text => Source.AsSpan(Start, Length);

    /// <summary>The characters of the token.</summary>
    public TextSpan Span => new(Start, Length);

    /// <summary>The offset just past the token.</summary>
    public int End => Start + Length;

    /// <summary>Number of distinct token kinds, for tables indexed by kind.</summary>
    public const int KindCount = (int)TokenKind.Juxtaposition + 1;
}
