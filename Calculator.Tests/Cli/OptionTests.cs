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
        Assert.StartsWith("calc: --format takes plain or json, not 'xml'\n", result.Stderr, StringComparison.Ordinal);
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

    [Fact]
    public void Option_MissingItsValue_IsAUsageError()
    {
        var result = CliHarness.Args("1", "-p");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("calc: ", result.Stderr, StringComparison.Ordinal);
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
