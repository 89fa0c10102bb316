using System.Numerics;

namespace Calculator.Evaluator.Numerics;

// High-precision paths. exp, sin and cos of a full-precision argument use the bit-burst
// algorithm: the argument's bits are cut into chunks of doubling length, each chunk's series is
// summed by binary splitting (TaylorSplit), and the chunk results are multiplied (exp) or
// combined by the addition formulas (sin, cos). ln and atan take a quarter-precision value y as
// an exact dyadic and correct it once: ln x = y + ln(x·e^−y) and atan t = y + atan(tan(atan t − y)),
// whose arguments are below about 2^−(bits/4), so two to four series terms finish them (a
// quarter, not a half: the recursion then costs less, and the extra terms are cheap). Every step is
// ball arithmetic at an exact point plus a bounded tail, so the bounds stay rigorous.
internal static partial class Elementary
{
    // From this working precision on, the bit-burst and Newton paths beat the Taylor series with
    // argument halving (measured in docs/performance.md).
    private const int BitBurstBits = 1800;

    // The argument is divided by 2^Halvings before the chunks and the result squared (doubled)
    // back, so the first chunk's series, the longest, converges faster.
    private const int Halvings = 8;

    // Bits of the first chunk after the binary point.
    private const int FirstChunkBits = 16;

    /// <summary>e^r for |r| ≤ 16 with a radius below 2^−8, by the bit-burst algorithm.</summary>
    private static Ball ExpBitBurst(Ball r, int wp)
    {
        // Halve until |r| < 2^−Halvings; each squaring back doubles the relative error.
        var halvings = Halvings + (int)Math.Max(0, r.UpperLog2);
        var work = wp + 16 + halvings;
        var center = r.Round(work);
        var result = Ball.One;
        foreach (var (p, s) in Chunks(center.MulPow2(-halvings), work))
        {
            result = Ball.Multiply(result, TaylorSplit.Exp(p, s, work), work);
        }

        for (var i = 0; i < halvings; i++)
        {
            result = Ball.Multiply(result, result, work);
        }

        // |e^(m+δ) − e^m| ≤ e^m·(e^|δ| − 1) ≤ 2|δ|·e^m for |δ| ≤ 1.
        return WithArgumentRadius(result, center, factorLog2: result.UpperLog2 + 1, wp);
    }

    /// <summary>sin r and cos r for |r| ≤ 1.25 by the bit-burst algorithm.</summary>
    internal static (Ball Sin, Ball Cos) SinCosBitBurst(Ball r, int wp)
    {
        var center = r.Round(wp + 16 + (2 * Halvings));
        if (IsShortDyadic(center))
        {
            // sin 1, cos 1/2: one chunk of a few bits. Its series converges fast enough at |c| ≤ 1.25
            // that halving and doubling back (two full products per step) would cost more.
            var work = wp + 16;
            var (p, s) = center.Exponent >= 0 ? (center.Mid << (int)center.Exponent, 0L) : (center.Mid, -center.Exponent);
            return (WithArgumentRadius(TaylorSplit.Sin(p, s, work), center, factorLog2: 0, wp),
                WithArgumentRadius(TaylorSplit.Cos(p, s, work), center, factorLog2: 0, wp));
        }

        var (x, y) = CosSinDirection(center, wp);

        // x + iy = D·e^(ir): one square root and two divisions for D = √(x² + y²) cost less than
        // the two divisions per chunk that normalised chunk values would.
        var norm = Ball.Sqrt(Ball.Add(Ball.Multiply(x, x, wp + 16), Ball.Multiply(y, y, wp + 16), wp + 16), wp + 16);
        var sin = Ball.Divide(y, norm, wp + 16);
        var cos = Ball.Divide(x, norm, wp + 16);

        // sin and cos are 1-Lipschitz.
        return (WithArgumentRadius(sin, center, factorLog2: 0, wp), WithArgumentRadius(cos, center, factorLog2: 0, wp));
    }

    /// <summary>
    /// D·cos r and D·sin r for an exact dyadic r with |r| ≤ 1.25 and some D in [1/2, 2]: the point
    /// e^(ir) up to a positive factor, with an absolute error about 2^−wp. The chunks' series stay
    /// fractions (no division each) and the product of rotations needs no normalising.
    /// </summary>
    private static (Ball X, Ball Y) CosSinDirection(Ball r, int wp)
    {
        var work = wp + 16 + (2 * Halvings);
        var x = Ball.One;
        var y = Ball.Zero;
        foreach (var (p, s) in Chunks(r.MulPow2(-Halvings), work))
        {
            var (cx, cy) = TaylorSplit.CosSinDirection(p, s, work);

            // (x + iy)(cx + i·cy) with three products instead of four; the factors are of
            // comparable magnitude, so the subtractions lose no precision relative to the result.
            var xx = Ball.Multiply(x, cx, work);
            var yy = Ball.Multiply(y, cy, work);
            var cross = Ball.Multiply(Ball.Add(x, y, work), Ball.Add(cx, cy, work), work);
            (x, y) = Rescaled(Ball.Subtract(xx, yy, work), Ball.Subtract(Ball.Subtract(cross, xx, work), yy, work));
        }

        for (var i = 0; i < Halvings; i++)
        {
            // (x + iy)² = (x + y)(x − y) + 2ixy.
            var twoXy = Ball.Multiply(x, y, work).MulPow2(1);
            (x, y) = Rescaled(Ball.Multiply(Ball.Add(x, y, work), Ball.Subtract(x, y, work), work), twoXy);
        }

        return (x, y);
    }

    /// <summary>(x, y) scaled by a power of two so that the larger is between 1/2 and 1.</summary>
    private static (Ball X, Ball Y) Rescaled(Ball x, Ball y)
    {
        var scale = Math.Max(x.UpperLog2, y.UpperLog2);
        return (x.MulPow2(-scale), y.MulPow2(-scale));
    }

    /// <summary>Whether a ball is one exact chunk: at most <see cref="FirstChunkBits"/> bits after the point.</summary>
    private static bool IsShortDyadic(Ball x)
    {
        if (!x.IsExact || x.Exponent >= 0)
        {
            return x.IsExact;
        }

        var fractionBits = -x.Exponent - (long)BigInteger.TrailingZeroCount(BigInteger.Abs(x.Mid));
        return fractionBits <= FirstChunkBits;
    }

    /// <summary>
    /// ln y for |ln y| ≥ 2^−69 by one Newton-like correction of a quarter-precision logarithm v:
    /// with z = y·e^−v − 1 (about 2^−(wp/4)), ln y = v + ln(1 + z) exactly.
    /// </summary>
    private static Ball LnNewton(Ball y, int wp)
    {
        var work = wp + 80;
        var rough = Ln(y, (wp / 4) + 32);
        var v = Ball.FromDyadic(rough.Mid, rough.Exponent);
        var z = Ball.Subtract(Ball.Multiply(y, Exp(v.Negate(), work), work), Ball.One, work);
        return Ball.Add(v, Ln1p(z, work), wp);
    }

    /// <summary>
    /// atan t for 2^−64 ≤ |t| ≤ 1 by one correction of a quarter-precision arctangent v:
    /// atan t = v + atan δ with δ = (t·cos v − sin v)/(cos v + t·sin v) = tan(atan t − v).
    /// </summary>
    private static Ball AtanNewton(Ball t, int wp)
    {
        var work = wp + 80;
        var rough = AtanReduced(t, (wp / 4) + 32);
        var v = Ball.FromDyadic(rough.Mid, rough.Exponent);
        // Only the ratio of sin v and cos v enters, so their common factor need not be divided out.
        var (cos, sin) = CosSinDirection(v, work);
        var numerator = Ball.Subtract(Ball.Multiply(t, cos, work), sin, work);
        var denominator = Ball.Add(cos, Ball.Multiply(t, sin, work), work);
        var delta = Ball.Divide(numerator, denominator, work);
        return Ball.Add(v, OddSeries(delta, work, alternating: true), wp);
    }

    /// <summary>
    /// Whether sin r goes by the bit-burst: |r| in [2^−64, 1], so its absolute error, 66 bits
    /// below the requested precision, is also relative.
    /// </summary>
    private static bool UseSinBitBurst(Ball r, int wp) =>
        wp >= BitBurstBits && !r.IsUnbounded && !r.ContainsZero && r.LowerLog2 > -64 && r.UpperLog2 <= 0 && !IsWide(r, -wp / 2);

    /// <summary>
    /// Whether sin x and cos x go by the bit-burst without reduction modulo pi/2: |x| ≤ 1.25, so
    /// cos x ≥ 0.31 and the absolute error, 66 bits below the precision, is also relative for
    /// |x| ≥ 2^−64.
    /// </summary>
    private static bool UseSinCosDirect(Ball x, int wp) =>
        wp >= BitBurstBits && !x.ContainsZero && x.LowerLog2 > -64 && Math.Abs(x.MidEstimate()) <= 1.25 && !IsWide(x, -wp / 2);

    /// <summary>Whether the Newton correction of atan applies to t at this precision.</summary>
    private static bool UseAtanNewton(Ball t, int wp) =>
        wp >= BitBurstBits && !t.IsUnbounded && !t.ContainsZero && t.LowerLog2 > -64 && !IsWide(t, -wp / 2);

    /// <summary>
    /// The midpoint of <paramref name="x"/> (|x| below 2^20) cut into exact chunks p·2^−s: the
    /// integer part and the first <see cref="FirstChunkBits"/> fraction bits, then runs of bits
    /// that double in length, so chunk j is below 2^−(16·2^(j−1)) and has 16·2^(j−1) bits.
    /// </summary>
    private static List<(BigInteger P, long S)> Chunks(Ball x, int wp)
    {
        var chunks = new List<(BigInteger, long)>();
        var negative = x.Mid.Sign < 0;
        var mantissa = BigInteger.Abs(x.Mid);
        var fraction = -x.Exponent;
        if (fraction <= 0)
        {
            chunks.Add((x.Mid << (int)-fraction, 0));
            return chunks;
        }

        long done = 0;
        var next = (long)FirstChunkBits;
        while (done < fraction)
        {
            // Bits done+1 … next after the binary point (and the integer part in the first chunk).
            var end = Math.Min(next, fraction);
            var bits = mantissa >> (int)(fraction - end);
            if (done > 0)
            {
                bits &= (BigInteger.One << (int)(end - done)) - 1;
            }

            if (!bits.IsZero)
            {
                chunks.Add((negative ? -bits : bits, end));
            }

            done = end;
            next = Math.Max(2 * next, FirstChunkBits);
        }

        return chunks;
    }

    /// <summary>
    /// f(center) widened by the effect of the argument's radius δ: |f(c + δ) − f(c)| ≤ 2^factorLog2·|δ|.
    /// </summary>
    private static Ball WithArgumentRadius(Ball value, Ball center, long factorLog2, int wp)
    {
        if (center.Radius.IsZero)
        {
            return value.Round(wp);
        }

        var radiusLog2 = center.Exponent + IntegerMath.BitLength(center.Radius);
        return value.AddError(radiusLog2 + factorLog2, wp).Round(wp);
    }
}
