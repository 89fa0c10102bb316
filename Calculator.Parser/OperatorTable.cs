using Calculator.Parser.Lexing;

namespace Calculator.Parser;

/// <summary>How a chain of operators of one precedence groups.</summary>
internal enum Associativity
{
    /// <summary><c>a - b - c</c> is <c>(a - b) - c</c>.</summary>
    Left,
    /// <summary><c>a ^ b ^ c</c> is <c>a ^ (b ^ c)</c>.</summary>
    Right,
    /// <summary><c>a &lt; b &lt; c</c> is an error.</summary>
    None,
}

/// <summary>One spelling of a binary operator.</summary>
/// <param name="Token">The token that spells it.</param>
/// <param name="Operator">The operator it means.</param>
/// <param name="Precedence">Higher binds tighter; see <see cref="OperatorTable"/> for the levels.</param>
/// <param name="Associativity">How a chain of this precedence groups.</param>
/// <param name="Symbol">Its characters; empty for implicit multiplication.</param>
internal readonly record struct BinaryRow(TokenKind Token, BinaryOperator Operator, int Precedence, Associativity Associativity, string Symbol);

/// <summary>One spelling of a prefix operator; all prefixes bind at <see cref="OperatorTable.PrefixPrecedence"/>.</summary>
internal readonly record struct PrefixRow(TokenKind Token, UnaryOperator Operator, string Symbol);

/// <summary>The postfix operators. The tree has a node per postfix operator, so this enum is not public.</summary>
internal enum PostfixOperator
{
    /// <summary><c>n!</c>, a <see cref="Calculator.Parser.Factorial"/> node.</summary>
    Factorial,
    /// <summary><c>x²</c>, the node of <c>x^2</c>.</summary>
    Square,
    /// <summary><c>x³</c>, the node of <c>x^3</c>.</summary>
    Cube,
    /// <summary><c>x°</c>, degrees: the node of <c>rad(x)</c>.</summary>
    Degrees,
}

/// <summary>One spelling of a postfix operator; all postfixes bind at <see cref="OperatorTable.PostfixPrecedence"/>.</summary>
internal readonly record struct PostfixRow(TokenKind Token, PostfixOperator Operator, string Symbol);

/// <summary>
/// Every operator of SPEC §3 in one place: the grammar reads its operator classes from here, the printer
/// its precedences and symbols, the lexer its nesting estimate, and a test every pair of operators.
/// A new operator is one row; a second spelling of an operator is a second row with the same operator
/// (the first row's symbol is the one the printer writes).
/// </summary>
/// <remarks>
/// Precedence levels, loosest first: the conditional (-3, not an operator of the table), binary levels that
/// the grammar reads as the logical chain (below <see cref="ComparisonPrecedence"/>), the comparisons
/// (non-associative), binary levels of the arithmetic chain (up to <see cref="PrefixPrecedence"/>: the
/// bitwise <c>| &amp; &lt;&lt; &gt;&gt;</c> looser than <c>+ -</c>, as in Python), the
/// prefixes, the right-associative levels the grammar reads as <c>power</c> (above the prefixes, so that
/// <c>-2^2 = -(2^2)</c>), and the postfixes.
/// </remarks>
internal static class OperatorTable
{
    // The levels below the sum are numbered down from it, so that the levels from the sum up keep
    // their numbers whatever is added below (the bitwise levels of issue 15 were).

    /// <summary>The conditional <c>?:</c>, looser than every operator.</summary>
    public const int ConditionalPrecedence = -3;

    /// <summary>The comparisons; they do not chain.</summary>
    public const int ComparisonPrecedence = 0;

    /// <summary>Every prefix operator.</summary>
    public const int PrefixPrecedence = 6;

    /// <summary>Every postfix operator: tighter than anything else.</summary>
    public const int PostfixPrecedence = 8;

    /// <summary>The binary operators, loosest first.</summary>
    public static readonly BinaryRow[] Binary =
    [
        new(TokenKind.OrOr, BinaryOperator.Or, -2, Associativity.Left, "||"),
        new(TokenKind.AndAnd, BinaryOperator.And, -1, Associativity.Left, "&&"),
        new(TokenKind.EqualEqual, BinaryOperator.Equal, ComparisonPrecedence, Associativity.None, "=="),
        new(TokenKind.BangEqual, BinaryOperator.NotEqual, ComparisonPrecedence, Associativity.None, "!="),
        new(TokenKind.Less, BinaryOperator.Less, ComparisonPrecedence, Associativity.None, "<"),
        new(TokenKind.LessEqual, BinaryOperator.LessOrEqual, ComparisonPrecedence, Associativity.None, "<="),
        new(TokenKind.Greater, BinaryOperator.Greater, ComparisonPrecedence, Associativity.None, ">"),
        new(TokenKind.GreaterEqual, BinaryOperator.GreaterOrEqual, ComparisonPrecedence, Associativity.None, ">="),
        new(TokenKind.Pipe, BinaryOperator.BitwiseOr, 1, Associativity.Left, "|"),
        new(TokenKind.Ampersand, BinaryOperator.BitwiseAnd, 2, Associativity.Left, "&"),
        new(TokenKind.LessLess, BinaryOperator.ShiftLeft, 3, Associativity.Left, "<<"),
        new(TokenKind.GreaterGreater, BinaryOperator.ShiftRight, 3, Associativity.Left, ">>"),
        new(TokenKind.Plus, BinaryOperator.Add, 4, Associativity.Left, "+"),
        new(TokenKind.Minus, BinaryOperator.Subtract, 4, Associativity.Left, "-"),
        new(TokenKind.Star, BinaryOperator.Multiply, 5, Associativity.Left, "*"),
        new(TokenKind.Juxtaposition, BinaryOperator.Multiply, 5, Associativity.Left, ""),
        new(TokenKind.Slash, BinaryOperator.Divide, 5, Associativity.Left, "/"),
        new(TokenKind.Percent, BinaryOperator.Modulo, 5, Associativity.Left, "%"),
        new(TokenKind.SlashSlash, BinaryOperator.FloorDivide, 5, Associativity.Left, "//"),
        new(TokenKind.Caret, BinaryOperator.Power, 7, Associativity.Right, "^"),
        new(TokenKind.StarStar, BinaryOperator.Power, 7, Associativity.Right, "**"),
    ];

    /// <summary>The prefix operators.</summary>
    public static readonly PrefixRow[] Prefix =
    [
        new(TokenKind.Minus, UnaryOperator.Negate, "-"),
        new(TokenKind.Plus, UnaryOperator.Plus, "+"),
        new(TokenKind.Bang, UnaryOperator.Not, "!"),
        new(TokenKind.Tilde, UnaryOperator.BitwiseNot, "~"),
        new(TokenKind.Root, UnaryOperator.SquareRoot, "√"),
    ];

    /// <summary>The postfix operators.</summary>
    public static readonly PostfixRow[] Postfix =
    [
        new(TokenKind.Bang, PostfixOperator.Factorial, "!"),
        new(TokenKind.Squared, PostfixOperator.Square, "²"),
        new(TokenKind.Cubed, PostfixOperator.Cube, "³"),
        new(TokenKind.Degree, PostfixOperator.Degrees, "°"),
    ];

    /// <summary>The words of the <c>to</c> suffix of an expression statement (<c>255 to hex</c>).</summary>
    public static readonly (string Word, NumberBase Base)[] Conversions =
    [
        ("hex", NumberBase.Hex),
        ("oct", NumberBase.Oct),
        ("bin", NumberBase.Bin),
        ("dec", NumberBase.Dec),
    ];

    /// <summary>The base a word after <c>to</c> names, if any.</summary>
    public static NumberBase? BaseOf(ReadOnlySpan<char> word)
    {
        foreach (var (name, radix) in Conversions)
        {
            if (word.SequenceEqual(name))
            {
                return radix;
            }
        }
        return null;
    }

    /// <summary>The word after <c>to</c> that names <paramref name="radix"/>.</summary>
    public static string WordOf(NumberBase radix) => Array.Find(Conversions, c => c.Base == radix).Word;

    private static readonly BinaryRow?[] BinaryByToken = ByToken(Binary, row => row.Token);
    private static readonly PrefixRow?[] PrefixByToken = ByToken(Prefix, row => row.Token);
    private static readonly PostfixRow?[] PostfixByToken = ByToken(Postfix, row => row.Token);
    private static readonly BinaryRow[] CanonicalBinary = Canonical(Binary, row => (int)row.Operator, Enum.GetValues<BinaryOperator>().Length);
    private static readonly PrefixRow[] CanonicalPrefix = Canonical(Prefix, row => (int)row.Operator, Enum.GetValues<UnaryOperator>().Length);
    private static readonly PostfixRow[] CanonicalPostfix = Canonical(Postfix, row => (int)row.Operator, Enum.GetValues<PostfixOperator>().Length);

    /// <summary>The binary operator a token spells, if any.</summary>
    public static BinaryRow? BinaryOf(TokenKind token) => BinaryByToken[(int)token];

    /// <summary>The prefix operator a token spells, if any.</summary>
    public static PrefixRow? PrefixOf(TokenKind token) => PrefixByToken[(int)token];

    /// <summary>The postfix operator a token spells, if any.</summary>
    public static PostfixRow? PostfixOf(TokenKind token) => PostfixByToken[(int)token];

    /// <summary>The row whose symbol the printer writes for <paramref name="op"/>.</summary>
    public static BinaryRow RowOf(BinaryOperator op) => CanonicalBinary[(int)op];

    /// <summary>The symbol the printer writes for <paramref name="op"/>.</summary>
    public static string SymbolOf(UnaryOperator op) => CanonicalPrefix[(int)op].Symbol;

    /// <summary>The symbol the printer writes for <paramref name="op"/>.</summary>
    public static string SymbolOf(PostfixOperator op) => CanonicalPostfix[(int)op].Symbol;

    /// <summary>
    /// Binary levels that the grammar reads inside <c>power</c> (right-associative, tighter than the
    /// prefixes) rather than in a flat chain.
    /// </summary>
    public static bool BindsTighterThanPrefix(BinaryRow row) => row.Precedence > PrefixPrecedence;

    private static TRow?[] ByToken<TRow>(TRow[] rows, Func<TRow, TokenKind> token)
        where TRow : struct
    {
        var table = new TRow?[Token.KindCount];
        foreach (var row in rows)
        {
            table[(int)token(row)] ??= row;
        }
        return table;
    }

    // The first row of each operator gives its canonical spelling.
    private static TRow[] Canonical<TRow>(TRow[] rows, Func<TRow, int> op, int count)
    {
        var table = new TRow[count];
        var seen = new bool[count];
        foreach (var row in rows)
        {
            if (!seen[op(row)])
            {
                table[op(row)] = row;
                seen[op(row)] = true;
            }
        }
        return table;
    }
}
