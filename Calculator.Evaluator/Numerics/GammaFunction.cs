using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// Γ(x) and ln|Γ(x)| of balls (docs/numerics.md, "Gamma"). For x &gt; 0 the argument is shifted
/// to z = x + N ≥ z0 and the Stirling series with Bernoulli numbers is summed there, with its
/// remainder bounded by the first omitted term; Γ(x) = Γ(z)/(x(x+1)…(x+N−1)). For x &lt; 0 the
/// reflection Γ(x) = pi/(sin(pi·x)·Γ(1−x)) brings it back to a positive argument. An exact
/// rational argument keeps the shift product and the series in integer arithmetic.
/// </summary>
internal static partial class GammaFunction
{
    private const int Guard = 16;

    // log2(ζ(2)) bounds log2 ζ(2k) for every k ≥ 1; a hundredth of a bit covers double rounding.
    private const double Log2Zeta2 = 0.7181;

    /// <summary>Γ(x); unbounded when the ball reaches a pole (0, −1, −2, …).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="exact">The argument's exact value, when it has one.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Gamma(Ball x, Rational? exact, int bits)
    {
        var wp = bits + Guard;
        if (x.IsUnbounded)
        {
            return Ball.Unbounded;
        }

        if (x.Sign > 0)
        {
            return GammaPositive(x, exact, wp).Round(bits);
        }

        if (x.Sign < 0 && Reflect(x, exact, wp) is { } reflected)
        {
            // Γ(x) = pi / (sin(pi·x)·Γ(1 − x)).
            var (sine, y, yExact) = reflected;
            var denominator = Ball.Multiply(sine, GammaPositive(y, yExact, wp), wp);
            return Ball.Divide(Constants.Pi(wp), denominator, bits);
        }

        return Ball.Unbounded;
    }

    /// <summary>ln|Γ(x)|; unbounded when the ball reaches a pole.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="exact">The argument's exact value, when it has one.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball LnGamma(Ball x, Rational? exact, int bits)
    {
        var wp = bits + Guard;
        if (x.IsUnbounded)
        {
            return Ball.Unbounded;
        }

        if (x.Sign > 0)
        {
            return LnGammaPositive(x, exact, wp).Round(bits);
        }

        if (x.Sign < 0 && Reflect(x, exact, wp) is { } reflected)
        {
            // ln|Γ(x)| = ln pi − ln|sin(pi·x)| − ln Γ(1 − x).
            var (sine, y, yExact) = reflected;
            var lnSine = Elementary.Ln(sine.Abs(), wp);
            var rest = Ball.Add(lnSine, LnGammaPositive(y, yExact, wp), wp);
            return Ball.Subtract(Elementary.Ln(Constants.Pi(wp), wp), rest, bits);
        }

        return Ball.Unbounded;
    }

    /// <summary>
    /// The bits of the argument an error of which the result magnifies: Γ's relative error is
    /// ψ(x)·Δx ≈ ln|x|·|x|·(Δx/|x|), and near a negative integer sin(pi·x) loses the bits
    /// that x shares with that integer.
    /// </summary>
    /// <param name="x">The argument at the requested precision.</param>
    public static int ExtraArgumentBits(Ball x)
    {
        if (x.IsUnbounded || x.IsExactZero)
        {
            return 0;
        }

        var magnitude = (int)Math.Clamp(x.UpperLog2, 0, 1 << 24);
        var extra = magnitude + BitLength(magnitude) + 2;
        if (x.Sign < 0)
        {
            var (_, r) = NearestInteger(x);
            extra += r.IsExactZero || r.ContainsZero ? 0 : (int)Math.Clamp(-r.LowerLog2, 0, 1 << 24);
        }

        return extra;
    }

    /// <summary>ln Γ(x) for a ball of positive values.</summary>
    private static Ball LnGammaPositive(Ball x, Rational? exact, int wp)
    {
        if (UsesIncompleteSeries(x, wp))
        {
            var (lnPrefactor, sum) = IncompleteSeries(x, exact, wp);
            return Ball.Add(lnPrefactor, Elementary.Ln(sum, wp), wp);
        }

        var (lnGammaZ, product) = Shifted(x, exact, wp, absolute: false);
        return product is { } p ? Ball.Subtract(lnGammaZ, Elementary.Ln(p, lnGammaZ.IsUnbounded ? wp : PrecisionFor(lnGammaZ, wp)), wp) : lnGammaZ;
    }

    /// <summary>Γ(x) for a ball of positive values.</summary>
    private static Ball GammaPositive(Ball x, Rational? exact, int wp)
    {
        if (UsesIncompleteSeries(x, wp))
        {
            var (lnPrefactor, sum) = IncompleteSeries(x, exact, wp);
            return Ball.Multiply(Elementary.Exp(lnPrefactor, wp), sum, wp);
        }

        var (lnGammaZ, product) = Shifted(x, exact, wp, absolute: true);
        var gammaZ = Elementary.Exp(lnGammaZ, wp);
        return product is { } p ? Ball.Divide(gammaZ, p, wp) : gammaZ;
    }

    /// <summary>
    /// ln Γ(z) at z = x + N ≥ z0 by the Stirling series, and the product x(x+1)…(x+N−1) when
    /// N &gt; 0. When <paramref name="absolute"/> (for e^lnΓ) or N &gt; 0 (ln Γ(z) − ln of the
    /// product cancels), both are carried with as many more bits as ln Γ(z) has integer bits,
    /// so their absolute error stays below 2^−wp; otherwise ln Γ(z) is the result and wp bits
    /// relative to it suffice (lgamma(10^(10^5)) needs no 300 000-bit logarithm).
    /// </summary>
    private static (Ball LnGammaZ, Ball? Product) Shifted(Ball x, Rational? exact, int wp, bool absolute)
    {
        // z0 ≈ wp makes the Stirling series converge to 2^−wp within about wp/(2·log2 wp)
        // terms: a shorter Bernoulli table for a longer (but cheap) product.
        var z0 = Math.Max(wp, 16);
        var low = LowerEstimate(x);
        var n = low >= z0 ? 0 : (long)Math.Ceiling(z0 - Math.Max(low, 0));
        var zMagnitude = Math.Max(x.UpperLog2, BitLength(z0) + 1);
        var wp2 = absolute || n > 0
            ? wp + (int)Math.Min(zMagnitude + BitLength((int)Math.Min(zMagnitude, 1 << 24)) + 4, 1 << 26)
            : wp + 8;
        Ball? product = null;
        Ball z;
        Rational? zExact = null;
        if (exact is { } q && IsSmall(q, wp))
        {
            zExact = q + Rational.FromInteger(n);
            z = Ball.FromRational(zExact.Value.Numerator, zExact.Value.Denominator, wp2);
            if (n > 0)
            {
                var numerator = RisingProduct(q.Numerator, q.Denominator, 0, n);
                product = Ball.FromRational(numerator, BigInteger.Pow(q.Denominator, checked((int)n)), wp2);
            }
        }
        else
        {
            z = n == 0 ? x : Ball.Add(x, Ball.FromInteger(n), wp2);
            if (n > 0)
            {
                var wp3 = wp2 + BitLength((int)n) + 4;
                var p = x;
                for (var i = 1; i < n; i++)
                {
                    p = Ball.Multiply(p, Ball.Add(x, Ball.FromInteger(i), wp3), wp3);
                }

                product = p;
            }
        }

        return (Stirling(z, zExact, wp2), product);
    }

    /// <summary>
    /// ln Γ(z) = (z − 1/2)·ln z − z + ln(2pi)/2 + Σ_{k&lt;M} B_2k/(2k(2k−1)·z^(2k−1)) + R, with
    /// |R| ≤ |B_2M|/(2M(2M−1)·z^(2M−1)) for real z &gt; 0 (the first omitted term bounds the
    /// remainder). |B_2k| = 2·(2k)!·ζ(2k)/(2pi)^2k bounds the terms to choose M.
    /// </summary>
    private static Ball Stirling(Ball z, Rational? zExact, int wp)
    {
        if (z.IsUnbounded || z.Sign <= 0)
        {
            return Ball.Unbounded;
        }

        var log2Z = LowerLog2Estimate(z);
        var log2Factorial = 0.0;
        var m = 0;
        double bound;
        do
        {
            m++;
            log2Factorial += Math.Log2((2.0 * m) - 1) + Math.Log2(2.0 * m);
            var log2B = 1 + log2Factorial + Log2Zeta2 - (2 * m * Math.Log2(2 * Math.PI));
            bound = log2B - Math.Log2(2.0 * m * ((2.0 * m) - 1)) - (((2.0 * m) - 1) * log2Z) + 0.01;
            if (m > Bernoulli.MaxCount)
            {
                throw new NumericException(NumericErrorKind.Limit, NumericMessages.GammaPrecisionTooHigh);
            }
        }
        while (bound > -wp - 2);

        var series = Ball.Zero;
        if (m > 1)
        {
            var bernoulli = Bernoulli.Table(m - 1);
            var wps = wp + BitLength(m) + 4;
            var acc = Ball.Zero;
            if (zExact is { } q)
            {
                // Horner in 1/z² = Q²/P² by integer multiplications and divisions.
                var p2 = q.Numerator * q.Numerator;
                var q2 = q.Denominator * q.Denominator;
                for (var k = m - 1; k >= 1; k--)
                {
                    StatementBudget.Check(wps);
                    var scaled = k == m - 1 ? Ball.Zero : Ball.Divide(Ball.Multiply(acc, q2, wps), p2, wps);
                    acc = Ball.Add(Coefficient(bernoulli[k - 1], k, wps), scaled, wps);
                }

                series = Ball.Divide(Ball.Multiply(acc, q.Denominator, wps), q.Numerator, wps);
            }
            else
            {
                var w = Ball.Divide(Ball.One, z, wps);
                var w2 = Ball.Multiply(w, w, wps);
                for (var k = m - 1; k >= 1; k--)
                {
                    var scaled = k == m - 1 ? Ball.Zero : Ball.Multiply(acc, w2, wps);
                    acc = Ball.Add(Coefficient(bernoulli[k - 1], k, wps), scaled, wps);
                }

                series = Ball.Multiply(acc, w, wps);
            }
        }

        series = series.AddError((long)Math.Ceiling(bound), wp);
        var lnZ = Elementary.Ln(z, wp);
        var half = Ball.FromDyadic(BigInteger.One, -1);
        var main = Ball.Subtract(Ball.Multiply(Ball.Subtract(z, half, wp), lnZ, wp), z, wp);
        var lnSqrtTau = Elementary.Ln(Constants.Tau(wp), wp).MulPow2(-1);
        return Ball.Add(Ball.Add(main, lnSqrtTau, wp), series, wp);
    }

    /// <summary>B_2k/(2k(2k−1)).</summary>
    private static Ball Coefficient((BigInteger Numerator, BigInteger Denominator) b, int k, int wp) =>
        Ball.FromRational(b.Numerator, b.Denominator * (2L * k) * ((2L * k) - 1), wp);

    /// <summary>
    /// For x &lt; 0: sin(pi·x), computed as ±sin(pi·r) with r = x − n for the nearest integer n,
    /// and y = 1 − x; null when the ball reaches an integer.
    /// </summary>
    private static (Ball Sine, Ball Y, Rational? YExact)? Reflect(Ball x, Rational? exact, int wp)
    {
        Ball r;
        BigInteger n;
        if (exact is { } q)
        {
            n = RoundToNearest(q);
            var fraction = q - Rational.FromInteger(n);
            if (fraction.IsZero)
            {
                return null;
            }

            r = Ball.FromRational(fraction.Numerator, fraction.Denominator, wp);
        }
        else
        {
            (n, r) = NearestInteger(x);
            if (r.ContainsZero)
            {
                return null;
            }
        }

        var sine = Elementary.Sin(Ball.Multiply(Constants.Pi(wp), r, wp), wp);
        if (!n.IsEven)
        {
            sine = sine.Negate();
        }

        Rational? yExact = exact is { } e ? Rational.One - e : null;
        var y = yExact is { } ye ? Ball.FromRational(ye.Numerator, ye.Denominator, wp) : Ball.Subtract(Ball.One, x, wp);
        return (sine, y, yExact);
    }

    /// <summary>The integer n nearest the midpoint and the exact ball x − n.</summary>
    private static (BigInteger N, Ball R) NearestInteger(Ball x)
    {
        BigInteger n;
        if (x.Exponent >= 0)
        {
            n = x.Mid << (int)Math.Min(x.Exponent, int.MaxValue);
        }
        else if (-x.Exponent > IntegerMath.BitLength(x.Mid) + 2)
        {
            n = BigInteger.Zero;
        }
        else
        {
            var shift = (int)-x.Exponent;
            n = (x.Mid + (BigInteger.One << (shift - 1))) >> shift;
        }

        var r = n.IsZero ? x : Ball.Subtract(x, Ball.FromInteger(n), (int)Math.Min(int.MaxValue, Math.Max(64, IntegerMath.BitLength(x.Mid) + 64)));
        return (n, r);
    }

    private static BigInteger RoundToNearest(Rational q)
    {
        var twice = (2 * q.Numerator) + q.Denominator;
        return BigInteger.Divide(twice - (twice.Sign < 0 ? (2 * q.Denominator) - 1 : 0), 2 * q.Denominator);
    }

    /// <summary>Π_{i=from}^{to−1} (p + i·q), by binary splitting so the factors grow together.</summary>
    private static BigInteger RisingProduct(BigInteger p, BigInteger q, long from, long to)
    {
        if (to - from <= 8)
        {
            var product = BigInteger.One;
            for (var i = from; i < to; i++)
            {
                product *= p + (i * q);
            }

            return product;
        }

        var middle = (from + to) / 2;
        var left = RisingProduct(p, q, from, middle);
        var right = RisingProduct(p, q, middle, to);
        StatementBudget.Check(Math.Max(left.GetBitLength(), right.GetBitLength()));
        return left * right;
    }

    /// <summary>Whether integer arithmetic on the rational's parts is cheaper than full balls.</summary>
    private static bool IsSmall(Rational q, int wp) =>
        IntegerMath.BitLength(q.Numerator) + IntegerMath.BitLength(q.Denominator) <= Math.Max(128, wp / 8);

    /// <summary>The precision that keeps the absolute error of a value near <paramref name="like"/> below 2^−wp.</summary>
    private static int PrecisionFor(Ball like, int wp) =>
        like.IsExactZero ? wp : (int)Math.Clamp(wp + Math.Max(0, like.UpperLog2), wp, int.MaxValue / 2);

    /// <summary>A lower bound of the ball's values as a double (0 when it reaches zero, huge when it overflows).</summary>
    private static double LowerEstimate(Ball x)
    {
        if (x.ContainsZero || x.Sign < 0)
        {
            return 0;
        }

        var low = Ball.FromDyadic(x.Mid - x.Radius, x.Exponent).MidEstimate();
        return low * (1 - 1e-12);
    }

    /// <summary>A lower bound of log2 of a positive ball, finer than <see cref="Ball.LowerLog2"/>.</summary>
    private static double LowerLog2Estimate(Ball z)
    {
        var low = LowerEstimate(z);
        return double.IsFinite(low) && low > 0 ? Math.Max(Math.Log2(low) - 1e-9, z.LowerLog2) : z.LowerLog2;
    }

    private static int BitLength(int n) => 32 - int.LeadingZeroCount(n);
}
