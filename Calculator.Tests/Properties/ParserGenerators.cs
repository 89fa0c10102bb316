using System.Numerics;
using Calculator.Parser;
using FsCheck;
using FsCheck.Fluent;

namespace Calculator.Tests.Properties;

/// <summary>
/// FsCheck generators for the parser's laws: random trees (bounded depth, every node kind, spans left default)
/// and random text, from calculator-heavy alphabets to arbitrary UTF-16.
/// </summary>
internal static class ParserGenerators
{
    private const int MaxDepth = 6;

    private static TextSpan NoSpan => default;

    private static readonly char[] NameStart = [.. "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"];
    private static readonly char[] NamePart = [.. "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"];

    public static Gen<string> Name { get; } =
        from first in Gen.Elements(NameStart)
        from length in Gen.Choose(0, 5)
        from rest in Gen.ArrayOf(Gen.Elements(NamePart), length)
        let name = first + new string(rest)
        where name != "to"
        select name;

    private static readonly Gen<BigInteger> Significand = Gen.Frequency(
        (4, Gen.Choose(0, 1000).Select(i => new BigInteger(i))),
        (2, Gen.Choose(0, int.MaxValue).Select(i => new BigInteger(i))),
        (1, Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, int.MaxValue), n))
            .Select(parts => parts.Aggregate(BigInteger.Zero, (acc, part) => (acc << 31) + part))));

    private static readonly Gen<int> Exponent = Gen.Frequency(
        (6, Gen.Constant(0)),
        (4, Gen.Choose(-40, 40)),
        (1, Gen.Elements(-1_000_000_000, 1_000_000_000, -999_999, 123_456_789)));

    // The parser keeps zero as (0, 0): 0e5 and 0.00 are the same literal, so trees never hold another zero.
    public static Gen<Expr> Number { get; } =
        from significand in Significand
        from exponent in Exponent
        select (Expr)new NumberLiteral(significand, significand.IsZero ? 0 : exponent, NoSpan);

    private static readonly Gen<Expr> Leaf = Gen.Frequency(
        (1, Number),
        (1, Name.Select(n => (Expr)new Variable(n, NoSpan))));

    private static readonly BinaryOperator[] BinaryOperators = Enum.GetValues<BinaryOperator>();
    private static readonly UnaryOperator[] UnaryOperators = Enum.GetValues<UnaryOperator>();

    public static Gen<Expr> Expression { get; } = Gen.Sized(size => ExpressionOfDepth(Math.Min((size / 5) + 1, MaxDepth)));

    private static Gen<Expr> ExpressionOfDepth(int depth)
    {
        if (depth <= 0)
        {
            return Leaf;
        }
        var sub = ExpressionOfDepth(depth - 1);
        return Gen.Frequency(
            (2, Leaf),
            (2, from op in Gen.Elements(UnaryOperators)
                from operand in sub
                select (Expr)new Unary(op, operand, NoSpan)),
            (1, sub.Select(operand => (Expr)new Factorial(operand, NoSpan))),
            (5, from op in Gen.Elements(BinaryOperators)
                from left in sub
                from right in sub
                select (Expr)new Binary(op, left, right, NoSpan, NoSpan)),
            (1, from name in Name
                from count in Gen.Choose(0, 3)
                from arguments in Gen.ArrayOf(sub, count)
                select (Expr)new FunctionCall(new Identifier(name, NoSpan), new NodeList<Expr>(arguments), NoSpan)),
            (1, from condition in sub
                from whenTrue in sub
                from whenFalse in sub
                select (Expr)new Conditional(condition, whenTrue, whenFalse, NoSpan)));
    }

    public static Gen<Statement> Statement { get; } = Gen.Frequency(
        (4, Expression.Select(e => (Statement)new ExpressionStatement(e, NoSpan))),
        (1, from e in Expression
            from radix in Gen.Elements(Enum.GetValues<NumberBase>())
            select (Statement)new ExpressionStatement(e, NoSpan) { Base = radix }),
        (1, from name in Name
            from value in Expression
            select (Statement)new Assignment(new Identifier(name, NoSpan), value, NoSpan)),
        (1, from name in Name
            from count in Gen.Choose(0, 3)
            from parameters in Gen.ArrayOf(Name, count)
            from body in Expression
            select (Statement)new FunctionDefinition(
                new Identifier(name, NoSpan),
                new NodeList<Identifier>([.. parameters.Select(p => new Identifier(p, NoSpan))]),
                body,
                NoSpan)));

    /// <summary>
    /// Decimal literal text with its expected (significand, exponent10): 1 to 40 digits, maybe a point, maybe
    /// separators between digits, maybe an exponent. Covers both the long fast path and the BigInteger path.
    /// </summary>
    public static Gen<(string Text, BigInteger Significand, int Exponent10)> DecimalLiteral { get; } =
        from length in Gen.Choose(1, 40)
        from digits in Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), length)
        from point in Gen.Choose(-1, length)
        from separators in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true))), length)
        from exponent in Gen.Frequency((2, Gen.Constant<int?>(null)), (3, Gen.Choose(-60, 60).Select(e => (int?)e)))
        from marker in Gen.Elements("e", "E", "e+")
        select DecimalCase(digits, point, separators, exponent, marker);

    private static (string, BigInteger, int) DecimalCase(char[] digits, int point, bool[] separators, int? exponent, string marker)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i == point)
            {
                text.Append('.');
            }
            else if (i > 0 && separators[i])
            {
                text.Append('_');
            }
            text.Append(digits[i]);
        }
        if (point == digits.Length)
        {
            text.Append('.');
        }
        if (exponent is { } e)
        {
            text.Append(e < 0 ? "e" : marker).Append(e.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var significand = BigInteger.Parse(new string(digits), System.Globalization.CultureInfo.InvariantCulture);
        var fractionDigits = point < 0 ? 0 : digits.Length - point;
        return (text.ToString(), significand, significand.IsZero ? 0 : (exponent ?? 0) - fractionDigits);
    }

    private static readonly string CalculatorCharacters = "0123456789.._eExXbBoO abcxyztoπ+-*/%^!~()(),==!<<>>&&||?:;#\n\r\t\uFEFF";

    /// <summary>Strings mostly of calculator characters, with a little arbitrary UTF-16 (lone surrogates included).</summary>
    public static Gen<string> CalculatorText { get; } = Gen.Sized(size =>
        Gen.Choose(0, Math.Max(1, size * 2)).SelectMany(length =>
            Gen.ArrayOf(
                Gen.Frequency(
                    (30, Gen.Elements(CalculatorCharacters.ToCharArray())),
                    (1, Gen.Choose(0, 0xFFFF).Select(c => (char)c))),
                length)
            .Select(chars => new string(chars))));

    /// <summary>Arbitrary UTF-16 strings, any code unit.</summary>
    public static Gen<string> UnicodeText { get; } = Gen.Sized(size =>
        Gen.Choose(0, Math.Max(1, size * 2)).SelectMany(length =>
            Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c), length).Select(chars => new string(chars))));

    private static readonly string[] Tokens =
    [
        "1", "0", "42", "3.75", ".5", "5.", "1e3", "2.5E-7", "0x1F", "0b1011", "0o17", "1_000", "1_", "0x_1",
        "x", "y", "pi", "π", "e", "f", "sqrt", "_a1",
        "+", "-", "*", "/", "%", "^", "!", "(", ")", ",", "=", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "?", ":",
        "&", "|", "<<", ">>", "~", "//", "**", "to", "hex", "bin",
        "×", "·", "÷", "−", "√", "²", "³", "°",
        ";", "\n", "#", "@", "é", "\0",
    ];

    /// <summary>Random sequences of real tokens (and a few bad ones), joined with or without blanks.</summary>
    public static Gen<string> TokenSoup { get; } = Gen.Sized(size =>
        Gen.Choose(0, Math.Max(1, size)).SelectMany(count =>
            Gen.ArrayOf(
                from token in Gen.Elements(Tokens)
                from blank in Gen.Elements("", "", " ", "\t")
                select token + blank,
                count)
            .Select(string.Concat)));
}
