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
    /// <summary><c>?</c></summary>
    Question,
    /// <summary><c>:</c></summary>
    Colon,
}

/// <summary>
/// A token: its kind and where its characters are in the statement's text. It holds no reference,
/// so token arrays and the parser's operator lists cost no GC write barriers and need no clearing.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length)
{
    /// <summary>The token's characters in <paramref name="source"/>, the text it was read from.</summary>
    public ReadOnlySpan<char> TextIn(string source) => source.AsSpan(Start, Length);

    /// <summary>The characters of the token.</summary>
    public TextSpan Span => new(Start, Length);

    /// <summary>Number of distinct token kinds, for tables indexed by kind.</summary>
    public const int KindCount = (int)TokenKind.Colon + 1;
}
