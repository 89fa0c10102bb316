using Xunit;

namespace Calculator.Tests.Cli;

public class ArgumentTests
{
    [Fact]
    public void Arguments_JoinedBySpaces_FormTheProgram()
    {
        var result = CliHarness.Args("2", "+", "3");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("5\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Arguments_SeveralStatements_OneResultPerLineAndSharedScope()
    {
        var result = CliHarness.Args("x = 3; x*2; x^2");
        Assert.Equal("6\n9\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData(new[] { "-5+3" }, "-2")]
    [InlineData(new[] { "-5", "+", "3" }, "-2")]
    [InlineData(new[] { "-", "5" }, "-5")]
    [InlineData(new[] { "-", "-5" }, "5")]
    [InlineData(new[] { "--", "-5+3" }, "-2")]
    [InlineData(new[] { "2", "--", "-3" }, "-1")]
    [InlineData(new[] { "-p", "5", "--", "-5" }, "-5")]
    [InlineData(new[] { "-pi", "+", "pi" }, "0")]
    [InlineData(new[] { "-p5", "/", "p5" }, "-1")]
    public void Arguments_StartingWithMinus_ArePartOfTheExpression(string[] args, string expected)
    {
        var result = CliHarness.Args(["p5 = 2;", .. args]);
        Assert.Equal(expected + "\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void DoubleDash_EndsOptions_SoAnOptionNameIsExpressionText()
    {
        var result = CliHarness.Args("--", "-p");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("<args>:1:2: error: unknown name 'p'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AtWord_IsNotAResponseFile()
    {
        var result = CliHarness.Args("@nonexistent");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("<args>:1:1: error: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("response file", result.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Errors_InArguments_AreColumnsOfTheJoinedText()
    {
        var result = CliHarness.Args("1", "+", "*2");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "<args>:1:5: error: unexpected '*'; expected a number, a name or '('\n  1 + *2\n      ^\n",
            result.Stderr);
    }

    [Fact]
    public void Arguments_WithOptionsAfterThem_AreStillTheProgram()
    {
        var result = CliHarness.Args("1/3", "--fraction");
        Assert.Equal("1/3\n", result.Stdout);
    }

    [Fact]
    public void Arguments_GivenStdinToo_IgnoreStdin()
    {
        var result = CliHarness.Run("100\n", "1+1");
        Assert.Equal("2\n", result.Stdout);
    }
}
