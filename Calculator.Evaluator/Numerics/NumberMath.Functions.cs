namespace Calculator.Evaluator.Numerics;

// Roots, exponentials, logarithms, circular and hyperbolic functions. Each checks its domain
// (on approximate arguments: as they print), returns the cheap exact cases exactly and builds
// an approximate node otherwise.
internal static partial class NumberMath
{
    /// <summary>√x; exact when x is the square of a rational (sqrt(9/4) = 1.5).</summary>
    /// <param name="x">The radicand, not negative.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Sqrt(Number x, NumericContext ctx)
    {
        if (SignOf(x, ctx) < 0)
        {
            throw new NumericException(NumericErrorKind.Domain, NumericMessages.SqrtOfNegative);
        }

        if (x.TryGetExact(out var exact) && Rational.TryRoot(exact, 2, out var root))
        {
            return Number.Exact(root);
        }

        return Unary(RealFunction.Sqrt, x, ctx);
    }

    /// <summary>The real cube root; exact for cubes of rationals (cbrt(−27) = −3).</summary>
    /// <param name="x">The radicand.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Cbrt(Number x, NumericContext ctx)
    {
        if (x.TryGetExact(out var exact) && Rational.TryRoot(exact.Abs(), 3, out var root))
        {
            return Number.Exact(exact.Sign < 0 ? -root : root);
        }

        return Unary(RealFunction.Cbrt, x, ctx);
    }

    /// <summary>e^x; exp(0) = 1 exactly.</summary>
    /// <param name="x">The exponent.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Exp(Number x, NumericContext ctx) =>
        IsExactZero(x) ? Number.Exact(Rational.One) : Unary(RealFunction.Exp, x, ctx);

    /// <summary>The natural logarithm; ln(1) = 0 exactly.</summary>
    /// <param name="x">The argument, positive.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Ln(Number x, NumericContext ctx)
    {
        RequirePositiveLogArgument(x, ctx);
        if (x.TryGetExact(out var exact) && exact == Rational.One)
        {
            return Number.Exact(Rational.Zero);
        }

        return Unary(RealFunction.Ln, x, ctx);
    }

    /// <summary><c>log(x)</c>: the natural logarithm (SPEC §4).</summary>
    /// <param name="x">The argument, positive.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Log(Number x, NumericContext ctx) => Ln(x, ctx);

    /// <summary>The base-b logarithm; exact when x is an integer power of b (log(8, 2) = 3).</summary>
    /// <param name="x">The argument, positive.</param>
    /// <param name="b">The base, positive and not 1.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Log(Number x, Number b, NumericContext ctx)
    {
        if (SignOf(b, ctx) <= 0 || Compare(b, Number.Exact(Rational.One), ctx) == 0)
        {
            throw new NumericException(NumericErrorKind.Domain, NumericMessages.InvalidLogBase);
        }

        RequirePositiveLogArgument(x, ctx);
        if (x.TryGetExact(out var exact) && b.TryGetExact(out var exactBase) &&
            Rational.TryLog(exact, exactBase, out var power))
        {
            return Number.Exact(power);
        }

        var quotient = Real.Binary(
            RealOperator.Divide,
            Real.Unary(RealFunction.Ln, x.ToReal(), ctx),
            Real.Unary(RealFunction.Ln, b.ToReal(), ctx),
            ctx);
        return Approximate(quotient, ctx);
    }

    /// <summary>The base-10 logarithm; log10(1000) = 3 exactly.</summary>
    /// <param name="x">The argument, positive.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Log10(Number x, NumericContext ctx) => Log(x, Number.Exact(10), ctx);

    /// <summary>The base-2 logarithm; log2(8) = 3 exactly.</summary>
    /// <param name="x">The argument, positive.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Log2(Number x, NumericContext ctx) => Log(x, Number.Exact(2), ctx);

    /// <summary>sin x (radians); sin(0) = 0 exactly.</summary>
    /// <param name="x">The angle.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Sin(Number x, NumericContext ctx) => ZeroAtZero(RealFunction.Sin, x, ctx);

    /// <summary>cos x (radians); cos(0) = 1 exactly.</summary>
    /// <param name="x">The angle.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Cos(Number x, NumericContext ctx) =>
        IsExactZero(x) ? Number.Exact(Rational.One) : Unary(RealFunction.Cos, x, ctx);

    /// <summary>tan x (radians); tan(0) = 0 exactly; a pole (cos x prints as 0) is a domain error.</summary>
    /// <param name="x">The angle.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Tan(Number x, NumericContext ctx)
    {
        if (IsExactZero(x))
        {
            return x;
        }

        if (SignOf(Unary(RealFunction.Cos, x, ctx), ctx) == 0)
        {
            throw new NumericException(NumericErrorKind.Domain, NumericMessages.TanPole);
        }

        return Unary(RealFunction.Tan, x, ctx);
    }

    /// <summary>asin x for x in [−1, 1]; asin(0) = 0 exactly.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Asin(Number x, NumericContext ctx)
    {
        RequireWithinOne(x, ctx, NumericMessages.AsinOutOfRange);
        return ZeroAtZero(RealFunction.Asin, x, ctx);
    }

    /// <summary>acos x for x in [−1, 1]; acos(1) = 0 exactly.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Acos(Number x, NumericContext ctx)
    {
        RequireWithinOne(x, ctx, NumericMessages.AcosOutOfRange);
        return x.TryGetExact(out var exact) && exact == Rational.One
            ? Number.Exact(Rational.Zero)
            : Unary(RealFunction.Acos, x, ctx);
    }

    /// <summary>atan x; atan(0) = 0 exactly.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Atan(Number x, NumericContext ctx) => ZeroAtZero(RealFunction.Atan, x, ctx);

    /// <summary>
    /// atan2(y, x), the angle of the point (x, y) in (−pi, pi]; atan2(0, 0) = 0 as in C, and
    /// atan2(0, x) = 0 exactly for x &gt; 0.
    /// </summary>
    /// <param name="y">The ordinate.</param>
    /// <param name="x">The abscissa.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Atan2(Number y, Number x, NumericContext ctx)
    {
        var signY = SignOf(y, ctx);
        var signX = SignOf(x, ctx);
        if ((signY == 0 && signX == 0) || (IsExactZero(y) && signX > 0))
        {
            return Number.Exact(Rational.Zero);
        }

        return Approximate(Real.Atan2(y.ToReal(), x.ToReal(), signY >= 0, ctx), ctx);
    }

    /// <summary>sinh x; sinh(0) = 0 exactly.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Sinh(Number x, NumericContext ctx) => ZeroAtZero(RealFunction.Sinh, x, ctx);

    /// <summary>cosh x; cosh(0) = 1 exactly.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Cosh(Number x, NumericContext ctx) =>
        IsExactZero(x) ? Number.Exact(Rational.One) : Unary(RealFunction.Cosh, x, ctx);

    /// <summary>tanh x; tanh(0) = 0 exactly.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Tanh(Number x, NumericContext ctx) => ZeroAtZero(RealFunction.Tanh, x, ctx);

    /// <summary>asinh x; asinh(0) = 0 exactly.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Asinh(Number x, NumericContext ctx) => ZeroAtZero(RealFunction.Asinh, x, ctx);

    /// <summary>acosh x for x ≥ 1; acosh(1) = 0 exactly.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Acosh(Number x, NumericContext ctx)
    {
        var one = Number.Exact(Rational.One);
        if (Compare(x, one, ctx) < 0)
        {
            throw new NumericException(NumericErrorKind.Domain, NumericMessages.AcoshBelowOne);
        }

        return x.TryGetExact(out var exact) && exact == Rational.One
            ? Number.Exact(Rational.Zero)
            : Unary(RealFunction.Acosh, x, ctx);
    }

    /// <summary>atanh x for |x| &lt; 1; atanh(0) = 0 exactly.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Atanh(Number x, NumericContext ctx)
    {
        var one = Number.Exact(Rational.One);
        if (Compare(Abs(x, ctx), one, ctx) >= 0)
        {
            throw new NumericException(NumericErrorKind.Domain, NumericMessages.AtanhOutOfRange);
        }

        return ZeroAtZero(RealFunction.Atanh, x, ctx);
    }

    /// <summary>√(a² + b²); exact when that is the square of a rational (hypot(3, 4) = 5).</summary>
    /// <param name="a">One leg.</param>
    /// <param name="b">The other leg.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Hypot(Number a, Number b, NumericContext ctx)
    {
        if (a.TryGetExact(out var x) && b.TryGetExact(out var y))
        {
            var sum = Rational.Add(Rational.Multiply(x, x, ctx), Rational.Multiply(y, y, ctx), ctx);
            return Rational.TryRoot(sum, 2, out var root)
                ? Number.Exact(root)
                : Unary(RealFunction.Sqrt, Number.Exact(sum), ctx);
        }

        return Binary(RealOperator.Hypot, a, b, ctx);
    }

    private static bool IsExactZero(Number x) => x.TryGetExact(out var exact) && exact.IsZero;

    private static Number ZeroAtZero(RealFunction function, Number x, NumericContext ctx) =>
        IsExactZero(x) ? x : Unary(function, x, ctx);

    private static void RequirePositiveLogArgument(Number x, NumericContext ctx)
    {
        if (SignOf(x, ctx) <= 0)
        {
            throw new NumericException(NumericErrorKind.Domain, NumericMessages.LogOfNonPositive);
        }
    }

    private static void RequireWithinOne(Number x, NumericContext ctx, string message)
    {
        if (Compare(Abs(x, ctx), Number.Exact(Rational.One), ctx) > 0)
        {
            throw new NumericException(NumericErrorKind.Domain, message);
        }
    }
}
