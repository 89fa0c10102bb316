using System.Numerics;

namespace Calculator.Evaluator.Numerics;

// Rigorous ball arithmetic: every result encloses every sum, product, quotient or root of values
// in the operand balls.
internal readonly partial struct Ball
{
    /// <summary>The enclosure of a + b, midpoint rounded to <paramref name="bits"/> bits.</summary>
    /// <param name="a">A ball.</param>
    /// <param name="b">Another ball.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Add(Ball a, Ball b, int bits)
    {
        if (a.IsUnbounded || b.IsUnbounded)
        {
            return Unbounded;
        }

        if (a.IsExactZero)
        {
            return b.Round(bits);
        }

        if (b.IsExactZero)
        {
            return a.Round(bits);
        }

        // Digits far below the result's precision are folded into the radius instead of being
        // aligned, so adding 1e-1000000 to 1 does not build a million-bit integer.
        var top = Math.Max(a.UpperLog2, b.UpperLog2);
        var common = Math.Max(Math.Min(a.Exponent, b.Exponent), top - bits - 8);
        var (ma, ra) = a.ScaledTo(common);
        var (mb, rb) = b.ScaledTo(common);
        return Normalize(ma + mb, ra + rb, common, bits);
    }

    /// <summary>The enclosure of a − b.</summary>
    /// <param name="a">A ball.</param>
    /// <param name="b">Another ball.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Subtract(Ball a, Ball b, int bits) => Add(a, b.Negate(), bits);

    /// <summary>The exact negation.</summary>
    public Ball Negate() => IsUnbounded ? this : new Ball(-Mid, Radius, Exponent);

    /// <summary>The enclosure of |x| for x in the ball.</summary>
    public Ball Abs()
    {
        if (IsUnbounded || Mid.Sign >= 0 && Mid >= Radius)
        {
            return this;
        }

        if (-Mid >= Radius)
        {
            return Negate();
        }

        // The ball straddles zero: |x| lies in [0, |Mid| + Radius].
        var high = BigInteger.Abs(Mid) + Radius;
        return new Ball(high >> 1, high - (high >> 1), Exponent);
    }

    /// <summary>The exact product by 2^<paramref name="k"/>.</summary>
    /// <param name="k">The power of two.</param>
    public Ball MulPow2(long k) => IsUnbounded || IsExactZero ? this : new Ball(Mid, Radius, Exponent + k);

    /// <summary>The enclosure of a·b.</summary>
    /// <param name="a">A ball.</param>
    /// <param name="b">Another ball.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Multiply(Ball a, Ball b, int bits)
    {
        if (a.IsExactZero || b.IsExactZero)
        {
            return Zero;
        }

        if (a.IsUnbounded || b.IsUnbounded)
        {
            return Unbounded;
        }

        var radius = BigInteger.Zero;
        if (!b.Radius.IsZero)
        {
            radius += BigInteger.Abs(a.Mid) * b.Radius;
        }

        if (!a.Radius.IsZero)
        {
            radius += (BigInteger.Abs(b.Mid) * a.Radius) + (a.Radius * b.Radius);
        }

        return Normalize(a.Mid * b.Mid, radius, a.Exponent + b.Exponent, bits);
    }

    /// <summary>The enclosure of a·n for an exact integer n.</summary>
    /// <param name="a">A ball.</param>
    /// <param name="n">The integer factor.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Multiply(Ball a, BigInteger n, int bits) => Multiply(a, FromInteger(n), bits);

    /// <summary>The enclosure of a/b; unbounded when b may be zero.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Divide(Ball a, Ball b, int bits)
    {
        if (a.IsUnbounded || b.ContainsZero)
        {
            return Unbounded;
        }

        if (a.IsExactZero)
        {
            return Zero;
        }

        var absB = BigInteger.Abs(b.Mid);
        var shift = (int)Math.Max(0, bits + 4 + IntegerMath.BitLength(absB) - IntegerMath.BitLength(a.Mid));
        var quotient = BigInteger.DivRem(a.Mid << shift, b.Mid, out var remainder);
        var radius = remainder.IsZero ? BigInteger.Zero : BigInteger.One;
        if (!a.Radius.IsZero || !b.Radius.IsZero)
        {
            // |x/y − ma/mb| ≤ (ra·|mb| + |ma|·rb) / (|mb|·(|mb| − rb)); the denominator is bounded
            // below from its top 62 bits, which costs a small product instead of a full one.
            var numerator = (a.Radius * absB) + (BigInteger.Abs(a.Mid) * b.Radius);
            var low = absB - b.Radius;
            var cut = (int)Math.Max(0, IntegerMath.BitLength(absB) - 62);
            var lowTop = low >> cut;
            var scaled = numerator << shift;
            if (lowTop.IsZero)
            {
                radius += (scaled / (absB * low)) + 1;
            }
            else
            {
                var denominator = lowTop * (absB >> cut);
                radius += ((scaled >> (2 * cut)) + 1) / denominator + 1;
            }
        }

        return Normalize(quotient, radius, a.Exponent - b.Exponent - shift, bits);
    }

    /// <summary>The enclosure of a/n for a non-zero exact integer n.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="n">The integer divisor.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Divide(Ball a, BigInteger n, int bits) => Divide(a, FromInteger(n), bits);

    /// <summary>Adds 2^<paramref name="log2"/> to the radius (a truncation error bound).</summary>
    /// <param name="log2">The binary logarithm of the error bound.</param>
    /// <param name="bits">The working precision.</param>
    internal Ball AddError(long log2, int bits)
    {
        if (IsUnbounded)
        {
            return this;
        }

        if (IsExactZero)
        {
            return new Ball(BigInteger.Zero, BigInteger.One, log2);
        }

        if (log2 >= Exponent)
        {
            var shift = log2 - Exponent;
            if (shift > IntegerMath.BitLength(Mid) + RadiusBits + 64)
            {
                // The error dwarfs the midpoint: the ball is essentially [−2^log2, 2^log2].
                return new Ball(BigInteger.Zero, BigInteger.One, log2 + 1);
            }

            return Normalize(Mid, Radius + (BigInteger.One << (int)shift), Exponent, bits);
        }

        return Normalize(Mid, Radius + BigInteger.One, Exponent, bits);
    }

    /// <summary>The smallest ball enclosing the interval [low, high]·2^exponent.</summary>
    internal static Ball Hull(BigInteger low, BigInteger high, long exponent, int bits)
    {
        var sum = low + high;
        var mid = sum >> 1;
        return Normalize(mid, high - mid, exponent, bits);
    }

    /// <summary>
    /// This ball with midpoint and radius in units of 2^<paramref name="exponent"/>, rounding
    /// outward when the exponent grows.
    /// </summary>
    private (BigInteger Mid, BigInteger Radius) ScaledTo(long exponent)
    {
        if (Exponent >= exponent)
        {
            var up = checked((int)(Exponent - exponent));
            return (Mid << up, Radius << up);
        }

        var down = exponent - Exponent;
        if (down > IntegerMath.BitLength(Mid) + IntegerMath.BitLength(Radius) + 2)
        {
            // The whole ball is below one unit of the new scale.
            return (Mid.Sign < 0 ? BigInteger.MinusOne : BigInteger.Zero, 2);
        }

        return (Mid >> (int)down, (Radius >> (int)down) + 2);
    }
}
