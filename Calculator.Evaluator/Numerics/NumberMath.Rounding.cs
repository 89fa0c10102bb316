using System.Numerics;

namespace Calculator.Evaluator.Numerics;

// Functions whose results are always exact (SPEC §4): floor, ceil, round, trunc, sign, and the
// integer functions. On approximate arguments the ball is refined until the result is decided;
// a value sitting on a boundary (floor(sqrt(2)^2)) is never decided, and then the value as it
// prints at precision P is used.
internal static partial class NumberMath
{
    private enum Rounding
    {
        Floor,
        Ceiling,
        Truncate,
        HalfAwayFromZero,
    }

    /// <summary>|x|.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Abs(Number x, NumericContext ctx) =>
        x.TryGetExact(out var exact) ? Number.Exact(exact.Abs()) : Unary(RealFunction.Abs, x, ctx);

    /// <summary>−1, 0 or 1, always exact; an approximate value that prints as 0 has sign 0.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Sign(Number x, NumericContext ctx) => Number.Exact(SignOf(x, ctx));

    /// <summary>The largest integer not above x, exact.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Floor(Number x, NumericContext ctx) => RoundTo(x, 0, Rounding.Floor, ctx);

    /// <summary>The smallest integer not below x, exact.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Ceiling(Number x, NumericContext ctx) => RoundTo(x, 0, Rounding.Ceiling, ctx);

    /// <summary>x rounded toward zero, exact.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Truncate(Number x, NumericContext ctx) => RoundTo(x, 0, Rounding.Truncate, ctx);

    /// <summary>x rounded to an integer, halves away from zero (round(2.5) = 3), exact.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Round(Number x, NumericContext ctx) => RoundTo(x, 0, Rounding.HalfAwayFromZero, ctx);

    /// <summary>x rounded to n decimal places, halves away from zero (round(pi, 2) = 3.14), exact.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="places">The number of places, an integer (negative rounds to tens, hundreds…).</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Round(Number x, Number places, NumericContext ctx)
    {
        var n = ExactOrPrinted(places, ctx);
        if (!n.IsInteger)
        {
            throw new NumericException(NumericErrorKind.Domain, NumericMessages.RoundPlacesNotInteger);
        }

        if (BigInteger.Abs(n.Numerator) > ctx.MaxDigits)
        {
            throw new NumericException(NumericErrorKind.Limit, NumericMessages.TooManyRoundPlaces);
        }

        return RoundTo(x, (int)n.Numerator, Rounding.HalfAwayFromZero, ctx);
    }

    /// <summary>The smallest argument; approximate ones compare as they print. Returns that operand.</summary>
    /// <param name="values">One or more numbers.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Min(ReadOnlySpan<Number> values, NumericContext ctx) => Extreme(values, ctx, -1);

    /// <summary>The largest argument; approximate ones compare as they print. Returns that operand.</summary>
    /// <param name="values">One or more numbers.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Max(ReadOnlySpan<Number> values, NumericContext ctx) => Extreme(values, ctx, 1);

    /// <summary>The greatest common divisor of two integers (gcd(0, 0) = 0).</summary>
    /// <param name="a">An integer.</param>
    /// <param name="b">Another integer.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Gcd(Number a, Number b, NumericContext ctx) =>
        Number.Exact(IntegerMath.Gcd(IntegerArgument(a, ctx), IntegerArgument(b, ctx)));

    /// <summary>The least common multiple of two integers, non-negative (lcm(0, n) = 0).</summary>
    /// <param name="a">An integer.</param>
    /// <param name="b">Another integer.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Lcm(Number a, Number b, NumericContext ctx)
    {
        var x = IntegerArgument(a, ctx);
        var y = IntegerArgument(b, ctx);
        ctx.CheckDigits((IntegerMath.BitLength(x) + IntegerMath.BitLength(y)) * IntegerMath.Log10Of2 - 1);
        return Number.Exact(IntegerMath.Lcm(x, y));
    }

    /// <summary><c>mod(a, b)</c>: the floored modulo, as <see cref="Modulo"/>.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Mod(Number a, Number b, NumericContext ctx) => Modulo(a, b, ctx);

    private static Number Extreme(ReadOnlySpan<Number> values, NumericContext ctx, int direction)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException(NumericMessages.NoArguments, nameof(values));
        }

        var best = values[0];
        foreach (var value in values[1..])
        {
            if (Compare(value, best, ctx) * direction > 0)
            {
                best = value;
            }
        }

        return best;
    }

    private static BigInteger IntegerArgument(Number n, NumericContext ctx)
    {
        var value = ExactOrPrinted(n, ctx);
        return value.IsInteger
            ? value.Numerator
            : throw new NumericException(NumericErrorKind.Domain, NumericMessages.GcdOfNonInteger);
    }

    /// <summary>x rounded to <paramref name="places"/> decimal places in the given mode, exact.</summary>
    private static Number RoundTo(Number x, int places, Rounding mode, NumericContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (x.TryGetExact(out var exact))
        {
            return Number.Exact(RoundExact(exact, places, mode, ctx));
        }

        var value = x.ToReal();
        var cap = ApproxFormat.CapBits(ctx.Precision);
        for (var bits = ApproxFormat.WorkingBits(ctx.Precision); ; bits = Math.Min(2 * bits, cap))
        {
            var ball = value.Approximate(bits);
            if (!ball.IsUnbounded && TryDecide(ball, places, mode, bits, ctx, out var decided))
            {
                return Number.Exact(decided);
            }

            if (bits >= cap)
            {
                break;
            }
        }

        return Number.Exact(RoundExact(ApproxFormat.RoundAsPrinted(x, ctx), places, mode, ctx));
    }

    private static Rational RoundExact(Rational value, int places, Rounding mode, NumericContext ctx)
    {
        if (places != 0)
        {
            return value.Round(places, ctx);
        }

        return mode switch
        {
            Rounding.Floor => value.Floor(),
            Rounding.Ceiling => value.Ceiling(),
            Rounding.Truncate => value.Truncate(),
            _ => value.Round(),
        };
    }

    /// <summary>Rounds both ends of the ball scaled by 10^places; decided when they agree.</summary>
    private static bool TryDecide(Ball ball, int places, Rounding mode, int bits, NumericContext ctx, out Rational result)
    {
        result = Rational.Zero;
        var scaled = ApproxFormat.ScaleByPowerOfTen(ball, places, bits + (int)(Math.Abs(places) * ApproxFormat.Log2Of10) + 16);
        if (scaled.IsUnbounded)
        {
            return false;
        }

        // An integer with more digits than the limit allows cannot be the result.
        ctx.CheckDigits((scaled.UpperLog2 * IntegerMath.Log10Of2) - places);
        var low = RoundScaled(scaled.Low, scaled.Exponent, mode);
        var high = RoundScaled(scaled.High, scaled.Exponent, mode);
        if (low != high)
        {
            return false;
        }

        result = places == 0
            ? Rational.FromInteger(low)
            : places > 0 ? Rational.Create(low, IntegerMath.Pow10(places)) : Rational.FromInteger(low * IntegerMath.Pow10(-places));
        return true;
    }

    /// <summary>Rounds v·2^e to an integer in the given mode.</summary>
    private static BigInteger RoundScaled(BigInteger value, long exponent, Rounding mode)
    {
        if (exponent >= 0)
        {
            return value << (int)exponent;
        }

        var shift = (int)Math.Min(-exponent, IntegerMath.BitLength(value) + 2);
        var floor = value >> shift;
        var exact = (floor << shift) == value;
        return mode switch
        {
            Rounding.Floor => floor,
            Rounding.Ceiling => exact ? floor : floor + 1,
            Rounding.Truncate => value.Sign >= 0 || exact ? floor : floor + 1,
            _ => value.Sign >= 0
                ? (value + (BigInteger.One << (shift - 1))) >> shift
                : -((-value + (BigInteger.One << (shift - 1))) >> shift),
        };
    }
}
