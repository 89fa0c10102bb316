using System.Buffers;
using System.Globalization;
using System.Text;

namespace Calculator.Parser;

/// <summary>Every message text the parser produces, in one place.</summary>
internal static class SyntaxMessages
{
    public const string NestedTooDeeply = "limit: nested too deeply";
    public const string MisplacedSeparator = "a digit separator '_' must stand between two digits";
    public const string ExponentTooLarge = "limit: exponent of the number is too large";
    public const string ComparisonsDoNotChain = "comparisons do not chain; combine them with '&&'";
    public const string ConversionOfAssignment = "an assignment prints nothing to convert; write 'to hex' after an expression, as in 'x to hex'";
    public const string ConversionPlace = "'to' may only end an expression statement, as in '255 to hex'";

    // What the grammar expects, as the expected-set of an error names it.
    public const string ANumber = "a number";
    public const string AName = "a name";
    public const string AParameterName = "a parameter name";
    public const string AnOperator = "an operator";
    public const string OpenParenthesis = "'('";
    public const string CloseParenthesis = "')'";
    public const string Comma = "','";
    public const string Colon = "':'";
    public const string EqualsSign = "'='";
    public const string EndOfStatement = "end of statement";
    public const string ABase = "hex, bin, oct or dec";

    /// <summary>A token the grammar read and then refused, with the reason.</summary>
    public static string Rejected(string what, string reason) => "unexpected " + what + ": " + reason;

    public static string InvalidRadixLiteral(int radix) => radix switch
    {
        16 => "invalid hexadecimal literal: '0x' must be followed by digits 0-9 or a-f",
        8 => "invalid octal literal: '0o' must be followed by digits 0-7",
        _ => "invalid binary literal: '0b' must be followed by digits 0 or 1",
    };

    public static string IncompleteExponent(ReadOnlySpan<char> number, char e)
    {
        // A number of hundreds of digits would drown the advice.
        var shown = number.Length <= 24 ? number.ToString() : "2";
        return $"incomplete exponent: '{e}' after a number must be followed by digits, as in {shown}{e}3; "
            + $"to multiply by {e}, write {shown}*{e} or {shown} {e}";
    }

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
