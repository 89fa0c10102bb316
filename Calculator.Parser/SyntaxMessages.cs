using System.Globalization;
using System.Text;

namespace Calculator.Parser;

/// <summary>Every message text the parser produces, in one place.</summary>
internal static class SyntaxMessages
{
    public const string NestedTooDeeply = "limit: nested too deeply";
    public const string MisplacedSeparator = "a digit separator '_' must stand between two digits";
    public const string OperandStart = "a number, a name or '('";
    public const string AnOperator = "an operator";
    public const string EndOfStatement = "end of statement";
    public const string ExponentTooLarge = "limit: exponent of the number is too large";

    public static string ChainedComparison(string what) =>
        "unexpected " + what + ": comparisons do not chain; combine them with '&&'";

    public static string StatementTooLong(int length) =>
        string.Create(CultureInfo.InvariantCulture, $"limit: statement too long ({length} characters; the limit is 1 MiB)");

    public static string UnexpectedCharacter(string text, int index)
    {
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _);
        return "unexpected character " + DescribeRune(rune);
    }

    public static string Unexpected(string what, IReadOnlyList<string> expected)
    {
        if (expected.Count == 0)
        {
            return "unexpected " + what;
        }
        var builder = new StringBuilder("unexpected ").Append(what).Append("; expected ");
        for (var i = 0; i < expected.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(i == expected.Count - 1 ? " or " : ", ");
            }
            builder.Append(expected[i]);
        }
        return builder.ToString();
    }

    private static string DescribeRune(Rune rune) =>
        Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}")
            : "'" + rune.ToString() + "'";
}
