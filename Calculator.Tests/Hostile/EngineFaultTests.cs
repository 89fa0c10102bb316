using Calculator.Evaluator;
using Xunit;

namespace Calculator.Tests.Hostile;

/// <summary>Faults the fuzzer found in the engine, pinned down as small cases.</summary>
public sealed class EngineFaultTests
{
    [Fact]
    public void Approximate_result_over_the_digit_limit_Is_a_limit_error_not_an_exception_when_printed()
    {
        // 0.9^(70.9^50) is about 10^(-10^91): the digit limit is only met when the value is printed.
        var outcome = new Session().Run(".9^(70.9^50)").Single();

        Assert.Equal(OutcomeKind.Error, outcome.Kind);
        Assert.Equal("limit", outcome.Error!.KindName);
        Assert.InRange(outcome.Error.Span.Start, 0, ".9^(70.9^50)".Length - 1);
    }

    [Theory]
    [InlineData(".9^(70.9^50)")]
    [InlineData("8^(0.7^(8.7^6006))")]
    [InlineData("x = .9^(70.9^50)")]
    public void Every_value_outcome_Formats_without_exception(string program)
    {
        foreach (var outcome in new Session().Run(program))
        {
            if (outcome.Value is { } value)
            {
                _ = value.Format();
                _ = value.Format(fraction: true);
            }
        }
    }
}
