using Calculator.Evaluator;
using Calculator.Parser;
using Xunit;

namespace Calculator.Tests.Cli;

/// <summary>SPEC §6: an error inside a user function points at the call, with a note at the place in the definition.</summary>
public class FunctionErrorTests
{
    [Fact]
    public void ErrorInBody_OnALaterLine_PointsAtTheCallAndNotesTheDefinition()
    {
        var result = CliHarness.Run("f(n)=sqrt(n-5)\n\n\n1+f(1)\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "<stdin>:4:3: error: square root of a negative number\n  1+f(1)\n    ^~~~\nnote: in f, defined at <stdin>:1:6\n",
            result.Stderr);
    }

    [Fact]
    public void ErrorInANestedFunction_PointsAtTheOutermostCall_AndNotesTheInnermostPlace()
    {
        var result = CliHarness.Run("g(x) = 1/x\nf(n) =   n + g(n - 3)\n10 + f(3)\n");

        Assert.Contains("<stdin>:3:6: error:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("note: in g, defined at <stdin>:1:9\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RecursionLimit_PointsAtTheCallInTheStatement()
    {
        var result = CliHarness.Run("f(n) = f(n+1)\n2 * f(0)\n");

        Assert.StartsWith("<stdin>:2:5: error: limit: recursion too deep\n  2 * f(0)\n      ^~~~\nnote: in f, defined at <stdin>:1:8\n",
            result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorInBody_Json_HasTheCallAndTheNote()
    {
        var result = CliHarness.Run("f(n)=sqrt(n-5)\n1+f(1)\n", "--format", "json");

        Assert.Equal(
            "{\"source\":\"<stdin>\",\"line\":2,\"input\":\"1+f(1)\",\"error\":{\"kind\":\"domain\",\"message\":\"square root of a negative number\","
            + "\"column\":3,\"length\":4,\"note\":{\"function\":\"f\",\"source\":\"<stdin>\",\"line\":1,\"column\":6,\"length\":9}}}",
            result.OutLines[^1]);
    }

    [Fact]
    public void ErrorOutsideFunctions_HasNoNote()
    {
        var result = CliHarness.Run("f(n)=n\nf(1)/0\n");

        Assert.DoesNotContain("note:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Session_ErrorInBody_CarriesTheBodySpanAsNote()
    {
        var session = new Session();
        session.Run("f(n) = ln(n)");
        var outcome = session.Run("3 + f(0)")[0];

        Assert.Equal(new TextSpan(4, 4), outcome.Error!.Span);
        Assert.Equal(new DiagnosticNote("f", new TextSpan(7, 5)), outcome.Error.Note);
    }
}
