using Calculator.Parser;
using Calculator.Tests.Support;
using Xunit;

namespace Calculator.Tests.Evaluator;

/// <summary>SPEC §4 and §5 for programmers: <c>&amp; | &lt;&lt; &gt;&gt; ~ // **</c> and the <c>to hex</c> suffix, through a session.</summary>
public sealed class IntegerOperatorTests
{
    [Theory]
    [InlineData("255 to hex", "0xff")]
    [InlineData("-255 to hex", "-0xff")]
    [InlineData("10 to bin", "0b1010")]
    [InlineData("8 to oct", "0o10")]
    [InlineData("2^64-1 to hex", "0xffffffffffffffff")]
    [InlineData("0xff to dec", "255")]
    [InlineData("0 to hex", "0x0")]
    [InlineData("0 to bin", "0b0")]
    [InlineData("-1 to bin", "-0b1")]
    [InlineData("10/5 to bin", "0b10")]
    [InlineData("2^100 to hex", "0x10000000000000000000000000")]
    [InlineData("x = 255; x to hex", "0xff")]
    [InlineData("sqrt(2)^2 to hex", "0x2")]
    public void To_PrintsIntegersInTheBase_WithThePrefixCalcReads(string program, string expected) =>
        Assert.Equal(expected, Calc.Last(program));

    [Theory]
    [InlineData("0xff to hex", "0xff")]
    [InlineData("-0o17 to oct", "-0o17")]
    [InlineData("0b1011 to bin", "0b1011")]
    [InlineData("123456789012345678901234567890 to hex", "0x18ee90ff6c373e0ee4e3f0ad2")]
    public void To_Output_ReadsBackAsTheSameNumber(string program, string expected)
    {
        var printed = Calc.Last(program);
        Assert.Equal(expected, printed);
        Assert.Equal("true", Calc.Last($"{printed} == {program[..program.IndexOf(" to", StringComparison.Ordinal)]}"));
    }

    [Fact]
    public void To_LeavesAnsTheNumber()
    {
        Assert.Equal(["0xff", "255", "256"], Calc.All("255 to hex; ans; ans + 1"));
    }

    [Theory]
    [InlineData("1/2 to hex", 0, 3, "only integers print in hex")]
    [InlineData("2.5 to bin", 0, 3, "only integers print in binary")]
    [InlineData("(1/3) to oct", 0, 5, "only integers print in octal")]
    [InlineData("0.5 to dec", 0, 3, "only integers print in decimal")]
    [InlineData("1 + sqrt(2) to hex", 0, 11, "only exact integers print in hex, not an approximate value")]
    [InlineData("true to hex", 0, 4, "only integers print in hex")]
    [InlineData("pi to oct", 0, 2, "only exact integers print in octal, not an approximate value")]
    public void To_OfANonInteger_IsATypeErrorAtTheOperand(string program, int start, int length, string message)
    {
        var error = Calc.LastOutcome(program).Error!;
        Assert.Equal((DiagnosticKind.Type, new TextSpan(start, length), message), (error.Kind, error.Span, error.Message));
    }

    [Fact]
    public void To_ThatFails_LeavesAnsAlone() =>
        Assert.Equal(["7", "error:type", "7"], Calc.All("7; 1/2 to hex; ans"));

    [Theory]
    [InlineData("12 & 10", "8")]
    [InlineData("12 | 10", "14")]
    [InlineData("~5", "-6")]
    [InlineData("~-1", "0")]
    [InlineData("~~7", "7")]
    [InlineData("-5 & 3", "3")]
    [InlineData("-5 | 3", "-5")]
    [InlineData("-6 & -3", "-8")]
    [InlineData("2^100 | 1", "1267650600228229401496703205377")]
    [InlineData("(2^100 - 1) & -2^64", "1267650600209782657422993653760")]
    [InlineData("1 << 100", "1267650600228229401496703205376")]
    [InlineData("-3 << 2", "-12")]
    [InlineData("5 >> 1", "2")]
    [InlineData("-5 >> 1", "-3")]
    [InlineData("-1 >> 1000", "-1")]
    [InlineData("5 >> 10^100", "0")]
    [InlineData("-5 >> 10^100", "-1")]
    [InlineData("0 << 10^100", "0")]
    [InlineData("4/2 & 3", "2")]
    public void Bitwise_UsesPythonsTwosComplement(string expression, string expected) =>
        Assert.Equal(expected, Calc.Last(expression));

    [Theory]
    [InlineData("7 // 2", "3")]
    [InlineData("-7 // 2", "-4")]
    [InlineData("7 // -2", "-4")]
    [InlineData("7.5 // 2", "3")]
    [InlineData("1/3 // 1/9", "0")]
    [InlineData("(1/3) // (1/9)", "3")]
    [InlineData("-0.5 // 1", "-1")]
    [InlineData("10^30 // 7", "142857142857142857142857142857")]
    [InlineData("pi // 1", "3")]
    [InlineData("7 // 2 * 2 + 7 % 2", "7")]
    public void FloorDivide_IsFloorOfTheQuotient(string expression, string expected) =>
        Assert.Equal(expected, Calc.Last(expression));

    [Theory]
    [InlineData("2**10", "1024")]
    [InlineData("2 ** 3 ** 2", "512")]
    [InlineData("-2**2", "-4")]
    [InlineData("2**-1", "0.5")]
    [InlineData("2**3!", "64")]
    public void StarStar_IsPower(string expression, string expected) =>
        Assert.Equal(expected, Calc.Last(expression));

    [Theory]
    [InlineData("5 & 1 == 1", "true")]
    [InlineData("6 | 1 == 7", "true")]
    [InlineData("1 << 2 + 1", "8")]
    [InlineData("1 | 2 & 3", "3")]
    [InlineData("1 | 6 ^ 1", "7")]
    [InlineData("2 * 3 // 4", "1")]
    [InlineData("~1 + 1", "-1")]
    [InlineData("~2^2", "-5")]
    [InlineData("6 & 3 << 1", "6")]
    [InlineData("x = 12; x & 4 != 0 && x | 1 == 13", "true")]
    public void Precedence_FollowsPython(string expression, string expected) =>
        Assert.Equal(expected, Calc.Last(expression));

    [Theory]
    [InlineData("2.5 & 1", DiagnosticKind.Type, 0, 3, "'&' needs integers")]
    [InlineData("1 | 1/2", DiagnosticKind.Type, 4, 3, "'|' needs integers")]
    [InlineData("1 << 0.5", DiagnosticKind.Type, 5, 3, "'<<' needs integers")]
    [InlineData("2.5 & 1 / 0", DiagnosticKind.DivisionByZero, 8, 1, "division by zero")]
    [InlineData("sqrt(2) >> 1", DiagnosticKind.Type, 0, 7, "'>>' needs exact integers, not an approximate value")]
    [InlineData("~0.5", DiagnosticKind.Type, 1, 3, "'~' needs an integer")]
    [InlineData("~pi", DiagnosticKind.Type, 1, 2, "'~' needs an exact integer, not an approximate value")]
    [InlineData("true & 1", DiagnosticKind.Type, 0, 4, "expected a number, got a boolean")]
    [InlineData("1 << -1", DiagnosticKind.Domain, 5, 2, "a shift count must not be negative")]
    [InlineData("1 >> -3", DiagnosticKind.Domain, 5, 2, "a shift count must not be negative")]
    [InlineData("1 << 10^9", DiagnosticKind.Limit, 2, 2, "limit: result would have about 301029996 digits")]
    [InlineData("3 << 10^100", DiagnosticKind.Limit, 2, 2, "limit: result would have about 3e+99 digits")]
    [InlineData("7 // 0", DiagnosticKind.DivisionByZero, 2, 2, "division by zero")]
    [InlineData("5 // (1 - 1)", DiagnosticKind.DivisionByZero, 2, 2, "division by zero")]
    public void Errors_HaveTheirKindAndSpan(string expression, DiagnosticKind kind, int start, int length, string message)
    {
        var error = Calc.LastOutcome(expression).Error!;
        Assert.Equal((kind, new TextSpan(start, length), message), (error.Kind, error.Span, error.Message));
    }

    [Fact]
    public void ShiftPastTheDigitLimit_FailsAtOnce()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal("error:limit", Calc.Last("1 << 10^9"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }
}
