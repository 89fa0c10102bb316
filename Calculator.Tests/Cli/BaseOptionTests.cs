using Xunit;

namespace Calculator.Tests.Cli;

/// <summary>SPEC §5 and §7: <c>to hex</c> and <c>--base</c> on the command line, in plain and JSON output.</summary>
public class BaseOptionTests
{
    [Theory]
    [InlineData("16", "0xff\n-0x10\n0.5\ntrue\n0xffffffffffffffff\n")]
    [InlineData("8", "0o377\n-0o20\n0.5\ntrue\n0o1777777777777777777777\n")]
    [InlineData("2", "0b11111111\n-0b10000\n0.5\ntrue\n0b1111111111111111111111111111111111111111111111111111111111111111\n")]
    [InlineData("10", "255\n-16\n0.5\ntrue\n18446744073709551615\n")]
    public void Base_PrintsEveryIntegerResultInIt_AndOthersAsUsual(string radix, string expected)
    {
        var result = CliHarness.Args("--base", radix, "255; -16; 1/2; 1 < 2; 2^64-1");
        Assert.Equal((0, expected), (result.ExitCode, result.Stdout));
    }

    [Fact]
    public void Base_YieldsToTheStatementsOwnTo()
    {
        Assert.Equal("0xff\n255\n0b11\n", CliHarness.Args("--base", "16", "255; 0xff to dec; 3 to bin").Stdout);
        Assert.Equal("0xa\n", CliHarness.Args("--base=16", "--fraction", "20/2").Stdout);
        Assert.Equal("1/3\n", CliHarness.Args("--base", "16", "--fraction", "1/3").Stdout);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("hex")]
    [InlineData("0x10")]
    [InlineData("")]
    [InlineData("-16")]
    public void Base_OtherValues_AreUsageErrors(string radix)
    {
        var result = CliHarness.Args("--base", radix, "1");
        Assert.Equal((2, ""), (result.ExitCode, result.Stdout));
        Assert.StartsWith($"calc: error: --base takes 16, 8, 2 or 10, not '{radix}'\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Base_WithoutAValue_IsAUsageError()
    {
        var result = CliHarness.Args("1", "--base");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("calc: error: option '--base' needs a value\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ValueOfTo_IsTheConvertedText()
    {
        var result = CliHarness.Run("255 to hex\nx = 10\n1/2 to hex\n", "--format", "json");
        Assert.Equal(
            "{\"source\":\"<stdin>\",\"line\":1,\"input\":\"255 to hex\",\"value\":\"0xff\",\"exact\":true}\n"
            + "{\"source\":\"<stdin>\",\"line\":2,\"input\":\"x = 10\",\"name\":\"x\",\"value\":\"10\",\"exact\":true}\n"
            + "{\"source\":\"<stdin>\",\"line\":3,\"input\":\"1/2 to hex\",\"error\":{\"kind\":\"type\",\"message\":\"only integers print in hex\",\"column\":1,\"length\":3}}\n",
            result.Stdout);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Json_WithBase_ConvertsIntegerValuesOfAssignmentsToo()
    {
        var result = CliHarness.Args("--format", "json", "--base", "2", "x = 5; x");
        Assert.Contains("\"name\":\"x\",\"value\":\"0b101\"", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\"input\":\"x\",\"value\":\"0b101\",\"exact\":true}\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_OfTheNewOperators_RenderWithACaret()
    {
        var result = CliHarness.Args("2.5 & 1; x = 3 to hex; 1 << 10^9");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "<args>:1:1: error: '&' needs integers\n  2.5 & 1; x = 3 to hex; 1 << 10^9\n  ^~~\n"
            + "<args>:1:16: error: unexpected 'to': an assignment prints nothing to convert; write 'to hex' after an expression, as in 'x to hex'\n"
            + "  2.5 & 1; x = 3 to hex; 1 << 10^9\n                 ^~\n"
            + "<args>:1:26: error: limit: result would have about 301029996 digits\n  2.5 & 1; x = 3 to hex; 1 << 10^9\n                           ^~\n",
            result.Stderr);
    }
}
