using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// An exact rational number with arbitrary-size numerator and denominator, always normalised:
/// the denominator is positive and shares no factor with the numerator.
/// </summary>
/// <remarks>
/// Most values in real input are small, so a value whose numerator and denominator both fit in a
/// <see cref="long"/> is held without <see cref="BigInteger"/> and its arithmetic runs on
/// <see cref="long"/>/<see cref="Int128"/>, falling back to <see cref="BigInteger"/> on overflow.
/// Every value that fits the small form is stored in it, so each value has exactly one
/// representation; equality and hashing rely on that.
/// The operators do not check the SPEC §8 digit limit; the methods taking a
/// <see cref="NumericContext"/> do, before doing the work.
/// </remarks>
internal readonly partial struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    // Small form: _big is null, value = _num / (_denMinusOne + 1), |_num| <= long.MaxValue.
    // The denominator is stored minus one so that default(Rational) is 0/1.
    private readonly long _num;
    private readonly long _denMinusOne;
    private readonly BigParts? _big;

    private Rational(long num, long den)
    {
        _num = num;
        _denMinusOne = den - 1;
        _big = null;
    }

    private Rational(BigParts big)
    {
        _num = 0;
        _denMinusOne = 0;
        _big = big;
    }

    /// <summary>Zero.</summary>
    public static Rational Zero => default;

    /// <summary>One.</summary>
    public static Rational One => new(1, 1);

    /// <summary>The numerator; its sign is the sign of the value.</summary>
    public BigInteger Numerator => _big is null ? _num : _big.Num;

    /// <summary>The denominator; always positive.</summary>
    public BigInteger Denominator => _big is null ? SmallDen : _big.Den;

    /// <summary>Whether the value is an integer (its denominator is 1).</summary>
    public bool IsInteger => _big is null ? _denMinusOne == 0 : _big.Den.IsOne;

    /// <summary>-1, 0 or 1: the sign of the value.</summary>
    public int Sign => _big is null ? Math.Sign(_num) : _big.Num.Sign;

    /// <summary>Whether the value is zero.</summary>
    public bool IsZero => _big is null && _num == 0;

    internal bool IsSmall => _big is null;

    /// <summary>The numerator and denominator as longs when the value is in the small form.</summary>
    internal bool TryGetSmall(out long numerator, out long denominator)
    {
        numerator = _num;
        denominator = SmallDen;
        return _big is null;
    }

    private long SmallDen => _denMinusOne + 1;

    /// <summary>Converts a 64-bit integer exactly.</summary>
    /// <param name="value">The integer.</param>
    public static implicit operator Rational(long value) =>
        value == long.MinValue ? new Rational(new BigParts(value, BigInteger.One)) : new Rational(value, 1);

    /// <summary>Converts an integer exactly.</summary>
    /// <param name="value">The integer.</param>
    public static implicit operator Rational(BigInteger value) => FromInteger(value);

    /// <summary>The integer <paramref name="n"/> as a rational.</summary>
    /// <param name="n">The integer.</param>
    public static Rational FromInteger(BigInteger n) =>
        n >= -long.MaxValue && n <= long.MaxValue ? new Rational((long)n, 1) : new Rational(new BigParts(n, BigInteger.One));

    /// <summary>The normalised value of <paramref name="numerator"/> / <paramref name="denominator"/>.</summary>
    /// <param name="numerator">Any integer.</param>
    /// <param name="denominator">Any nonzero integer.</param>
    /// <exception cref="NumericException">The denominator is zero (<see cref="NumericErrorKind.DivisionByZero"/>).</exception>
    public static Rational Create(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw DivisionByZero();
        }

        if (FitsSmall(numerator) && FitsSmall(denominator))
        {
            return CreateSmall((long)numerator, (long)denominator);
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var g = IntegerMath.Gcd(numerator, denominator);
        if (!g.IsOne)
        {
            numerator /= g;
            denominator /= g;
        }

        return FromNormalized(numerator, denominator);
    }

    /// <summary>The absolute value.</summary>
    public Rational Abs() => Sign < 0 ? -this : this;

    /// <summary>
    /// About how many decimal digits the larger of numerator and denominator has, from the bit
    /// length; cheap, and within one of the true count.
    /// </summary>
    public int EstimateDigits()
    {
        if (_big is null)
        {
            var larger = Math.Max((ulong)Math.Abs(_num), (ulong)SmallDen);
            return (int)((64 - BitOperations.LeadingZeroCount(larger)) * IntegerMath.Log10Of2) + 1;
        }

        var bits = Math.Max(IntegerMath.BitLength(_big.Num), IntegerMath.BitLength(_big.Den));
        return (int)(bits * IntegerMath.Log10Of2) + 1;
    }

    /// <summary>Negation.</summary>
    /// <param name="value">The operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Rational operator -(Rational value) =>
        value._big is null ? new Rational(-value._num, value.SmallDen) : new Rational(new BigParts(-value._big.Num, value._big.Den));

    /// <summary>Identity.</summary>
    /// <param name="value">The operand.</param>
    public static Rational operator +(Rational value) => value;

    /// <summary>Exact sum, without the digit limit.</summary>
    /// <param name="left">The first addend.</param>
    /// <param name="right">The second addend.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Rational operator +(Rational left, Rational right) =>
        left._big is null && right._big is null
            ? AddSmall(left._num, left.SmallDen, right._num, right.SmallDen)
            : AddSlow(left, right);

    /// <summary>Exact difference, without the digit limit.</summary>
    /// <param name="left">The minuend.</param>
    /// <param name="right">The subtrahend.</param>
    public static Rational operator -(Rational left, Rational right) => left + -right;

    /// <summary>Exact product, without the digit limit.</summary>
    /// <param name="left">The first factor.</param>
    /// <param name="right">The second factor.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Rational operator *(Rational left, Rational right) =>
        left._big is null && right._big is null
            ? MultiplySmall(left._num, left.SmallDen, right._num, right.SmallDen)
            : MultiplySlow(left, right);

    /// <summary>Exact quotient, without the digit limit.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <exception cref="NumericException">The divisor is zero (<see cref="NumericErrorKind.DivisionByZero"/>).</exception>
    public static Rational operator /(Rational left, Rational right) => left * right.Reciprocal();

    /// <summary>Whether two values are equal.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(Rational left, Rational right) => left.Equals(right);

    /// <summary>Whether two values differ.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(Rational left, Rational right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator <(Rational left, Rational right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator <=(Rational left, Rational right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator >(Rational left, Rational right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator >=(Rational left, Rational right) => left.CompareTo(right) >= 0;

    /// <summary>The reciprocal 1/x.</summary>
    /// <exception cref="NumericException">The value is zero (<see cref="NumericErrorKind.DivisionByZero"/>).</exception>
    public Rational Reciprocal()
    {
        if (IsZero)
        {
            throw DivisionByZero();
        }

        if (_big is null)
        {
            return _num < 0 ? new Rational(-SmallDen, -_num) : new Rational(SmallDen, _num);
        }

        return _big.Num.Sign < 0
            ? new Rational(new BigParts(-_big.Den, -_big.Num))
            : new Rational(new BigParts(_big.Den, _big.Num));
    }

    /// <inheritdoc/>
    public int CompareTo(Rational other)
    {
        if (_big is null && other._big is null)
        {
            if (_denMinusOne == other._denMinusOne)
            {
                return _num.CompareTo(other._num);
            }

            return ((Int128)_num * other.SmallDen).CompareTo((Int128)other._num * SmallDen);
        }

        var sign = Sign;
        var otherSign = other.Sign;
        if (sign != otherSign)
        {
            return sign.CompareTo(otherSign);
        }

        var den = Denominator;
        var otherDen = other.Denominator;
        return den.Equals(otherDen)
            ? Numerator.CompareTo(other.Numerator)
            : (Numerator * otherDen).CompareTo(other.Numerator * den);
    }

    /// <inheritdoc/>
    public bool Equals(Rational other)
    {
        if (_big is null || other._big is null)
        {
            // One representation per value: a small value never equals a big one.
            return _big is null && other._big is null && _num == other._num && _denMinusOne == other._denMinusOne;
        }

        return _big.Num.Equals(other._big.Num) && _big.Den.Equals(other._big.Den);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        _big is null ? HashCode.Combine(_num, _denMinusOne) : HashCode.Combine(_big.Num, _big.Den);

    /// <summary>The value as <c>p/q</c>, or <c>p</c> for an integer, in the invariant culture.</summary>
    public override string ToString()
    {
        if (_big is null)
        {
            return _denMinusOne == 0
                ? _num.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{_num}/{SmallDen}");
        }

        return _big.Den.IsOne
            ? IntegerMath.ToDecimalString(_big.Num)
            : string.Concat(IntegerMath.ToDecimalString(_big.Num), "/", IntegerMath.ToDecimalString(_big.Den));
    }

    internal static NumericException DivisionByZero() =>
        new(NumericErrorKind.DivisionByZero, NumericMessages.DivisionByZero);

    private static bool FitsSmall(BigInteger value) => value >= -long.MaxValue && value <= long.MaxValue;

    private static bool FitsSmall(Int128 value) => value >= -long.MaxValue && value <= long.MaxValue;

    /// <summary>Builds a value from an already normalised pair, choosing the small form when it fits.</summary>
    private static Rational FromNormalized(BigInteger num, BigInteger den) =>
        FitsSmall(num) && den <= long.MaxValue
            ? new Rational((long)num, (long)den)
            : new Rational(new BigParts(num, den));

    private static Rational FromNormalized(Int128 num, Int128 den) =>
        FitsSmall(num) && den <= long.MaxValue
            ? new Rational((long)num, (long)den)
            : new Rational(new BigParts(num, den));

    /// <summary>Normalises a nonzero-denominator pair whose parts are not <see cref="long.MinValue"/>.</summary>
    private static Rational CreateSmall(long num, long den)
    {
        if (den < 0)
        {
            num = -num;
            den = -den;
        }

        var g = (long)IntegerMath.Gcd((ulong)Math.Abs(num), (ulong)den);
        return g == 1 ? new Rational(num, den) : new Rational(num / g, den / g);
    }

    // Integers, the commonest case, add inline; everything else is out of line, so that callers
    // inlining this stay small (each temporary of an inlined case is zeroed at every call).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Rational AddSmall(long a, long b, long c, long d)
    {
        if ((b | d) == 1)
        {
            var sum = unchecked(a + c);
            if (((a ^ sum) & (c ^ sum)) >= 0 && sum != long.MinValue)
            {
                return new Rational(sum, 1);
            }
        }

        return AddSmallFractions(a, b, c, d);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Rational AddSmallFractions(long a, long b, long c, long d)
    {
        if (b == 1 && d == 1)
        {
            return FromNormalized((Int128)a + c, Int128.One);
        }

        // Knuth, TAOCP 4.5.1: dividing by gcd(b, d) first keeps intermediates small and leaves
        // only a gcd with a factor of the denominators to reduce the result.
        var g = (long)IntegerMath.Gcd((ulong)b, (ulong)d);
        if (FitsInt(a) && FitsInt(b) && FitsInt(c) && FitsInt(d))
        {
            // Each product is below 2^62 in magnitude, so only their sum can overflow a long.
            var bg = b / g;
            var dg = d / g;
            var left = a * dg;
            var right = c * bg;
            var t = unchecked(left + right);
            if (((left ^ t) & (right ^ t)) >= 0 && t != long.MinValue)
            {
                if (g == 1)
                {
                    return new Rational(t, b * d);
                }

                var g2 = (long)IntegerMath.Gcd((ulong)Math.Abs(t % g), (ulong)g);
                return new Rational(t / g2, bg * (d / g2));
            }
        }

        return AddSmallWide(a, b, c, d, g);
    }

    private static Rational AddSmallWide(long a, long b, long c, long d, long g)
    {
        if (g == 1)
        {
            return FromNormalized(((Int128)a * d) + ((Int128)c * b), (Int128)b * d);
        }

        var bg = b / g;
        var t = ((Int128)a * (d / g)) + ((Int128)c * bg);
        var g2 = (long)IntegerMath.Gcd((ulong)Math.Abs((long)(t % g)), (ulong)g);
        return FromNormalized(t / g2, (Int128)bg * (d / g2));
    }

    private static bool FitsInt(long value) => value == (int)value;

    private static Rational AddBig(BigInteger a, BigInteger b, BigInteger c, BigInteger d)
    {
        if (b.IsOne && d.IsOne)
        {
            return FromNormalized(a + c, BigInteger.One);
        }

        var g = IntegerMath.Gcd(b, d);
        if (g.IsOne)
        {
            return FromNormalized((a * d) + (c * b), b * d);
        }

        var bg = b / g;
        var t = (a * (d / g)) + (c * bg);
        var g2 = IntegerMath.Gcd(t, g);
        return g2.IsOne ? FromNormalized(t, bg * d) : FromNormalized(t / g2, bg * (d / g2));
    }

    // As AddSmall: integers inline, the rest out of line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Rational MultiplySmall(long a, long b, long c, long d)
    {
        if ((b | d) == 1)
        {
            var high = Math.BigMul(a, c, out var low);
            // The product fits a long when the high half is only the low half's sign; long.MinValue
            // has no small form.
            if (high == (low >> 63) && low != long.MinValue)
            {
                return new Rational(low, 1);
            }
        }

        return MultiplySmallFractions(a, b, c, d);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Rational MultiplySmallFractions(long a, long b, long c, long d)
    {
        if (a == 0 || c == 0)
        {
            return Zero;
        }

        // Cross-cancelling first keeps the result normalised without a gcd of the products.
        var g1 = d == 1 ? 1 : (long)IntegerMath.Gcd((ulong)Math.Abs(a), (ulong)d);
        var g2 = b == 1 ? 1 : (long)IntegerMath.Gcd((ulong)Math.Abs(c), (ulong)b);
        var (an, cn, bd, dd) = (a / g1, c / g2, b / g2, d / g1);

        // Products of two ints are below 2^62 in magnitude: no overflow, never long.MinValue.
        return FitsInt(an) && FitsInt(cn) && FitsInt(bd) && FitsInt(dd)
            ? new Rational(an * cn, bd * dd)
            : FromNormalized((Int128)an * cn, (Int128)bd * dd);
    }

    private static Rational MultiplyBig(BigInteger a, BigInteger b, BigInteger c, BigInteger d)
    {
        if (a.IsZero || c.IsZero)
        {
            return Zero;
        }

        var g1 = d.IsOne ? BigInteger.One : IntegerMath.Gcd(a, d);
        var g2 = b.IsOne ? BigInteger.One : IntegerMath.Gcd(c, b);
        if (!g1.IsOne)
        {
            a /= g1;
            d /= g1;
        }

        if (!g2.IsOne)
        {
            c /= g2;
            b /= g2;
        }

        return FromNormalized(a * c, b * d);
    }

    /// <summary>Sum computed on the <see cref="BigInteger"/> path: the operator's path for big values, and lets tests compare both paths.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static Rational AddSlow(Rational left, Rational right) =>
        AddBig(left.Numerator, left.Denominator, right.Numerator, right.Denominator);

    /// <summary>Product computed on the <see cref="BigInteger"/> path: the operator's path for big values, and lets tests compare both paths.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static Rational MultiplySlow(Rational left, Rational right) =>
        MultiplyBig(left.Numerator, left.Denominator, right.Numerator, right.Denominator);

    /// <summary>Comparison computed on the <see cref="BigInteger"/> path only; lets tests compare both paths.</summary>
    internal static int CompareSlow(Rational left, Rational right) =>
        (left.Numerator * right.Denominator).CompareTo(right.Numerator * left.Denominator);

    private sealed record BigParts(BigInteger Num, BigInteger Den);
}
