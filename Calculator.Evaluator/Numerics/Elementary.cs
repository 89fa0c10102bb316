using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// Rigorous elementary functions of balls. Each reduces its argument (powers of two, halving,
/// tripling), sums a short Taylor series in ball arithmetic with its truncation error added to
/// the radius, and undoes the reduction in ball arithmetic, so the input radius and every
/// rounding error are carried to the result. The result has about <c>bits</c> correct bits
/// relative to its magnitude unless cancellation in the argument itself eats them.
/// </summary>
internal static partial class Elementary
{
    // Extra bits every function works with beyond the requested precision.
    private const int Guard = 12;

    // Above this precision ln uses the AGM; below it the series with square-root halving is faster.
    private const int AgmThresholdBits = 2400;

    /// <summary>e^x.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="bits">The working precision.</param>
    /// <exception cref="NumericException">The result's decimal exponent would exceed 10^9 in magnitude.</exception>
    public static Ball Exp(Ball x, int bits)
    {
        if (x.IsExactZero)
        {
            return Ball.One;
        }

        if (x.IsUnbounded)
        {
            return Ball.Unbounded;
        }

        // The limit is decided from the end of the ball nearest zero, so a wide ball around a
        // moderate value is refined rather than rejected, while a huge one fails at once.
        var estimate = x.MidEstimate();
        var decimalExponent = estimate / Math.Log(10);
        if (Math.Abs(decimalExponent) > 1e9 && x.Sign != 0 &&
            Ball.FromDyadic(BigInteger.Abs(x.Mid) - x.Radius, x.Exponent).MidEstimate() / Math.Log(10) > 1e9)
        {
            // A huge argument's estimate is infinite: then give the count from its binary exponent.
            var message = double.IsFinite(decimalExponent)
                ? NumericMessages.TooManyDigits(Math.Abs(decimalExponent))
                : NumericMessages.TooManyDigitsLog10(
                    ((x.Exponent + BigInteger.Log(BigInteger.Abs(x.Mid), 2)) * IntegerMath.Log10Of2) - Math.Log10(Math.Log(10)));
            throw new NumericException(NumericErrorKind.Limit, message);
        }

        if (IsWide(x, 8) || Math.Abs(decimalExponent) > 1e9)
        {
            return Ball.Unbounded;
        }

        var wp = bits + Guard;
        if (wp >= BitBurstBits && x.IsExact && x.Exponent >= 0 && IntegerMath.BitLength(x.Mid) + x.Exponent <= 20)
        {
            // e^n for an integer n by powers of the cached constant e.
            var n = BigInteger.Abs(x.Mid << (int)x.Exponent);
            var wpn = wp + (int)IntegerMath.BitLength(n) + 8;
            var power = Ball.Pow(Constants.E(wpn), n, wpn);
            return (x.Mid.Sign > 0 ? power : Ball.Divide(Ball.One, power, wpn)).Round(bits);
        }

        // Not for tiny arguments: the bit-burst's error is absolute (relative to e^x ≈ 1), and
        // exp(1e-250) - 1 needs it relative to x.
        if (wp >= BitBurstBits && Math.Abs(estimate) <= 16 && !IsWide(x, -8) && (x.ContainsZero || x.LowerLog2 > -64))
        {
            // Small enough for the bit-burst as it is: no reduction by ln 2, so no ln 2 to compute.
            return ExpBitBurst(x, wp).Round(bits);
        }

        var k = (long)Math.Round(estimate / Math.Log(2));
        var guard = IntegerMath.BitLength(k) + 4;
        var wpk = (int)(wp + guard);
        var r = k == 0 ? x : Ball.Subtract(x, Ball.Multiply(Constants.Ln2(wpk), k, wpk), wpk);
        var expR = wp >= BitBurstBits && !IsWide(r, -8) && (r.ContainsZero || r.LowerLog2 > -64)
            ? ExpBitBurst(r, wp)
            : Ball.Add(Ball.One, Expm1Small(r, wp), wp);
        return expR.MulPow2(k).Round(bits);
    }

    /// <summary>e^x − 1, accurate relative to the result also for tiny x.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Expm1(Ball x, int bits)
    {
        if (x.IsUnbounded || x.IsExactZero)
        {
            return x;
        }

        if (x.UpperLog2 <= 0)
        {
            if (bits >= BitBurstBits && !x.ContainsZero && x.LowerLog2 > -64 && !IsWide(x, -bits / 2))
            {
                // e^x − 1 cancels at most 64 bits here.
                return Ball.Subtract(ExpBitBurst(x, bits + Guard + 66), Ball.One, bits);
            }

            return Expm1Small(x, bits + Guard).Round(bits);
        }

        return Ball.Subtract(Exp(x, bits + 4), Ball.One, bits);
    }

    /// <summary>The natural logarithm; unbounded when the ball is not entirely positive.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Ln(Ball x, int bits)
    {
        if (x.IsUnbounded || x.Sign <= 0)
        {
            return Ball.Unbounded;
        }

        if (IsExactOne(x))
        {
            return Ball.Zero;
        }

        var wp = bits + Guard;
        if (wp >= BitBurstBits && x.LowerLog2 >= -4 && x.UpperLog2 <= 4 && !IsWide(x, -wp / 2))
        {
            // Between 1/16 and 16 and at least 2^−64 from 1, ln x ≥ 2^−69 in magnitude and the
            // Newton correction needs no ln 2.
            var d = Ball.Subtract(x, Ball.One, 128);
            if (!d.ContainsZero && d.LowerLog2 > -64)
            {
                return LnNewton(x, wp).Round(bits);
            }
        }

        // x = 2^k·y with y in about [1/√2, √2), so ln y needs no cancellation against k·ln 2.

        var midBits = IntegerMath.BitLength(x.Mid);
        var k = x.Exponent + midBits - 1;
        var top = midBits > 64 ? x.Mid >> (int)(midBits - 64) : x.Mid << (int)(64 - midBits);
        if (top * top >= BigInteger.One << 127)
        {
            k++;
        }

        var t = Ball.Subtract(x.MulPow2(-k), Ball.One, wp);
        // t is exactly 0 for every power of two (ln 2 itself): then ln x is k·ln 2 alone.
        var far = !t.IsUnbounded && !t.IsExactZero && t.UpperLog2 > -64;
        var r = far && wp >= BitBurstBits && !t.ContainsZero && t.LowerLog2 > -64 && !IsWide(t, -wp / 2)
            ? LnNewton(x.MulPow2(-k), wp)
            : far && wp >= AgmThresholdBits ? LnAgm(Ball.Add(Ball.One, t, wp), wp)
            : Ln1p(t, wp);
        if (k != 0)
        {
            var wpk = (int)(wp + IntegerMath.BitLength(k) + 2);
            r = Ball.Add(r, Ball.Multiply(Constants.Ln2(wpk), k, wpk), wp);
        }

        return r.Round(bits);
    }

    /// <summary>ln(1 + t), accurate relative to the result also for tiny t.</summary>
    /// <param name="t">The argument, above −1.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Ln1p(Ball t, int bits)
    {
        if (t.IsUnbounded || t.IsExactZero)
        {
            return t;
        }

        var wp = bits + Guard;
        if (Math.Abs(t.MidEstimate()) > 0.5 || IsWide(t, -2))
        {
            // Far from 1, ln's own reduction by powers of two brings the argument back here small.
            var y = Ball.Add(Ball.One, t, wp);
            return y.Sign > 0 ? Ln(y, bits) : Ball.Unbounded;
        }

        // ln(1+t) = 2·ln(1+t') with t' = t/(1 + √(1+t)): halves t without cancellation.
        var target = -Math.Max(2, (int)Math.Sqrt(wp) / 2);
        var wp2 = wp + (2 * BitLength(-target)) + 8;
        var steps = 0;
        while (t.UpperLog2 > target && steps < 4 * -target)
        {
            var root = Ball.Sqrt(Ball.Add(Ball.One, t, wp2), wp2);
            t = Ball.Divide(t, Ball.Add(Ball.One, root, wp2), wp2);
            steps++;
        }

        // ln(1+t) = 2·atanh(t/(2+t)).
        var z = Ball.Divide(t, Ball.Add(Ball.FromInteger(2), t, wp2), wp2);
        return AtanhSeries(z, wp2).MulPow2(steps + 1).Round(bits);
    }

    /// <summary>
    /// ln y for y near 1 by the arithmetic-geometric mean: with s = y·2^m ≥ 2^(wp/2),
    /// ln s = pi / (2·AGM(1, 4/s)) up to 4·ln(s)/s² (Brent), and ln y = ln s − m·ln 2. About
    /// 2·log2(wp) square roots instead of the √wp of the series, so it wins at high precision.
    /// </summary>
    private static Ball LnAgm(Ball y, int wp)
    {
        // ln s ≈ m·ln 2 cancels against m·ln 2 down to ln y ≥ 2^-64: carry those bits too.
        var m = (wp / 2) + 32;
        var p2 = wp + 64 + (2 * BitLength(m)) + 16;
        var a = Ball.One;
        var b = Ball.Divide(Ball.One, y, p2).MulPow2(2 - m);
        for (var i = 0; i < 4 * BitLength(p2) + 64; i++)
        {
            // The radii of a and b are a few units of 2^-p2, so the gap cannot shrink below that.
            var gap = Ball.Subtract(a, b, p2);
            if (gap.IsUnbounded || gap.IsExactZero || gap.UpperLog2 < 16 - p2)
            {
                break;
            }

            var next = Ball.Add(a, b, p2).MulPow2(-1);
            b = Ball.Sqrt(Ball.Multiply(a, b, p2), p2);
            a = next;
        }

        // The mean lies between b and a, so (a + b)/2 is within |a − b| of it.
        var spread = Ball.Subtract(a, b, p2);
        var mean = Ball.Add(a, b, p2).MulPow2(-1);
        if (!spread.IsExactZero && !spread.IsUnbounded)
        {
            mean = mean.AddError(spread.UpperLog2, p2);
        }

        // Brent's bound 4·ln(s)/s² with s ≥ 2^(m−1), ln s < m, and a factor 2^10 to spare.
        var truncation = 12 + BitLength(m) - (2L * (m - 1));
        var lnS = Ball.Divide(Constants.Pi(p2), mean.MulPow2(1), p2).AddError(truncation, p2);
        return Ball.Subtract(lnS, Ball.Multiply(Constants.Ln2(p2 + BitLength(m)), m, p2), wp);
    }

    /// <summary>x^y = e^(y·ln x) for x &gt; 0.</summary>
    /// <param name="x">The base, positive.</param>
    /// <param name="y">The exponent.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Pow(Ball x, Ball y, int bits)
    {
        var lnX = Ln(x, bits + Guard);
        var product = Ball.Multiply(y, lnX, bits + Guard);
        if (product.IsUnbounded)
        {
            return Ball.Unbounded;
        }

        // exp turns an absolute error of the exponent into a relative error of the result.
        var extra = (int)Math.Max(0, Math.Min(product.UpperLog2, 64));
        if (extra > 0)
        {
            lnX = Ln(x, bits + Guard + extra);
            product = Ball.Multiply(y, lnX, bits + Guard + extra);
        }

        return Exp(product, bits);
    }

    /// <summary>e^a − 1 for moderate |a| by halving, Taylor series and doubling.</summary>
    private static Ball Expm1Small(Ball a, int wp)
    {
        if (a.IsExactZero || a.IsUnbounded)
        {
            return a;
        }

        var target = -Math.Max(2, (int)Math.Sqrt(wp) / 2);
        var halvings = (int)Math.Max(0, a.UpperLog2 - target);
        var wp2 = wp + (2 * BitLength(halvings)) + 8;
        var t = a.MulPow2(-halvings);
        var magnitude = Math.Min(t.UpperLog2, -1);

        // Tail after N terms: |t|^(N+1)/(N+1)!·e^|t| ≤ 2^(m(N+1)+1)/(N+1)!.
        var terms = 1;
        var log2Factorial = 1.0;
        while ((-magnitude * terms) + log2Factorial < wp2 + 2)
        {
            terms++;
            log2Factorial += Math.Log2(terms + 1);
        }

        var sum = Ball.One;
        for (var k = terms; k >= 2; k--)
        {
            sum = Ball.Add(Ball.One, Ball.Divide(Ball.Multiply(t, sum, wp2), k, wp2), wp2);
        }

        var tail = (long)Math.Ceiling((magnitude * (terms + 1)) + 2 - log2Factorial);
        var u = Ball.Multiply(t, sum, wp2).AddError(tail, wp2);
        var two = Ball.FromInteger(2);
        for (var i = 0; i < halvings; i++)
        {
            // e^(2a) − 1 = u·(u + 2).
            u = Ball.Multiply(u, Ball.Add(u, two, wp2), wp2);
        }

        return u;
    }

    /// <summary>atanh(z) = Σ z^(2k+1)/(2k+1) for small |z|.</summary>
    private static Ball AtanhSeries(Ball z, int wp) => OddSeries(z, wp, alternating: false);

    /// <summary>
    /// Σ (±1)^k z^(2k+1)/(2k+1) for |z| &lt; 1/2; the tail is below 2·|z|^(2N+3) in both cases.
    /// </summary>
    private static Ball OddSeries(Ball z, int wp, bool alternating)
    {
        if (z.IsExactZero || z.IsUnbounded)
        {
            return z;
        }

        var magnitude = Math.Min(z.UpperLog2, -1);
        var terms = (int)Math.Max(0, ((wp + 3 + (-2 * magnitude) - 1) / (-2 * magnitude)) - 1);
        var z2 = Ball.Multiply(z, z, wp);
        var sum = Ball.FromRational(BigInteger.One, (2 * terms) + 1, wp);
        for (var k = terms - 1; k >= 0; k--)
        {
            var product = Ball.Multiply(z2, sum, wp);
            var coefficient = Ball.FromRational(BigInteger.One, (2 * k) + 1, wp);
            sum = alternating ? Ball.Subtract(coefficient, product, wp) : Ball.Add(coefficient, product, wp);
        }

        var tail = (magnitude * ((2L * terms) + 3)) + 1;
        return Ball.Multiply(z, sum, wp).AddError(tail, wp);
    }

    /// <summary>Whether the radius reaches 2^<paramref name="log2"/>, so the ball says little.</summary>
    private static bool IsWide(Ball x, long log2) =>
        !x.Radius.IsZero && x.Exponent + IntegerMath.BitLength(x.Radius) - 1 >= log2;

    private static bool IsExactOne(Ball x) =>
        x.IsExact && x.Mid.Sign > 0 && x.Exponent <= 0 && x.Mid == BigInteger.One << (int)-x.Exponent;

    private static int BitLength(int n) => 32 - int.LeadingZeroCount(n);
}
