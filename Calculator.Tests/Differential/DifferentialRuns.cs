using System.Globalization;
using System.Numerics;
using System.Text;
using Calculator.Evaluator;
using Calculator.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Calculator.Tests.Differential;

/// <summary>
/// What every differential test shares: its seeds (a fixed one and a fresh one printed in the log,
/// or <c>DIFF_SEED</c> alone), its cases per seed (<c>DIFF_CASES</c> divided by the test's share of
/// them), and for the approximate ones the comparison itself: calc at precision P against a Python
/// script that answers each case with the true value's correctly rounded digits, <c>error</c>, or
/// <c>tie</c> when it cannot decide the rounding (skipped).
/// </summary>
internal static class DifferentialRuns
{
    /// <summary>The fixed seed and a fresh one, or the seed <c>DIFF_SEED</c> replays.</summary>
    public static int[] Seeds(int fixedSeed) =>
        int.TryParse(Environment.GetEnvironmentVariable("DIFF_SEED"), CultureInfo.InvariantCulture, out var replay)
            ? [replay]
            : [fixedSeed, Random.Shared.Next()];

    /// <summary><c>DIFF_CASES</c> divided by <paramref name="share"/>, or <paramref name="defaultCases"/>.</summary>
    public static int CasesPerSeed(int defaultCases, int share = 1) =>
        int.TryParse(Environment.GetEnvironmentVariable("DIFF_CASES"), CultureInfo.InvariantCulture, out var n) ? n / share : defaultCases;

    /// <summary>
    /// Generates the cases of each seed, asks <paramref name="script"/> for all of them in one run,
    /// and fails listing the first disagreements, with the line that replays the seed.
    /// </summary>
    /// <param name="output">Where each seed's summary line goes (.ci/differential.sh reads it).</param>
    /// <param name="fixedSeed">The seed run every time.</param>
    /// <param name="defaultCases">Cases per seed without <c>DIFF_CASES</c>.</param>
    /// <param name="share">How many of <c>DIFF_CASES</c> make one case of this test.</param>
    /// <param name="oracle">The oracle's name in messages.</param>
    /// <param name="script">The Python script: one line of stdin per case, one answer per line.</param>
    /// <param name="generate">Makes a case: the calc text, its precision, and the script's input line.</param>
    public static void CompareApproximate(ITestOutputHelper output, int fixedSeed, int defaultCases, int share, string oracle,
        string script, Func<Random, (string Calc, int Precision, string Oracle)> generate)
    {
        var cases = CasesPerSeed(defaultCases, share);
        var failures = new StringBuilder();
        foreach (var seed in Seeds(fixedSeed))
        {
            var random = new Random(seed);
            var generated = Enumerable.Range(0, cases).Select(_ => generate(random)).ToList();
            var expected = Oracles.Run("python3", script, generated.Select(g => g.Oracle).ToList());
            var compared = 0;
            var mismatches = 0;
            for (var i = 0; i < generated.Count; i++)
            {
                if (expected[i] == "tie")
                {
                    continue;
                }
                compared++;
                var (calc, precision, line) = generated[i];
                var value = new Session(new SessionOptions { Precision = precision }).Run(calc).Single().Value;
                var ours = value?.Format() ?? "error";
                if (!Agrees(ours, value?.IsExact == true, precision, expected[i]) && ++mismatches <= 15)
                {
                    failures.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"seed {seed} case {i}: calc -p {precision} '{calc}' = {ours}; {oracle} = {expected[i]}\n    python: {line}"));
                }
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"approximate differential seed={seed}: {cases} cases, {compared} compared ({cases - compared} ties skipped), {mismatches} disagreements ({oracle})"));
            if (mismatches > 0)
            {
                failures.AppendLine(string.Create(CultureInfo.InvariantCulture, $"replay: DIFF_SEED={seed} DIFF_CASES={cases * share}"));
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }

    // An exact result whose expansion terminates prints all its digits (SPEC §5). The oracle gives
    // either the exact value too (gamma(30) as a factorial) or the value rounded to P digits, so an
    // exact result also agrees when its digits, rounded the same way (halves away from zero), do.
    private static bool Agrees(string ours, bool exact, int precision, string expected)
    {
        if (ours == "error" || expected == "error")
        {
            return ours == expected;
        }
        var (n, d) = PeersCorpus.ParseRational(ours);
        var (en, ed) = PeersCorpus.ParseRational(expected);
        if (n * ed == en * d)
        {
            return true;
        }
        (n, d) = exact ? RoundedToDigits(n, d, precision) : (n, d);
        return n * ed == en * d;
    }

    // n/d (a terminating decimal, d > 0) rounded to the given significant digits.
    private static (BigInteger Numerator, BigInteger Denominator) RoundedToDigits(BigInteger n, BigInteger d, int digits)
    {
        var places = 0;
        var scale = BigInteger.One;
        while (!(scale % d).IsZero)
        {
            places++;
            scale *= 10;
        }
        // |n/d| = m / 10^places, m an integer.
        var m = BigInteger.Abs(n) * scale / d;
        var drop = m.ToString(CultureInfo.InvariantCulture).Length - digits;
        if (drop <= 0)
        {
            return (n, d);
        }
        var unit = BigInteger.Pow(10, drop);
        var kept = BigInteger.DivRem(m, unit, out var rest);
        if (rest * 2 >= unit)
        {
            kept++;
        }
        return (n.Sign * kept * unit, scale);
    }
}
