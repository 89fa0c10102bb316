using System.Buffers;
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
        // A lone surrogate decodes to U+FFFD; name the code unit that is really there.
        return Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _) == OperationStatus.Done
            ? "unexpected character " + DescribeRune(rune)
            : "unexpected character " + CodePoint(text[index]);
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

    // Characters that would be invisible (or a box) between quotes are named by code point.
    private static string DescribeRune(Rune rune) =>
        Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse
            ? CodePoint(rune.Value)
            : "'" + rune.ToString() + "'";

    private static string CodePoint(int value) => string.Create(CultureInfo.InvariantCulture, $"U+{value:X4}");
}
