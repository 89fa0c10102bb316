using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// An approximate real as a ball: the true value lies in
/// [(<see cref="Mid"/> − <see cref="Radius"/>)·2^<see cref="Exponent"/>, (<see cref="Mid"/> + <see cref="Radius"/>)·2^<see cref="Exponent"/>].
/// Every operation rounds its midpoint to a requested number of bits and adds the rounding
/// error, and the error propagated from its operands, to the radius, so the enclosure is rigorous.
/// </summary>
internal readonly partial struct Ball : IEquatable<Ball>
{
    // A radius wider than this many bits makes the low bits of the midpoint noise, so
    // normalisation drops them; the radius then overestimates by at most 2^-(RadiusBits-1).
    private const int RadiusBits = 30;

    /// <summary>
    /// The largest binary magnitude a ball may have, about 10^(1.02·10^9): the SPEC §8 guard
    /// against results whose decimal exponent exceeds a billion.
    /// </summary>
    internal const long MaxMagnitudeBits = 3_400_000_000;

    internal Ball(BigInteger mid, BigInteger radius, long exponent)
    {
        Mid = mid;
        Radius = radius;
        Exponent = exponent;
    }

    /// <summary>The integer midpoint, scaled by 2^<see cref="Exponent"/>.</summary>
    public BigInteger Mid { get; }

    /// <summary>The radius in units of 2^<see cref="Exponent"/>; negative means unbounded.</summary>
    public BigInteger Radius { get; }

    /// <summary>The binary exponent shared by midpoint and radius.</summary>
    public long Exponent { get; }

    /// <summary>The exact value 0.</summary>
    public static Ball Zero => default;

    /// <summary>The exact value 1.</summary>
    public static Ball One => new(BigInteger.One, BigInteger.Zero, 0);

    /// <summary>A ball that carries no information (for example a quotient by a ball containing zero).</summary>
    public static Ball Unbounded => new(BigInteger.Zero, BigInteger.MinusOne, 0);

    /// <summary>Whether the ball carries no information.</summary>
    public bool IsUnbounded => Radius.Sign < 0;

    /// <summary>Whether the ball is a single point.</summary>
    public bool IsExact => Radius.IsZero;

    /// <summary>Whether the ball is exactly zero.</summary>
    public bool IsExactZero => Mid.IsZero && Radius.IsZero;

    /// <summary>Whether zero may be the true value.</summary>
    public bool ContainsZero => IsUnbounded || BigInteger.Abs(Mid) <= Radius;

    /// <summary>The sign of every value in the ball, or 0 when the ball contains zero.</summary>
    public int Sign => ContainsZero ? 0 : Mid.Sign;

    /// <summary>An L with |x| &lt; 2^L for every x in the ball (undefined for unbounded balls).</summary>
    internal long UpperLog2 => Exponent + IntegerMath.BitLength(BigInteger.Abs(Mid) + Radius);

    /// <summary>An L with |x| ≥ 2^L for every x in the ball; only for balls excluding zero.</summary>
    internal long LowerLog2 => Exponent + IntegerMath.BitLength(BigInteger.Abs(Mid) - Radius) - 1;

    /// <summary>The exact ball of an integer.</summary>
    /// <param name="value">The integer.</param>
    public static Ball FromInteger(BigInteger value) => new(value, BigInteger.Zero, 0);

    /// <summary>The ball of n/d rounded to <paramref name="bits"/> bits.</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator, positive.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball FromRational(BigInteger numerator, BigInteger denominator, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator.Sign);
        if (denominator.IsOne)
        {
            return Normalize(numerator, BigInteger.Zero, 0, bits);
        }

        // Terms far longer than the precision are rounded first: the quotient's leading bits need
        // only as many of theirs, and dividing by a whole denominator of millions of bits takes
        // seconds in one call that no time check can interrupt (SPEC §8).
        var room = bits + 64;
        if (IntegerMath.BitLength(denominator) > room || IntegerMath.BitLength(numerator) > room)
        {
            return Divide(Normalize(numerator, BigInteger.Zero, 0, room), Normalize(denominator, BigInteger.Zero, 0, room), bits);
        }

        var shift = (int)Math.Max(0, bits + 2 + IntegerMath.BitLength(denominator) - IntegerMath.BitLength(numerator));
        var quotient = BigInteger.DivRem(numerator << shift, denominator, out var remainder);
        return Normalize(quotient, remainder.IsZero ? BigInteger.Zero : BigInteger.One, -shift, bits);
    }

    /// <summary>The exact ball of mid·2^exponent.</summary>
    /// <param name="mid">The integer mantissa.</param>
    /// <param name="exponent">The binary exponent.</param>
    public static Ball FromDyadic(BigInteger mid, long exponent) => new(mid, BigInteger.Zero, exponent);

    /// <summary>The ball with midpoint and radius given in units of 2^exponent, rounded to <paramref name="bits"/>.</summary>
    internal static Ball Create(BigInteger mid, BigInteger radius, long exponent, int bits) =>
        Normalize(mid, radius, exponent, bits);

    /// <summary>This ball with its midpoint rounded to <paramref name="bits"/> bits.</summary>
    /// <param name="bits">The working precision.</param>
    public Ball Round(int bits) => IsUnbounded ? this : Normalize(Mid, Radius, Exponent, bits);

    /// <summary>The midpoint as a double, for estimates only (may be infinite or zero).</summary>
    public double MidEstimate()
    {
        if (Mid.IsZero)
        {
            return 0;
        }

        var length = IntegerMath.BitLength(Mid);
        var shift = Math.Max(0, length - 60);
        var top = (double)(Mid >> (int)shift);
        var exponent = Exponent + shift;
        return exponent > 4096 ? Math.CopySign(double.PositiveInfinity, top)
            : exponent < -4096 ? 0
            : Math.ScaleB(top, (int)exponent);
    }

    /// <summary>The lower end (Mid − Radius) in units of 2^<see cref="Exponent"/>.</summary>
    internal BigInteger Low => Mid - Radius;

    /// <summary>The upper end (Mid + Radius) in units of 2^<see cref="Exponent"/>.</summary>
    internal BigInteger High => Mid + Radius;

    /// <inheritdoc/>
    public bool Equals(Ball other) => Mid == other.Mid && Radius == other.Radius && Exponent == other.Exponent;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Ball other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Mid, Radius, Exponent);

    /// <summary>Structural equality (same midpoint, radius and exponent).</summary>
    /// <param name="left">A ball.</param>
    /// <param name="right">Another ball.</param>
    public static bool operator ==(Ball left, Ball right) => left.Equals(right);

    /// <summary>Structural inequality.</summary>
    /// <param name="left">A ball.</param>
    /// <param name="right">Another ball.</param>
    public static bool operator !=(Ball left, Ball right) => !left.Equals(right);

    /// <summary>
    /// Rounds the midpoint to at most <paramref name="bits"/> bits (and to the radius' scale when
    /// the radius is wide), adding the rounding error to the radius, and enforces the magnitude limit.
    /// </summary>
    private static Ball Normalize(BigInteger mid, BigInteger radius, long exponent, int bits)
    {
        if (radius.Sign < 0)
        {
            return Unbounded;
        }

        if (mid.IsZero && radius.IsZero)
        {
            return Zero;
        }

        var midBits = IntegerMath.BitLength(mid);
        var radiusBits = radius.IsZero ? 0 : radius.GetBitLength();
        var shift = Math.Max(midBits - bits, radiusBits - RadiusBits);
        if (shift > 0)
        {
            // Ceiling of the scaled radius, plus one unit for the floored midpoint when bits were lost.
            var midLost = !(mid & ((BigInteger.One << (int)shift) - 1)).IsZero;
            mid >>= (int)shift;
            radius = (radius >> (int)shift) + (radius.IsZero ? 0 : 1) + (midLost ? 1 : 0);
            exponent += shift;
        }

        if (!mid.IsZero)
        {
            var top = exponent + IntegerMath.BitLength(mid);
            if (top > MaxMagnitudeBits || top < -MaxMagnitudeBits)
            {
                throw new NumericException(NumericErrorKind.Limit, NumericMessages.TooManyDigits(Math.Abs(top) * IntegerMath.Log10Of2));
            }
        }

        return new Ball(mid, radius, exponent);
    }
}
