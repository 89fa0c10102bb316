using System.Runtime.CompilerServices;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// Every operation and built-in function of SPEC §4 on <see cref="Number"/>, with its exactness
/// rules: exact operands give exact results where the result is rational and cheap to see,
/// anything else builds an approximate <see cref="Real"/>. Expected failures throw
/// <see cref="NumericException"/> (domain, division by zero, limit).
/// </summary>
/// <remarks>
/// A new approximate result is evaluated once at the working precision before it is returned,
/// so limit errors (<c>exp(1e10)</c>) surface here and not when the result is printed. Domain
/// checks on approximate arguments use the argument's value as it prints: an argument that is
/// zero within the working precision counts as zero.
/// </remarks>
internal static partial class NumberMath
{
    /// <summary>pi (approximate).</summary>
    public static Number Pi { get; } = Number.Approximate(Real.Pi);

    /// <summary>Euler's number e (approximate).</summary>
    public static Number E { get; } = Number.Approximate(Real.E);

    /// <summary>tau = 2·pi (approximate).</summary>
    public static Number Tau { get; } = Number.Approximate(Real.Tau);

    /// <summary>The golden ratio phi = (1 + √5)/2 (approximate).</summary>
    public static Number Phi { get; } = Number.Approximate(Real.Phi);

    /// <summary>a + b.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Add(Number a, Number b, NumericContext ctx)
    {
        if (a.TryGetExact(out var x) && b.TryGetExact(out var y))
        {
            return Number.Exact(Rational.Add(x, y, ctx));
        }

        return Binary(RealOperator.Add, a, b, ctx);
    }

    /// <summary>a − b.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Subtract(Number a, Number b, NumericContext ctx)
    {
        if (a.TryGetExact(out var x) && b.TryGetExact(out var y))
        {
            return Number.Exact(Rational.Subtract(x, y, ctx));
        }

        return Binary(RealOperator.Subtract, a, b, ctx);
    }

    /// <summary>a·b.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Multiply(Number a, Number b, NumericContext ctx) =>
        a.TryGetExact(out var x) && b.TryGetExact(out var y)
            ? Number.Exact(Rational.Multiply(x, y, ctx))
            : MultiplyApproximate(a, b, ctx);

    // Apart from Multiply, so that the exact case inlines into its callers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Number MultiplyApproximate(Number a, Number b, NumericContext ctx) =>
        TryRecognizeProduct(a, b, divide: false, ctx, out var product)
            ? product
            : Binary(RealOperator.Multiply, a, b, ctx);

    /// <summary>a/b; division by zero (also by an approximate value that prints as 0) fails.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Divide(Number a, Number b, NumericContext ctx)
    {
        if (a.TryGetExact(out var x) && b.TryGetExact(out var y))
        {
            return Number.Exact(Rational.Divide(x, y, ctx));
        }

        RequireNonZeroDivisor(b, ctx);
        return TryRecognizeProduct(a, b, divide: true, ctx, out var quotient)
            ? quotient
            : Binary(RealOperator.Divide, a, b, ctx);
    }

    /// <summary>The floored modulo a − b·floor(a/b): the result has the sign of b (SPEC §4).</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Modulo(Number a, Number b, NumericContext ctx)
    {
        if (a.TryGetExact(out var x) && b.TryGetExact(out var y))
        {
            return Number.Exact(Rational.FlooredMod(x, y, ctx));
        }

        RequireNonZeroDivisor(b, ctx);
        var quotient = Floor(Divide(a, b, ctx), ctx);
        return Subtract(a, Multiply(b, quotient, ctx), ctx);
    }

    /// <summary>−a.</summary>
    /// <param name="a">The operand.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Negate(Number a, NumericContext ctx) =>
        a.TryGetExact(out var x) ? Number.Exact(-x) : Unary(RealFunction.Negate, a, ctx);

    /// <summary>
    /// n! for a non-negative integer n, exact. An approximate n that prints as an integer is
    /// taken as that integer.
    /// </summary>
    /// <param name="n">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Factorial(Number n, NumericContext ctx)
    {
        var value = ExactOrPrinted(n, ctx);
        if (!value.IsInteger)
        {
            throw new NumericException(NumericErrorKind.Domain, NumericMessages.FactorialOfNonInteger);
        }

        return Number.Exact(IntegerMath.Factorial(value.Numerator, ctx));
    }

    /// <summary>
    /// b^e (SPEC §4): exact for exact bases with integer exponents and for rational exponents
    /// whose root is exact (8^(1/3) = 2, 4^1.5 = 8); 0^0 = 1; 0^−1 is a division by zero; a
    /// negative base with a non-integer exponent is a domain error; otherwise e^(e·ln b).
    /// </summary>
    /// <param name="b">The base.</param>
    /// <param name="e">The exponent.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Power(Number b, Number e, NumericContext ctx) =>
        b.TryGetExact(out var exactBase) && e.TryGetExact(out var exponent) && exponent.IsInteger
            ? Number.Exact(Rational.Pow(exactBase, exponent, ctx))
            : PowerOther(b, e, ctx);

    // Apart from Power, so that its exact case (x^2) inlines into its callers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Number PowerOther(Number b, Number e, NumericContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (!b.IsExact && b.ToReal() is ConstantReal { Constant: RealConstant.E })
        {
            // e^x is exp(x), whose exact cases (e^ln(2) = 2) are recognised there.
            return Exp(e, ctx);
        }

        if (e.TryGetExact(out var exponent))
        {
            if (exponent.IsInteger)
            {
                if (b.TryGetExact(out var exactBase))
                {
                    return Number.Exact(Rational.Pow(exactBase, exponent, ctx));
                }

                if (exponent.Sign < 0)
                {
                    RequireNonZeroDivisor(b, ctx);
                }

                if (TryRecognizePower(b, exponent.Numerator, ctx, out var recognized))
                {
                    return recognized;
                }

                return Approximate(Real.IntegerPower(b.ToReal(), exponent.Numerator, ctx), ctx);
            }

            var baseSign = SignOf(b, ctx);
            if (baseSign == 0)
            {
                return ZeroToThe(exponent.Sign);
            }

            if (baseSign < 0)
            {
                throw new NumericException(NumericErrorKind.Domain, NumericMessages.NegativeBaseFractionalExponent);
            }

            if (b.TryGetExact(out var positiveBase) && exponent.Denominator <= int.MaxValue &&
                Rational.TryRoot(positiveBase, (int)exponent.Denominator, out var root))
            {
                return Number.Exact(Rational.Pow(root, exponent.Numerator, ctx));
            }

            return Binary(RealOperator.Power, b, e, ctx);
        }

        var sign = SignOf(b, ctx);
        if (sign > 0)
        {
            return Binary(RealOperator.Power, b, e, ctx);
        }

        if (sign == 0)
        {
            return ZeroToThe(SignOf(e, ctx));
        }

        // A negative base needs an integer exponent; an approximate one counts as it prints.
        var printed = ApproxFormat.RoundAsPrinted(e, ctx);
        if (!printed.IsInteger)
        {
            throw new NumericException(NumericErrorKind.Domain, NumericMessages.NegativeBaseFractionalExponent);
        }

        return Approximate(Real.IntegerPower(b.ToReal(), printed.Numerator, ctx), ctx);
    }

    /// <summary>
    /// Compares two numbers: exactly when both are exact, otherwise as they print at precision P
    /// (SPEC §4), so <c>sqrt(2)^2 == 2</c>.
    /// </summary>
    /// <param name="a">A number.</param>
    /// <param name="b">Another number.</param>
    /// <param name="ctx">Supplies P.</param>
    /// <returns>Negative, zero or positive as a is below, equal to or above b.</returns>
    public static int Compare(Number a, Number b, NumericContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (a.TryGetExact(out var x) && b.TryGetExact(out var y))
        {
            return x.CompareTo(y);
        }

        return ApproxFormat.Printed(a, ctx).CompareTo(ApproxFormat.Printed(b, ctx));
    }

    /// <summary>The SPEC §5 text of a number.</summary>
    /// <param name="n">The number.</param>
    /// <param name="ctx">Supplies P.</param>
    /// <param name="fraction">Whether exact non-integers print as <c>p/q</c>.</param>
    public static string Format(Number n, NumericContext ctx, bool fraction)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return n.TryGetExact(out var exact)
            ? DecimalFormat.FormatExact(exact, ctx, fraction)
            : ApproxFormat.Format(n.ToReal(), ctx);
    }

    /// <summary>The sign: exact for exact numbers, as printed for approximate ones.</summary>
    private static int SignOf(Number n, NumericContext ctx) =>
        n.TryGetExact(out var exact) ? exact.Sign : ApproxFormat.Sign(n.ToReal(), ctx);

    /// <summary>The exact value, or the value as it prints for approximate numbers.</summary>
    private static Rational ExactOrPrinted(Number n, NumericContext ctx) =>
        n.TryGetExact(out var exact) ? exact : ApproxFormat.RoundAsPrinted(n, ctx);

    private static void RequireNonZeroDivisor(Number divisor, NumericContext ctx)
    {
        if (SignOf(divisor, ctx) == 0)
        {
            throw new NumericException(NumericErrorKind.DivisionByZero, NumericMessages.DivisionByZero);
        }
    }

    /// <summary>0^e for an exponent of the given sign.</summary>
    private static Number ZeroToThe(int exponentSign) => exponentSign switch
    {
        > 0 => Number.Exact(Rational.Zero),
        0 => Number.Exact(Rational.One),
        _ => throw new NumericException(NumericErrorKind.DivisionByZero, NumericMessages.DivisionByZero),
    };

    private static Number Unary(RealFunction function, Number a, NumericContext ctx) =>
        Approximate(Real.Unary(function, a.ToReal(), ctx), ctx);

    private static Number Binary(RealOperator op, Number a, Number b, NumericContext ctx) =>
        Approximate(Real.Binary(op, a.ToReal(), b.ToReal(), ctx), ctx);

    /// <summary>Evaluates a new approximate result once, so limit errors surface now.</summary>
    private static Number Approximate(Real value, NumericContext ctx)
    {
        value.Approximate(ApproxFormat.WorkingBits(ctx.Precision));
        return Number.Approximate(value);
    }
}
