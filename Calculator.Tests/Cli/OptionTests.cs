using Xunit;

namespace Calculator.Tests.Cli;

public class OptionTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100001")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999999")]
    public void Precision_OutOfRangeOrNotANumber_IsAUsageError(string value)
    {
        var result = CliHarness.Args("-p", value, "1");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("--precision takes a whole number from 1 to 100000", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Try 'calc --help'", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-p", "1")]
    [InlineData("--precision", "100000")]
    [InlineData("--precision=7", null)]
    public void Precision_InRange_IsAccepted(string option, string? value)
    {
        string[] args = value is null ? [option, "1+1"] : [option, value, "1+1"];
        var result = CliHarness.Args(args);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2\n", result.Stdout);
    }

    [Fact]
    public void Precision_SetsSignificantDigitsOfApproximateResults()
    {
        Assert.Equal("1.4142\n", CliHarness.Args("-p", "5", "sqrt(2)").Stdout);
        Assert.Equal("1.4142135623730950488\n", CliHarness.Args("sqrt(2)").Stdout);
    }

    [Fact]
    public void Fraction_PrintsExactNonIntegersAsPOverQ()
    {
        Assert.Equal("1/3\n-7/2\n4\n", CliHarness.Args("--fraction", "1/3; -7/2; 8/2").Stdout);
        Assert.Equal("0.5\n", CliHarness.Args("1/2").Stdout);
    }

    [Fact]
    public void Format_Unknown_IsAUsageError()
    {
        var result = CliHarness.Args("--format", "xml", "1");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("calc: error: --format takes plain or json, not 'xml'\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Plain_IsTheDefault()
    {
        Assert.Equal("3\n", CliHarness.Args("--format", "plain", "1+2").Stdout);
    }

    [Fact]
    public void FailFast_StopsAtTheFirstError()
    {
        var result = CliHarness.Run("1\n1/0\n2\n", "--fail-fast");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("1\n", result.Stdout);
        Assert.Single(result.ErrLines, l => l.Contains("error:", StringComparison.Ordinal));
    }

    [Fact]
    public void FailFast_StopsWithinALine()
    {
        var result = CliHarness.Args("--fail-fast", "1; 1+; 2");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("1\n", result.Stdout);
    }

    [Fact]
    public void WithoutFailFast_EvaluationContinuesAfterAnError()
    {
        var result = CliHarness.Run("1\n1/0\n2\n");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("1\n2\n", result.Stdout);
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        var result = CliHarness.Args("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    public void Help_ShowsOptionsAndExamples(string option)
    {
        var result = CliHarness.Args(option);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--precision", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--format", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Examples:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("calc 2^64 - 1", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [InlineData(new[] { "1", "-p" }, "option '-p' needs a value")]
    [InlineData(new[] { "--format" }, "option '--format' needs a value")]
    [InlineData(new[] { "-f", "--fraction", "1" }, "option '-f' needs a value")]
    [InlineData(new[] { "--precison", "5", "pi" }, "unknown option '--precison'; did you mean '--precision'?")]
    [InlineData(new[] { "--fractoin", "1/3" }, "unknown option '--fractoin'; did you mean '--fraction'?")]
    [InlineData(new[] { "--bogus", "1" }, "unknown option '--bogus'")]
    [InlineData(new[] { "1", "--x" }, "unknown option '--x'")]
    [InlineData(new[] { "--bogus=1", "2" }, "unknown option '--bogus'")]
    [InlineData(new[] { "--fraction=yes", "1" }, "option '--fraction' takes no value")]
    [InlineData(new[] { "--help=1" }, "option '--help' takes no value")]
    public void UsageErrors_AreCalcsOwnSentences_ExitTwo(string[] args, string message)
    {
        var result = CliHarness.Args(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"calc: error: {message}\nTry 'calc --help' for more information.\n", result.Stderr);
    }

    [Theory]
    [InlineData(new[] { "--", "--bogus" }, "<args>:1:3: error: unknown name 'bogus'")]
    [InlineData(new[] { "-x" }, "<args>:1:2: error: unknown name 'x'")]
    [InlineData(new[] { "-precision" }, "<args>:1:2: error: unknown name 'precision'")]
    public void ArgumentsThatAreNoOptionName_StayExpressionText(string[] args, string error)
    {
        var result = CliHarness.Args(args);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(error, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DoubleMinusBeforeADigit_IsExpressionText()
    {
        Assert.Equal("5\n", CliHarness.Args("--5").Stdout);
    }

    [Fact]
    public void OptionValues_MayFollowAnEqualsSign()
    {
        Assert.Equal("3.1416\n", CliHarness.Args("--precision=5", "pi").Stdout);
        Assert.Equal("3.1416\n", CliHarness.Args("-p=5", "pi").Stdout);
        Assert.Equal("-5\n", CliHarness.Args("-p", "5", "--", "-5").Stdout);
    }

    [Fact]
    public void Directives_AreNotSpecial()
    {
        var result = CliHarness.Args("[diagram]", "1");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("<args>:1:1: error:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("\n  [diagram] 1\n", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, CliHarness.Args("[x]", "-p", "0").ExitCode);
    }
}
