using System.Numerics;

namespace Calculator.Evaluator.Numerics;

// Circular functions. sin and cos reduce modulo pi/2 with pi carried to as many bits as the
// argument's integer part has, so sin(1e100) is right; the inverse functions halve their
// argument with square roots before a short series.
internal static partial class Elementary
{
    /// <summary>
    /// The largest binary magnitude of a trigonometric argument: reducing it needs pi to this many
    /// bits (about 315 000 digits).
    /// </summary>
    public const long MaxTrigMagnitudeBits = 1 << 20;

    // See IsFastAtanSeries.
    private const double MaxAtanSeriesCost = 8;

    /// <summary>sin x.</summary>
    /// <param name="x">The argument in radians.</param>
    /// <param name="bits">The working precision.</param>
    /// <exception cref="NumericException">|x| is too large to reduce (<see cref="MaxTrigMagnitudeBits"/>).</exception>
    public static Ball Sin(Ball x, int bits) => SinCos(x, bits, cosine: false);

    /// <summary>cos x.</summary>
    /// <param name="x">The argument in radians.</param>
    /// <param name="bits">The working precision.</param>
    /// <exception cref="NumericException">|x| is too large to reduce (<see cref="MaxTrigMagnitudeBits"/>).</exception>
    public static Ball Cos(Ball x, int bits) => SinCos(x, bits, cosine: true);

    /// <summary>tan x = sin x / cos x; unbounded when cos x may be zero.</summary>
    /// <param name="x">The argument in radians.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Tan(Ball x, int bits) =>
        Ball.Divide(SinCos(x, bits + 4, cosine: false), SinCos(x, bits + 4, cosine: true), bits);

    /// <summary>atan x, in (−pi/2, pi/2).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Atan(Ball x, int bits)
    {
        if (x.IsExactZero)
        {
            return x;
        }

        var wp = bits + Guard;
        if (x.IsUnbounded)
        {
            return HalfPiHull();
        }

        if (Math.Abs(x.MidEstimate()) <= 1)
        {
            return AtanReduced(x, wp).Round(bits);
        }

        // atan x = ±pi/2 − atan(1/x) for |x| > 1.
        var inverse = Ball.Divide(Ball.One, x, wp);
        if (inverse.IsUnbounded)
        {
            return HalfPiHull();
        }

        var halfPi = Constants.Pi(wp).MulPow2(-1);
        var edge = x.Mid.Sign > 0 ? halfPi : halfPi.Negate();
        return Ball.Subtract(edge, AtanReduced(inverse, wp), wp).Round(bits);
    }

    /// <summary>
    /// atan of an exact rational n/d. From the bit-burst precision on, a short fraction whose
    /// series converges fast enough (atan(1/3), atan(2/9), atan(5) = pi/2 − atan(1/5)) is summed
    /// exactly by binary splitting, about twice as fast as the Newton correction; any other
    /// value goes to <see cref="Atan(Ball, int)"/>.
    /// </summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator, positive.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Atan(BigInteger numerator, BigInteger denominator, int bits)
    {
        var wp = bits + Guard;
        var inverted = BigInteger.Abs(numerator) > denominator;
        // For |x| > 1 the series is of 1/x = (±d)/|n|.
        var (p, q) = inverted ? (denominator * numerator.Sign, BigInteger.Abs(numerator)) : (numerator, denominator);
        if (wp < BitBurstBits || p.IsZero || !IsFastAtanSeries(p, q))
        {
            return Atan(Ball.FromRational(numerator, denominator, wp), bits);
        }

        var series = Constants.InverseTangentSeries(p, q, alternating: true, wp);
        if (!inverted)
        {
            return series.Round(bits);
        }

        // atan x = ±pi/2 − atan(1/x) for |x| > 1.
        var halfPi = Constants.Pi(wp).MulPow2(-1);
        return Ball.Subtract(numerator.Sign > 0 ? halfPi : halfPi.Negate(), series, wp).Round(bits);
    }

    /// <summary>
    /// Whether the series of atan(p/q), 0 &lt; |p| ≤ q, beats the Newton correction: each term gains
    /// 2·log2(q/|p|) bits while the split's numbers grow by about 2·log2(q·|p|) + 18 bits, and
    /// measured at 10 000 and 100 000 digits the series wins up to a growth of about
    /// <see cref="MaxAtanSeriesCost"/> bits per bit gained (atan(1/3): 6.7; atan(1/2): 10).
    /// </summary>
    private static bool IsFastAtanSeries(BigInteger p, BigInteger q)
    {
        var absP = BigInteger.Abs(p);
        if (q.GetBitLength() > 32 || absP >= q)
        {
            return false;
        }

        var gained = 2 * (BigInteger.Log(q, 2) - BigInteger.Log(absP, 2));
        var growth = (2 * (BigInteger.Log(q, 2) + BigInteger.Log(absP, 2))) + 18;
        return growth <= MaxAtanSeriesCost * gained;
    }

    /// <summary>asin x for x in [−1, 1] = 2·atan(x / (1 + √(1 − x²))).</summary>
    /// <param name="x">The argument; parts of the ball outside [−1, 1] are ignored.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Asin(Ball x, int bits)
    {
        if (x.IsExactZero || x.IsUnbounded)
        {
            return x;
        }

        var wp = bits + Guard;
        var oneMinusSquare = Ball.Multiply(Ball.Subtract(Ball.One, x, wp), Ball.Add(Ball.One, x, wp), wp);
        var denominator = Ball.Add(Ball.One, Ball.Sqrt(oneMinusSquare, wp), wp);
        return Atan(Ball.Divide(x, denominator, wp), wp).MulPow2(1).Round(bits);
    }

    /// <summary>acos x for x in [−1, 1], in [0, pi].</summary>
    /// <param name="x">The argument; parts of the ball outside [−1, 1] are ignored.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Acos(Ball x, int bits)
    {
        if (x.IsUnbounded)
        {
            return x;
        }

        // acos x = 2·atan(√((1−x)/(1+x))) has no cancellation for x ≥ 0; for x < 0 use
        // acos x = pi − acos(−x).
        var wp = bits + Guard;
        var negative = x.Mid.Sign < 0;
        var y = negative ? x.Negate() : x;
        var ratio = Ball.Divide(Ball.Subtract(Ball.One, y, wp), Ball.Add(Ball.One, y, wp), wp);
        var angle = Atan(Ball.Sqrt(ratio, wp), wp).MulPow2(1);
        return (negative ? Ball.Subtract(Constants.Pi(wp), angle, wp) : angle).Round(bits);
    }

    /// <summary>
    /// atan2(y, x), the angle of the point (x, y), in (−pi, pi]. When x &lt; 0 and y may be zero,
    /// <paramref name="upperHalf"/> (decided by the caller from y's sign as printed) picks +pi or −pi.
    /// </summary>
    /// <param name="y">The ordinate.</param>
    /// <param name="x">The abscissa.</param>
    /// <param name="upperHalf">Whether y counts as non-negative.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Atan2(Ball y, Ball x, bool upperHalf, int bits)
    {
        if (x.IsUnbounded || y.IsUnbounded || (x.ContainsZero && y.ContainsZero))
        {
            return Ball.Unbounded;
        }

        var wp = bits + Guard;
        var pi = Constants.Pi(wp);
        if (!x.ContainsZero && (y.ContainsZero || x.UpperLog2 >= y.UpperLog2))
        {
            var angle = Atan(Ball.Divide(y, x, wp), wp);
            if (x.Sign > 0)
            {
                return angle.Round(bits);
            }

            return Ball.Add(angle, upperHalf ? pi : pi.Negate(), wp).Round(bits);
        }

        // |y| dominates: atan2 = ±pi/2 − atan(x/y).
        var halfPi = pi.MulPow2(-1);
        var complement = Atan(Ball.Divide(x, y, wp), wp);
        return Ball.Subtract(y.Sign > 0 ? halfPi : halfPi.Negate(), complement, wp).Round(bits);
    }

    private static Ball SinCos(Ball x, int bits, bool cosine)
    {
        if (x.IsExactZero)
        {
            return cosine ? Ball.One : Ball.Zero;
        }

        if (x.IsUnbounded)
        {
            return new Ball(BigInteger.Zero, BigInteger.One, 0);
        }

        // The limit is |x| ≤ 2^(2^20) exactly: beyond it when the whole ball is, refined when the
        // ball straddles it.
        var magnitude = x.UpperLog2;
        if (!x.ContainsZero && AbsExceedsLimit(BigInteger.Abs(x.Mid) - x.Radius, x.Exponent))
        {
            throw new NumericException(NumericErrorKind.Limit, NumericMessages.TrigArgumentTooLarge);
        }

        if (IsWide(x, 0) || AbsExceedsLimit(BigInteger.Abs(x.Mid) + x.Radius, x.Exponent))
        {
            return new Ball(BigInteger.Zero, BigInteger.One, 0);
        }

        var wp = bits + Guard;
        if (UseSinCosDirect(x, wp))
        {
            var (sin, cos) = SinCosBitBurst(x, wp + 66);
            return (cosine ? cos : sin).Round(bits);
        }

        var r = x;
        var quadrant = cosine ? 1 : 0;
        if (magnitude > -1)
        {
            // x = k·pi/2 + r with |r| ≤ pi/4; pi needs the bits of k on top of the precision.
            // Rounded up to 1/32 of itself, so sin and cos of the same argument, asked for a few
            // bits apart (tan, its pole check), share one cached pi instead of computing two.
            var wpk = RoundUpBits(wp + Math.Max(0, magnitude) + 8);
            var halfPi = Constants.Pi(wpk).MulPow2(-1);
            var quotient = Ball.Divide(x, halfPi, (int)Math.Max(0, magnitude) + 16);
            var k = RoundToInteger(quotient);
            if (!k.IsZero)
            {
                r = Ball.Subtract(x, Ball.Multiply(halfPi, k, wpk), wpk);
                quadrant += (int)(((k % 4) + 4) % 4);
            }
        }

        var result = (quadrant % 4) switch
        {
            0 => SinSmall(r, wp),
            1 => CosSmall(r, wp),
            2 => SinSmall(r, wp).Negate(),
            _ => CosSmall(r, wp).Negate(),
        };
        return result.Round(bits);
    }

    /// <summary>sin r for |r| up to about 1: divide by 3^s, Taylor series, then s triplings.</summary>
    private static Ball SinSmall(Ball r, int wp)
    {
        if (r.IsExactZero)
        {
            return r;
        }

        if (UseSinBitBurst(r, wp))
        {
            return SinCosBitBurst(r, wp + 66).Sin;
        }

        var target = Math.Max(2, (int)Math.Sqrt(wp) / 3);
        var triplings = (int)Math.Max(0, Math.Ceiling((r.UpperLog2 + target) / Math.Log2(3)));

        // sin 3a = 3 sin a − 4 sin³ a loses at most about two bits per step.
        var wp2 = wp + (2 * triplings) + 8;
        var a = triplings == 0 ? r : Ball.Divide(r, BigInteger.Pow(3, triplings), wp2);
        var magnitude = Math.Min(a.UpperLog2, -1);

        // The series alternates with falling terms, so the tail is below the first omitted term
        // |a|^(2N+3)/(2N+3)!; it must fall below 2^(m − wp2).
        var terms = 0;
        var log2Factorial = Math.Log2(6);
        while ((-magnitude * ((2 * terms) + 2)) + log2Factorial < wp2 + 2)
        {
            terms++;
            log2Factorial += Math.Log2(((2 * terms) + 2) * ((2 * terms) + 3));
        }

        var a2 = Ball.Multiply(a, a, wp2);
        var sum = Ball.One;
        for (var k = terms; k >= 1; k--)
        {
            var term = Ball.Divide(Ball.Multiply(a2, sum, wp2), (2 * k) * ((2 * k) + 1), wp2);
            sum = Ball.Subtract(Ball.One, term, wp2);
        }

        var tail = (long)Math.Ceiling((magnitude * ((2 * terms) + 3)) + 1 - log2Factorial);
        var y = Ball.Multiply(a, sum, wp2).AddError(tail, wp2);
        var three = Ball.FromInteger(3);
        for (var i = 0; i < triplings; i++)
        {
            var fourSquares = Ball.Multiply(Ball.Multiply(y, y, wp2), 4, wp2);
            y = Ball.Multiply(y, Ball.Subtract(three, fourSquares, wp2), wp2);
        }

        return y;
    }

    /// <summary>cos r = 1 − 2·sin²(r/2), which keeps full relative precision for small |r|.</summary>
    private static Ball CosSmall(Ball r, int wp)
    {
        var half = SinSmall(r.MulPow2(-1), wp + 2);
        return Ball.Subtract(Ball.One, Ball.Multiply(half, half, wp + 2).MulPow2(1), wp);
    }

    /// <summary>atan t for |t| up to about 1: halve with atan t = 2·atan(t/(1 + √(1 + t²))), then a series.</summary>
    private static Ball AtanReduced(Ball t, int wp)
    {
        if (UseAtanNewton(t, wp))
        {
            return AtanNewton(t, wp);
        }

        var target = -Math.Max(2, (int)Math.Sqrt(wp) / 2);
        var wp2 = wp + (2 * BitLength(-target)) + 8;
        var steps = 0;
        while (t.UpperLog2 > target && steps < 4 * -target)
        {
            var root = Ball.Sqrt(Ball.Add(Ball.One, Ball.Multiply(t, t, wp2), wp2), wp2);
            t = Ball.Divide(t, Ball.Add(Ball.One, root, wp2), wp2);
            steps++;
        }

        return OddSeries(t, wp2, alternating: true).MulPow2(steps);
    }

    /// <summary>n rounded up to a multiple of 2^(bit length of n − 5), at least 64.</summary>
    private static int RoundUpBits(long n)
    {
        var shift = Math.Max(6, (int)IntegerMath.BitLength(n) - 5);
        return (int)(((n >> shift) + 1) << shift);
    }

    /// <summary>Whether v·2^e exceeds 2^<see cref="MaxTrigMagnitudeBits"/>, for v ≥ 0.</summary>
    private static bool AbsExceedsLimit(BigInteger v, long e)
    {
        var top = e + IntegerMath.BitLength(v) - 1;
        return top > MaxTrigMagnitudeBits || (top == MaxTrigMagnitudeBits && !v.IsPowerOfTwo);
    }

    /// <summary>The ball [−2, 2], which holds every value of atan.</summary>
    private static Ball HalfPiHull() => new(BigInteger.Zero, 2, 0);

    /// <summary>The integer nearest the ball's midpoint (halves away from zero).</summary>
    internal static BigInteger RoundToInteger(Ball x)
    {
        if (x.Exponent >= 0)
        {
            return x.Mid << (int)x.Exponent;
        }

        var shift = -x.Exponent;
        if (shift > IntegerMath.BitLength(x.Mid) + 1)
        {
            return BigInteger.Zero;
        }

        var magnitude = (BigInteger.Abs(x.Mid) + (BigInteger.One << (int)(shift - 1))) >> (int)shift;
        return x.Mid.Sign < 0 ? -magnitude : magnitude;
    }
}
