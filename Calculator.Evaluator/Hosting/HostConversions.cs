using System.Numerics;
using Calculator.Evaluator.Numerics;

namespace Calculator.Evaluator.Hosting;

/// <summary>Correctly rounded conversions from calc's numbers to the host's <see cref="double"/> and <see cref="decimal"/>.</summary>
internal static class HostConversions
{
    // Past these binary magnitudes a double is certainly infinite or zero, so no big shifts are made.
    private const long AboveDoubleRange = 1025;
    private const long BelowDoubleRange = -1080;

    // Refinement of an approximate value stops here; a ball that still straddles two doubles
    // is a value within 2^-MaxRefineBits of a rounding boundary (or a zero that cannot be decided).
    private const int MaxRefineBits = 1 << 14;

    private static readonly BigInteger s_decimalLimit = BigInteger.One << 96;

    /// <summary>numerator/denominator rounded to the nearest double, ties to even.</summary>
    public static double ToDouble(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.IsZero)
        {
            return 0.0;
        }
        var negative = numerator.Sign < 0;
        var a = BigInteger.Abs(numerator);
        var b = denominator;
        long e = (long)a.GetBitLength() - (long)b.GetBitLength();
        if (e > AboveDoubleRange)
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }
        if (e < BelowDoubleRange)
        {
            return negative ? -0.0 : 0.0;
        }

        // q = floor(a·2^s / b) has 55 or 56 bits: at least two below the 53 a double keeps.
        var s = (int)(55 - e);
        var (q, r) = s >= 0 ? BigInteger.DivRem(a << s, b) : BigInteger.DivRem(a, b << -s);
        var top = (long)q.GetBitLength() - 1 - s;
        // The last kept bit is worth 2^m: 52 bits below the top, but never below the smallest subnormal.
        var m = Math.Max(top - 52, -1074);
        var drop = (int)(m + s);
        var kept = q >> drop;
        var rest = q - (kept << drop);
        var half = BigInteger.One << (drop - 1);
        var comparison = rest.CompareTo(half);
        if (comparison > 0 || (comparison == 0 && (!r.IsZero || !kept.IsEven)))
        {
            kept += 1;
        }
        var result = Math.ScaleB((double)kept, (int)m);
        return negative ? -result : result;
    }

    /// <summary>An approximate real rounded to the nearest double, refined until the rounding is decided.</summary>
    public static double ToDouble(Real real)
    {
        var fallback = 0.0;
        for (var bits = 64; bits <= MaxRefineBits; bits *= 4)
        {
            Ball ball;
            try
            {
                ball = real.Approximate(bits);
            }
            catch (NumericException)
            {
                break;
            }
            if (ball.IsUnbounded)
            {
                continue;
            }
            var lower = ToDouble(ball.Mid - ball.Radius, ball.Exponent);
            var upper = ToDouble(ball.Mid + ball.Radius, ball.Exponent);
            if (lower.Equals(upper))
            {
                return lower;
            }
            fallback = ToDouble(ball.Mid, ball.Exponent);
        }
        return fallback;
    }

    /// <summary>A fraction within 2^-bits (relative) of an approximate real.</summary>
    public static (BigInteger Numerator, BigInteger Denominator) ToFraction(Real real, int bits)
    {
        var ball = real.Approximate(bits);
        if (!ball.IsUnbounded && !ball.ContainsZero)
        {
            // Far outside decimal's range either way: no need to build the huge power of two.
            if (ball.LowerLog2 > 200)
            {
                throw new OverflowException(Messages.DecimalOverflow);
            }
            if (ball.UpperLog2 < -200)
            {
                return (BigInteger.Zero, BigInteger.One);
            }
        }
        return ball.Exponent >= 0
            ? (ball.Mid << (int)ball.Exponent, BigInteger.One)
            : (ball.Mid, BigInteger.One << (int)-ball.Exponent);
    }

    /// <summary>numerator/denominator rounded half to even to the most decimal places a decimal can hold.</summary>
    /// <exception cref="OverflowException">The magnitude is beyond <see cref="decimal.MaxValue"/>.</exception>
    public static decimal ToDecimal(BigInteger numerator, BigInteger denominator)
    {
        var negative = numerator.Sign < 0;
        var a = BigInteger.Abs(numerator);
        // Integer digits of a/b, give or take one: start at the scale that would just fit.
        var integerBits = (long)a.GetBitLength() - (long)denominator.GetBitLength();
        if (integerBits > 100)
        {
            throw new OverflowException(Messages.DecimalOverflow);
        }
        var integerDigits = Math.Max(0, (int)Math.Ceiling(integerBits * 0.30103));
        for (var scale = Math.Min(28, 29 - integerDigits); scale >= 0; scale--)
        {
            var (q, r) = BigInteger.DivRem(a * BigInteger.Pow(10, scale), denominator);
            var twice = r << 1;
            var comparison = twice.CompareTo(denominator);
            if (comparison > 0 || (comparison == 0 && !q.IsEven))
            {
                q += 1;
            }
            if (q < s_decimalLimit)
            {
                // The shortest scale that holds the same value: 1/8 is 0.125, not 0.1250000….
                while (scale > 0 && !q.IsZero && (q % 10).IsZero)
                {
                    q /= 10;
                    scale--;
                }
                var lo = (int)(uint)(q & uint.MaxValue);
                var mid = (int)(uint)((q >> 32) & uint.MaxValue);
                var hi = (int)(uint)(q >> 64);
                return new decimal(lo, mid, hi, negative && !q.IsZero, (byte)scale);
            }
        }
        throw new OverflowException(Messages.DecimalOverflow);
    }

    private static double ToDouble(BigInteger mid, long exponent)
    {
        if (exponent >= 0)
        {
            return (long)mid.GetBitLength() + exponent > AboveDoubleRange + 2
                ? (mid.Sign < 0 ? double.NegativeInfinity : mid.Sign > 0 ? double.PositiveInfinity : 0.0)
                : ToDouble(mid << (int)exponent, BigInteger.One);
        }
        return (long)mid.GetBitLength() + exponent < BelowDoubleRange - 2
            ? (mid.Sign < 0 ? -0.0 : 0.0)
            : ToDouble(mid, BigInteger.One << (int)-exponent);
    }
}
