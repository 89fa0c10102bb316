using Xunit;
using Calculator.Evaluator;
using Calculator.Tests.Support;

namespace Calculator.Tests.Evaluator;

/// <summary>Every row of the peers corpus: ~1500 cases from other evaluators' test suites.</summary>
public sealed class PeersCorpusTests
{
    public static TheoryData<string> ExactRows => PeersCorpus.Ids("exact");

    public static TheoryData<string> ApproxRows => PeersCorpus.Ids("approx");

    public static TheoryData<string> ErrorRows => PeersCorpus.Ids("error");

    [Fact]
    public void Corpus_has_every_row()
    {
        Assert.Equal(1498, PeersCorpus.All.Count);
    }

    [Theory]
    [MemberData(nameof(ExactRows))]
    public void Exact_row_equals_expected_rational(string id)
    {
        var row = PeersCorpus.Get(id);
        var value = LastValue(row);
        if (row.Expected is "true" or "false")
        {
            Assert.True(value.IsBoolean, $"{row.Expression}: expected a boolean, got {value.Format()}");
            Assert.Equal(row.Expected, value.Format());
            return;
        }
        Assert.True(value.TryGetFraction(out var numerator, out var denominator),
            $"{row.Expression}: expected exact {row.Expected}, got approximate {value.Format()}");
        var expected = PeersCorpus.ParseRational(row.Expected);
        Assert.Equal(expected, (numerator, denominator));
    }

    [Theory]
    [MemberData(nameof(ApproxRows))]
    public void Approx_row_prints_expected_digits(string id)
    {
        var row = PeersCorpus.Get(id);
        Assert.Equal(row.Expected, LastValue(row).Format());
    }

    [Theory]
    [MemberData(nameof(ErrorRows))]
    public void Error_row_is_rejected(string id)
    {
        var row = PeersCorpus.Get(id);
        var outcomes = new Session().Run(PeersCorpus.Program(row));
        Assert.NotEmpty(outcomes);
        var last = outcomes[^1];
        Assert.True(last.Kind == OutcomeKind.Error, $"{row.Expression}: expected an error ({row.Expected}), got {last.Value?.Format()}");
        Assert.NotNull(last.Error);
    }

    private static Value LastValue(PeerCase row)
    {
        var outcomes = new Session().Run(PeersCorpus.Program(row));
        Assert.NotEmpty(outcomes);
        foreach (var outcome in outcomes)
        {
            Assert.True(outcome.Kind != OutcomeKind.Error, $"{row.Expression}: {outcome.Error?.Message}");
        }
        var last = outcomes[^1];
        Assert.Equal(OutcomeKind.Value, last.Kind);
        return last.Value!;
    }
}
