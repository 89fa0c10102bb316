using Calculator.Evaluator;
using Calculator.Parser;
using Xunit;

namespace Calculator.Tests.Evaluator.Numerics;

/// <summary>
/// Issue 13.2: results reached through ±√q, k·pi, k·ln a, e^q and a^q forms are exact when
/// they are rational, and ties among them round by the exact rules (class B). Issue 13.1 and
/// 13.4: cancellation past the cap, the trigonometric limit and integer parts (classes A, D, E).
/// </summary>
public sealed class ExactFormTests
{
    [Theory]
    [InlineData("sqrt(2)^2/16", "1/8")]
    [InlineData("exp(ln(2.5))", "5/2")]
    [InlineData("sin(pi/6)*5", "5/2")]
    [InlineData("log2(2^(1/8))", "1/8")]
    [InlineData("cosh(ln(4))", "17/8")]
    [InlineData("sinh(ln(4))", "15/8")]
    [InlineData("tanh(ln(3))", "4/5")]
    [InlineData("e^ln(3)", "3")]
    [InlineData("exp(2*ln(3))", "9")]
    [InlineData("exp(ln(8)/3)", "2")]
    [InlineData("ln(e^2)", "2")]
    [InlineData("ln(exp(3/2))", "3/2")]
    [InlineData("ln(8)/ln(2)", "3")]
    [InlineData("sqrt(2)*sqrt(8)", "4")]
    [InlineData("sqrt(12)/sqrt(3)", "2")]
    [InlineData("(2^(1/3))^6", "4")]
    [InlineData("cos(2*pi/3)", "-1/2")]
    [InlineData("tan(-pi/4)", "-1")]
    [InlineData("sin(pi/4)^2", "1/2")]
    [InlineData("tan(pi/3)^2", "3")]
    [InlineData("(pi/2)/(pi/6)", "3")]
    [InlineData("floor(sqrt(2)^2)", "2")]
    public void Recognised_forms_give_exact_results(string expression, string fraction)
    {
        var value = Run(expression, 20);
        Assert.True(value.IsExact, expression);
        Assert.Equal(fraction, value.Format(fraction: true));
    }

    [Theory]
    [InlineData("sqrt(6)/sqrt(3)")]
    [InlineData("sin(pi/4)")]
    [InlineData("exp(10^7*ln(2))")]
    [InlineData("sin(pi/5)")]
    [InlineData("sin(1)^2+cos(1)^2")]
    public void Irrational_or_large_results_stay_approximate(string expression) =>
        Assert.False(Run(expression, 20).IsExact);

    [Fact]
    public void A_pole_reached_through_a_form_is_a_domain_error()
    {
        var outcome = new Session().Run("tan(pi/2)")[^1];
        Assert.Equal(DiagnosticKind.Domain, outcome.Error?.Kind);
    }

    [Theory]
    [InlineData(20, "sin(2^(2^20))", "-0.95671240944716243984")]
    [InlineData(20, "tan(2^(2^20))", "-3.2872762422365803774")]
    [InlineData(20, "exp(1e-140)-1", "1e-140")]
    [InlineData(20, "1-tanh(175)", "1.9859180792529958593e-152")]
    [InlineData(20, "acosh(1+1e-160)", "1.4142135623730950488e-80")]
    [InlineData(20, "sin(pi)", "0")]
    [InlineData(20, "sin(1)^2 + cos(1)^2 - 1", "0")]
    [InlineData(20, "floor(pi*10^5000) % 1000", "721")]
    [InlineData(20, "1/(exp(1e-100)-1) > 10^99", "true")]
    [InlineData(20, "exp(1e-100)-1", "1e-100")]
    public void Issue_13_examples_print_their_true_values(int precision, string expression, string expected) =>
        Assert.Equal(expected, Run(expression, precision).Format());

    [Fact]
    public void Floor_of_a_large_approximate_value_has_all_its_digits()
    {
        var text = Run("floor(exp(1000))", 20).Format();
        Assert.Equal(435, text.Length);
        Assert.EndsWith("217568", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_within_the_cap_of_a_tie_is_the_tie()
    {
        // Class C (SPEC §4): exp(-600) is below a relative 10^-(3P+50) of the tie, so the value
        // is taken to be the tie and rounds half away from zero, though it is truly below it.
        Assert.Equal("1.2345678901234567891", Run("1.23456789012345678905 - exp(-600)", 20).Format());

        // exp(-200) is above it: refined until decided.
        Assert.Equal("1.234567890123456789", Run("1.23456789012345678905 - exp(-200)", 20).Format());
    }

    private static Value Run(string expression, int precision)
    {
        var outcome = new Session(new SessionOptions { Precision = precision }).Run(expression)[^1];
        Assert.True(outcome.Error is null, $"{expression}: {outcome.Error?.Message}");
        return outcome.Value!;
    }
}
