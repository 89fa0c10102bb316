using System.Numerics;

namespace Calculator.Evaluator.Numerics;

// Roots and integer powers of balls. Roots are monotone, so the enclosure is the hull of the
// floored root of the lower end and the ceiled root of the upper end.
internal readonly partial struct Ball
{
    /// <summary>
    /// The enclosure of √x. The caller has already decided the radicand is not negative (as it
    /// prints, SPEC §4), so the part of the ball below zero is rounding noise around a true value
    /// of at least zero and is clipped: a ball entirely below zero gives 0.
    /// </summary>
    /// <param name="x">The radicand.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Sqrt(Ball x, int bits) => Root(x, 2, bits);

    /// <summary>
    /// The enclosure of the real <paramref name="n"/>-th root of x (odd roots of negative numbers
    /// are negative).
    /// </summary>
    /// <param name="x">The radicand.</param>
    /// <param name="n">The root index, at least 2.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Root(Ball x, int n, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        if (x.IsUnbounded || x.IsExactZero)
        {
            return x;
        }

        var low = x.Low;
        var high = x.High;
        var odd = n % 2 == 1;
        if (!odd)
        {
            if (high.Sign < 0)
            {
                return Zero;
            }

            if (low.Sign < 0)
            {
                low = BigInteger.Zero;
            }
        }

        StatementBudget.Check(bits);

        // Scale so the root has bits + 4 bits and the exponent divides by n.
        var magnitude = Math.Max(IntegerMath.BitLength(low), IntegerMath.BitLength(high));
        var scale = ((long)n * (bits + 4)) - magnitude;
        var exponent = x.Exponent - scale;
        var adjust = ((exponent % n) + n) % n;
        scale += adjust;
        exponent -= adjust;
        var rootLow = RootBound(low, scale, n, roundUp: false, out var exact);
        BigInteger rootHigh;
        if (low == high && low.Sign >= 0)
        {
            // An exact radicand (√2): the ceiling is the floor or one more, no second root.
            rootHigh = exact ? rootLow : rootLow + 1;
        }
        else if (n == 2 && scale >= 0 && rootLow.Sign > 0 && !x.Radius.IsZero)
        {
            // A narrow ball needs only one square root: √H − √L = (H − L)/(√H + √L) is below
            // (H − L)/(2·floor√L), and floor√L is below √L by less than one unit.
            rootHigh = rootLow + 2 + (((high - low) << (int)scale) / (2 * rootLow));
        }
        else
        {
            rootHigh = RootBound(high, scale, n, roundUp: true, out _);
        }

        return Hull(rootLow, rootHigh, exponent / n, bits);
    }

    /// <summary>The enclosure of x^n for an integer n ≥ 0 by repeated squaring.</summary>
    /// <param name="x">The base.</param>
    /// <param name="n">The exponent, non-negative.</param>
    /// <param name="bits">The working precision; the caller adds guard bits for log2(n).</param>
    public static Ball Pow(Ball x, BigInteger n, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n.Sign);
        var result = One;
        var power = x;
        var remaining = n;
        while (!remaining.IsZero)
        {
            if (!remaining.IsEven)
            {
                result = Multiply(result, power, bits);
            }

            remaining >>= 1;
            if (!remaining.IsZero)
            {
                power = Multiply(power, power, bits);
            }
        }

        return result;
    }

    /// <summary>
    /// A bound on the n-th root of value·2^scale: the floor when rounding down, the ceiling when
    /// rounding up; the sign follows the value (only odd roots see negative values).
    /// <paramref name="exact"/> tells whether the root is exactly the bound.
    /// </summary>
    private static BigInteger RootBound(BigInteger value, long scale, int n, bool roundUp, out bool exact)
    {
        if (value.Sign < 0)
        {
            return -RootBound(-value, scale, n, !roundUp, out exact);
        }

        BigInteger scaled;
        bool lost;
        if (scale >= 0)
        {
            scaled = value << (int)scale;
            lost = false;
        }
        else
        {
            scaled = value >> (int)-scale;
            lost = !(value & ((BigInteger.One << (int)-scale) - 1)).IsZero;
            if (lost && roundUp)
            {
                scaled += 1;
            }
        }

        var root = IntegerMath.IntegerRoot(scaled, n, out var exactRoot);
        exact = exactRoot && !lost;
        return roundUp && !exactRoot ? root + 1 : root;
    }
}
