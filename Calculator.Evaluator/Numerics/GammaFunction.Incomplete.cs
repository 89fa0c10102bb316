using System.Numerics;

namespace Calculator.Evaluator.Numerics;

// Γ(x) for x below a few times the working bits by the lower incomplete gamma function
// (docs/numerics.md, "Gamma").
internal static partial class GammaFunction
{
    /// <summary>
    /// Below 4 to 8 times wp the incomplete-gamma series costs O(x + wp) cheap terms; beyond,
    /// its products grow with x while the Stirling series needs ever fewer Bernoulli numbers
    /// (about 1800 at 10 000 digits, 150 at 1000).
    /// </summary>
    private static bool UsesIncompleteSeries(Ball x, int wp) => x.UpperLog2 <= BitLength(wp) + 2;

    /// <summary>
    /// Γ(x) = N^x·e^−N·(S + θ·2/N), θ ∈ [0, 1], with S = Σ_k N^k/(x(x+1)…(x+k)): the series is
    /// the lower incomplete gamma function γ(x, N)·e^N·N^−x (all terms positive), and the upper
    /// part Γ(x, N) = ∫_N^∞ t^(x−1)e^−t dt ≤ N^(x−1)e^−N/(1 − (x−1)/N) ≤ 2·N^(x−1)·e^−N for
    /// N ≥ 2(x−1). N is chosen so that S ≥ 2^(wp+16), which makes that part negligible. The
    /// terms rise until k ≈ N − x and fall after; once x + k + 1 ≥ 2N each is at most half the
    /// one before, so the tail after t_k is below t_k. Returns (x·ln N − N, S).
    /// </summary>
    private static (Ball LnPrefactor, Ball Sum) IncompleteSeries(Ball x, Rational? exact, int wp)
    {
        var xHigh = Ball.FromDyadic(BigInteger.Abs(x.Mid) + x.Radius, x.Exponent).MidEstimate();
        var xLow = LowerEstimate(x);

        // log2 Γ(x) ≥ −0.2 on (0, 2] and ≥ ((x − 1/2)·ln x − x + ln(2pi)/2)/ln 2 from 1 on.
        var log2GammaLow = xLow >= 2 ? (((xLow - 0.5) * Math.Log(xLow)) - xLow + 0.9189) / Math.Log(2) : -0.2;
        var n = Math.Max(Math.Ceiling((2 * xHigh) + 2), Math.Ceiling((wp + 16) * Math.Log(2)));
        while ((n * 1.4426950408889634) - (xHigh * Math.Log2(n)) + log2GammaLow < wp + 24)
        {
            n = Math.Ceiling((n * 1.1) + 16);
        }

        var big = (BigInteger)n;
        var wps = wp + BitLength((int)Math.Min(4 * n, int.MaxValue / 2)) + 8;
        var useIntegers = exact is { } e0 && IsSmall(e0, wps);
        var q = exact ?? Rational.Zero;
        Ball sum;
        Ball term;
        if (useIntegers)
        {
            (sum, term) = SplitSeries(q, big, xLow, n, wps);
        }
        else
        {
            term = Ball.Divide(Ball.One, x, wps);
            sum = term;
            for (var k = 1; ; k++)
            {
                StatementBudget.Check(wps);
                term = Ball.Divide(Ball.Multiply(term, big, wps), Ball.Add(x, Ball.FromInteger(k), wps), wps);
                sum = Ball.Add(sum, term, wps);
                if (xLow + k + 1 >= 2 * n && !term.IsExactZero && !sum.ContainsZero && term.UpperLog2 < sum.LowerLog2 - wps - 2)
                {
                    break;
                }
            }
        }

        // The truncated tail (below the last term) and the upper incomplete part (below 2/N).
        sum = sum.AddError(term.UpperLog2, wps).AddError(2 - (long)Math.Floor(Math.Log2(n)), wps);
        var wpl = wp + BitLength((int)Math.Min(n, int.MaxValue / 2)) + 4;
        var xBall = useIntegers ? Ball.FromRational(q.Numerator, q.Denominator, wpl) : x;
        var lnN = Elementary.Ln(Ball.FromInteger(big), wpl);
        var lnPrefactor = Ball.Subtract(Ball.Multiply(xBall, lnN, wpl), Ball.FromInteger(big), wpl);
        return (lnPrefactor, sum);
    }

    /// <summary>
    /// The incomplete-gamma sum for x = p/q by binary splitting: with r_i = N·q/(p + i·q),
    /// S = (q/p)·(1 + Σ_{k=1}^{K−1} Π_{i≤k} r_i) is one fraction of integer products that grow
    /// together, so only the final division rounds. K is chosen in doubles (past 2N, and the
    /// term 2^(wp+8) below the largest); the last term is then computed exactly and bounds
    /// the tail. Returns the sum and the last term.
    /// </summary>
    private static (Ball Sum, Ball Last) SplitSeries(Rational x, BigInteger n, double xLow, double nDouble, int wps)
    {
        var log2Term = 0.0;
        var log2Max = 0.0;
        var count = 1L;
        // The last term is t_(count−1); the next ratio N/(x + count) must be at most 1/2.
        while (!(xLow + count >= 2 * nDouble && log2Term < log2Max - wps - 8))
        {
            log2Term += Math.Log2(nDouble) - Math.Log2(xLow + count);
            log2Max = Math.Max(log2Max, log2Term);
            count++;
        }

        var (p, qq, t) = Split(x.Numerator, x.Denominator, n * x.Denominator, 1, count);
        var sum = Ball.FromRational(x.Denominator * (qq + t), x.Numerator * qq, wps);
        var last = Ball.FromRational(x.Denominator * p, x.Numerator * qq, wps);
        return (sum, last);
    }

    /// <summary>P = Π u, Q = Π v_i and T with T/Q = Σ_{k=a}^{b−1} Π_{i=a}^{k} u/v_i, for u = N·q, v_i = p + i·q.</summary>
    private static (BigInteger P, BigInteger Q, BigInteger T) Split(BigInteger p, BigInteger q, BigInteger u, long a, long b)
    {
        if (b - a == 1)
        {
            return (u, p + (a * q), u);
        }

        var m = (a + b) / 2;
        var (p1, q1, t1) = Split(p, q, u, a, m);
        var (p2, q2, t2) = Split(p, q, u, m, b);
        StatementBudget.Check(q2.GetBitLength());
        return (p1 * p2, q1 * q2, (t1 * q2) + (p1 * t2));
    }
}
