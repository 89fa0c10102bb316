using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// A normalised fraction on two longs for the evaluator's fast path: plain arithmetic on small
/// exact numbers, without <see cref="Number"/>, <see cref="Rational"/> or limit checks. Every
/// operation either gives exactly what the <see cref="Rational"/> operation gives, or declines
/// (returns false) so that the caller takes the general path, which also reports any error.
/// </summary>
/// <remarks>
/// Results have at most 19 digits, so they are within any digit limit of 19 or more; callers
/// use this type only under such a limit. Operands of sums and products must fit in an
/// <see cref="int"/>, so no product overflows a long; larger ones decline.
/// </remarks>
internal readonly struct SmallFraction
{
    private SmallFraction(long numerator, long denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>The numerator; never <see cref="long.MinValue"/>.</summary>
    public long Numerator { get; }

    /// <summary>The denominator; positive and coprime to the numerator.</summary>
    public long Denominator { get; }

    /// <summary>The value as a rational.</summary>
    public Rational ToRational() => Rational.FromSmallNormalized(Numerator, Denominator);

    /// <summary>The value of a decimal literal significand·10^exponent10 when it is short.</summary>
    public static bool TryFromDecimal(BigInteger significand, int exponent10, out SmallFraction value)
    {
        value = default;
        if (exponent10 > 0 || exponent10 < -18 || significand < -long.MaxValue || significand > long.MaxValue)
        {
            return false;
        }

        var small = (long)significand;
        if (exponent10 == 0)
        {
            value = new SmallFraction(small, 1);
            return true;
        }

        var den = (long)IntegerMath.Pow10Small(-exponent10);
        var g = (long)IntegerMath.Gcd((ulong)Math.Abs(small), (ulong)den);
        value = new SmallFraction(small / g, den / g);
        return true;
    }

    /// <summary>−x.</summary>
    public static SmallFraction Negate(SmallFraction x) => new(-x.Numerator, x.Denominator);

    /// <summary>x + y, declining when an operand is not int-sized or the sum overflows.</summary>
    public static bool TryAdd(SmallFraction x, SmallFraction y, out SmallFraction sum)
    {
        sum = default;
        var (a, b, c, d) = (x.Numerator, x.Denominator, y.Numerator, y.Denominator);
        if (!FitsInt(a) || !FitsInt(b) || !FitsInt(c) || !FitsInt(d))
        {
            return false;
        }

        if (b == 1 && d == 1)
        {
            sum = new SmallFraction(a + c, 1);
            return true;
        }

        // As Rational's sum (Knuth, TAOCP 4.5.1): divide by g = gcd(b, d) first, then reduce by a
        // gcd with g only. The products are below 2^62, so only their sum can overflow.
        var g = (long)IntegerMath.Gcd((ulong)b, (ulong)d);
        var bg = b / g;
        var left = a * (d / g);
        var right = c * bg;
        var t = unchecked(left + right);
        if (((left ^ t) & (right ^ t)) < 0 || t == long.MinValue)
        {
            return false;
        }

        if (g == 1)
        {
            sum = new SmallFraction(t, b * d);
            return true;
        }

        var g2 = (long)IntegerMath.Gcd((ulong)Math.Abs(t % g), (ulong)g);
        sum = new SmallFraction(t / g2, bg * (d / g2));
        return true;
    }

    /// <summary>x·y, declining when a cross-cancelled factor is not int-sized.</summary>
    public static bool TryMultiply(SmallFraction x, SmallFraction y, out SmallFraction product)
    {
        product = new SmallFraction(0, 1);
        var (a, b, c, d) = (x.Numerator, x.Denominator, y.Numerator, y.Denominator);
        if (a == 0 || c == 0)
        {
            return true;
        }

        var g1 = d == 1 ? 1 : (long)IntegerMath.Gcd((ulong)Math.Abs(a), (ulong)d);
        var g2 = b == 1 ? 1 : (long)IntegerMath.Gcd((ulong)Math.Abs(c), (ulong)b);
        var (an, cn, bd, dd) = (a / g1, c / g2, b / g2, d / g1);
        if (!FitsInt(an) || !FitsInt(cn) || !FitsInt(bd) || !FitsInt(dd))
        {
            return false;
        }

        product = new SmallFraction(an * cn, bd * dd);
        return true;
    }

    /// <summary>x/y, declining for a zero divisor (the general path reports it).</summary>
    public static bool TryDivide(SmallFraction x, SmallFraction y, out SmallFraction quotient)
    {
        if (y.Numerator == 0)
        {
            quotient = default;
            return false;
        }

        var reciprocal = y.Numerator < 0
            ? new SmallFraction(-y.Denominator, -y.Numerator)
            : new SmallFraction(y.Denominator, y.Numerator);
        return TryMultiply(x, reciprocal, out quotient);
    }

    /// <summary>
    /// x^y for an integer exponent 0 to 63 when the power surely fits: |n| below 2^bits gives
    /// |n|^e below 2^(bits·e). Powers of coprime integers stay coprime.
    /// </summary>
    public static bool TryPower(SmallFraction x, SmallFraction y, out SmallFraction power)
    {
        power = default;
        var exponent = y.Numerator;
        if (y.Denominator != 1 || exponent < 0 || exponent > 63)
        {
            return false;
        }

        var bits = 64 - BitOperations.LeadingZeroCount((ulong)Math.Abs(x.Numerator) | (ulong)x.Denominator);
        if (bits * exponent > 63)
        {
            return false;
        }

        long pn = 1;
        long pd = 1;
        for (var i = 0; i < exponent; i++)
        {
            pn *= x.Numerator;
            pd *= x.Denominator;
        }

        power = new SmallFraction(pn, pd);
        return true;
    }

    private static bool FitsInt(long value) => value == (int)value;
}
