using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Calculator.Parser;
using Xunit;
using static Calculator.Tests.Support.ParserTestKit;

namespace Calculator.Tests.Parser;

/// <summary>Every number form of SPEC §2, with its exact (significand, exponent10).</summary>
public class LiteralTests
{
    [Theory]
    [InlineData("42", "42", 0)]
    [InlineData("3.75", "375", -2)]
    [InlineData(".5", "5", -1)]
    [InlineData("5.", "5", 0)]
    [InlineData("1e3", "1", 3)]
    [InlineData("1E+3", "1", 3)]
    [InlineData("2.5E-7", "25", -8)]
    [InlineData("0.1", "1", -1)]
    [InlineData("1e-3", "1", -3)]
    [InlineData("0x1F", "31", 0)]
    [InlineData("0X1f", "31", 0)]
    [InlineData("0b1011", "11", 0)]
    [InlineData("0o17", "15", 0)]
    [InlineData("1_000_000", "1000000", 0)]
    [InlineData("0xFF_FF", "65535", 0)]
    [InlineData("0b1_0", "2", 0)]
    [InlineData("1_0.2_5e1_0", "1025", 8)]
    [InlineData("007", "7", 0)]
    [InlineData("0", "0", 0)]
    [InlineData("0.000", "0", 0)]
    [InlineData("0e5", "0", 0)]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890", 0)]
    [InlineData("0xFFFFFFFFFFFFFFFFFF", "4722366482869645213695", 0)]
    [InlineData("1e999999999", "1", 999999999)]
    public void Literal_EachForm_KeepsExactValue(string text, string significand, int exponent10)
    {
        var literal = Assert.IsType<NumberLiteral>(Expression(text));
        Assert.Equal((BigInteger.Parse(significand, CultureInfo.InvariantCulture), exponent10), (literal.Significand, literal.Exponent10));
        Assert.Equal(new TextSpan(0, text.Length), literal.Span);
    }

    [Fact]
    public void Literal_5000Digits_KeepsEveryDigit()
    {
        var digits = string.Concat(Enumerable.Range(0, 5000).Select(i => (char)('1' + (i % 9))));
        var literal = Assert.IsType<NumberLiteral>(Expression(digits + ".25"));
        Assert.Equal((BigInteger.Parse(digits + "25", CultureInfo.InvariantCulture), -2), (literal.Significand, literal.Exponent10));
    }

    [Fact]
    public void Literal_100000HexDigits_ParsesExactlyAndFast()
    {
        var hex = string.Concat(Enumerable.Range(0, 100_000).Select(i => "0123456789abcdef"[(i * 7) % 16]));
        var stopwatch = Stopwatch.StartNew();
        var literal = Assert.IsType<NumberLiteral>(Expression("0x" + hex));
        stopwatch.Stop();
        Assert.Equal(BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture), literal.Significand);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.Elapsed}");
    }

    [Theory]
    [InlineData("1_", 1)]
    [InlineData("1__0", 1)]
    [InlineData("1_a", 1)]
    [InlineData("0x_1", 2)]
    [InlineData("0b_1", 2)]
    [InlineData("0xF_", 3)]
    [InlineData("1e5_", 3)]
    [InlineData("2 * 3_ + 1", 5)]
    public void Literal_MisplacedSeparator_IsSyntaxErrorAtTheUnderscore(string text, int at)
    {
        var error = Error(text);
        Assert.Equal(
            (DiagnosticKind.Syntax, new TextSpan(at, 1), "a digit separator '_' must stand between two digits"),
            (error.Kind, error.Span, error.Message));
    }

    private const string ToMultiplyByE = "to multiply by e, write ";

    [Theory]
    [InlineData("1e", 0, 2, "1")]
    [InlineData("2e", 0, 2, "2")]
    [InlineData("3e2e", 0, 4, "3e2")]
    [InlineData("1.23e++4", 0, 5, "1.23")]
    [InlineData("2.e", 0, 3, "2.")]
    [InlineData(".5e-", 0, 3, ".5")]
    [InlineData("x = 1 + 2e", 8, 2, "2")]
    public void Literal_EWithoutExponentDigits_IsIncompleteExponent(string text, int start, int length, string number)
    {
        var error = Error(text);
        Assert.Equal((DiagnosticKind.Syntax, new TextSpan(start, length)), (error.Kind, error.Span));
        Assert.StartsWith("incomplete exponent", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(ToMultiplyByE + number + "*e or " + number + " e", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Literal_CapitalEWithoutExponentDigits_NamesTheLetterTyped()
    {
        var error = Error("2E");
        Assert.Equal(
            (DiagnosticKind.Syntax, new TextSpan(0, 2), "incomplete exponent: 'E' after a number must be followed by digits, as in 2E3; to multiply by E, write 2*E or 2 E"),
            (error.Kind, error.Span, error.Message));
    }

    [Fact]
    public void Literal_LongNumberBeforeE_KeepsTheAdviceShort()
    {
        var error = Error(new string('9', 500) + "e");
        Assert.Equal(new TextSpan(0, 501), error.Span);
        Assert.True(error.Message.Length < 200, error.Message);
    }

    [Theory]
    [InlineData("2 e", "(* 2 e)")]
    [InlineData("2*e", "(* 2 e)")]
    [InlineData("2e3", "2e3")]
    [InlineData("2e-3", "2e-3")]
    [InlineData("(2)e", "(* 2 e)")]
    public void Literal_EAfterSpaceOrOperatorOrValidExponent_IsNotAnError(string text, string shape) =>
        Assert.Equal(shape, Tree(text));

    [Theory]
    [InlineData("0x", 0, 2, "invalid hexadecimal literal")]
    [InlineData("0X", 0, 2, "invalid hexadecimal literal")]
    [InlineData("0xg", 0, 3, "invalid hexadecimal literal")]
    [InlineData("0o8", 0, 3, "invalid octal literal")]
    [InlineData("0o", 0, 2, "invalid octal literal")]
    [InlineData("0b2", 0, 3, "invalid binary literal")]
    [InlineData("0b", 0, 2, "invalid binary literal")]
    [InlineData("x=5; 0x", 5, 2, "invalid hexadecimal literal")]
    [InlineData("b2=7; 0b2", 6, 3, "invalid binary literal")]
    [InlineData("1 + 0xyz + 2", 4, 4, "invalid hexadecimal literal")]
    public void Literal_BasePrefixWithoutDigit_IsInvalidLiteralAtTheLiteral(string text, int start, int length, string message)
    {
        var error = CalcParser.ParseProgram(text)[^1].Error;
        Assert.NotNull(error);
        Assert.Equal((DiagnosticKind.Syntax, new TextSpan(start, length)), (error.Kind, error.Span));
        Assert.StartsWith(message + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Literal_ExponentBeyondLimit_IsLimitError()
    {
        var error = Error("1e1000000001");
        Assert.Equal((DiagnosticKind.Limit, new TextSpan(2, 10)), (error.Kind, error.Span));
        Assert.StartsWith("limit:", error.Message, StringComparison.Ordinal);
    }
}
