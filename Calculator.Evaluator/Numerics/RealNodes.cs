using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>The named constants a <see cref="Real"/> leaf can be.</summary>
internal enum RealConstant
{
    Pi,
    E,
    Tau,
    Phi,
}

/// <summary>The one-argument functions of a <see cref="Real"/> node.</summary>
internal enum RealFunction
{
    Negate,
    Abs,
    Sqrt,
    Cbrt,
    Exp,
    Ln,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Asinh,
    Acosh,
    Atanh,
}

/// <summary>The two-argument operations of a <see cref="Real"/> node.</summary>
internal enum RealOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
    Hypot,
}

internal sealed class ExactReal(Rational value) : Real(0)
{
    public Rational Value { get; } = value;

    private protected override Ball Compute(int bits) =>
        Ball.FromRational(Value.Numerator, Value.Denominator, bits);
}

internal sealed class BallReal(Ball value) : Real(0)
{
    private protected override Ball Compute(int bits) => value;
}

internal sealed class ConstantReal(RealConstant constant) : Real(0)
{
    public RealConstant Constant => constant;

    private protected override Ball Compute(int bits) => constant switch
    {
        RealConstant.Pi => Constants.Pi(bits),
        RealConstant.E => Constants.E(bits),
        RealConstant.Tau => Constants.Tau(bits),
        RealConstant.Phi => Constants.Phi(bits),
        _ => throw new System.Diagnostics.UnreachableException(),
    };
}

internal sealed class UnaryReal(RealFunction function, Real argument) : Real(argument.Depth + 1)
{
    // From this precision on Scaled asks for a coarse ball first; below it a second evaluation
    // of the argument costs little.
    private const int CoarseFirstBits = 1024;
    private const int CoarseBits = 64;

    public RealFunction Function => function;

    public Real Argument => argument;

    // Children are asked for the same precision as the node: asking for more at every level
    // would make each new node of a deep chain re-evaluate the whole chain below it. Rounding
    // errors then grow with depth, which the guard bits of the printer and its retries absorb.
    private protected override Ball Compute(int bits)
    {
        return function switch
        {
            RealFunction.Negate => argument.Approximate(bits).Negate(),
            RealFunction.Abs => argument.Approximate(bits).Abs(),
            RealFunction.Sqrt => Ball.Sqrt(argument.Approximate(bits), bits),
            RealFunction.Cbrt => Ball.Root(argument.Approximate(bits), 3, bits),
            RealFunction.Exp => Elementary.Exp(Scaled(bits), bits),
            RealFunction.Ln => Elementary.Ln(argument.Approximate(bits), bits),
            RealFunction.Sin => Elementary.Sin(Scaled(bits), bits),
            RealFunction.Cos => Elementary.Cos(Scaled(bits), bits),
            RealFunction.Tan => Elementary.Tan(Scaled(bits), bits),
            RealFunction.Asin => Elementary.Asin(argument.Approximate(bits), bits),
            RealFunction.Acos => Elementary.Acos(argument.Approximate(bits), bits),
            RealFunction.Atan => argument is ExactReal exact
                ? Elementary.Atan(exact.Value.Numerator, exact.Value.Denominator, bits)
                : Elementary.Atan(argument.Approximate(bits), bits),
            RealFunction.Sinh => Elementary.Sinh(Scaled(bits), bits),
            RealFunction.Cosh => Elementary.Cosh(Scaled(bits), bits),
            // tanh' = 1 − tanh² ≤ min(1, 4e^(−2|x|)): an error of x is not magnified, so tanh of a
            // huge argument (tanh(sinh(544376))) needs no more bits of it.
            RealFunction.Tanh => Elementary.Tanh(argument.Approximate(bits), bits),
            RealFunction.Asinh => Elementary.Asinh(argument.Approximate(bits), bits),
            RealFunction.Acosh => Elementary.Acosh(argument.Approximate(bits), bits),
            RealFunction.Atanh => Elementary.Atanh(argument.Approximate(bits), bits),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
    }

    /// <summary>
    /// The argument with as many more bits as its integer part has: exp, sin and cos turn an
    /// absolute error of the argument into a relative error of the result.
    /// </summary>
    private Ball Scaled(int bits)
    {
        // At high precision a coarse ball (or the memo) tells the magnitude first, so the argument
        // is computed once at bits + magnitude instead of at bits and then again.
        var extra = bits >= CoarseFirstBits ? ExtraBits(argument.Approximate(CoarseBits)) : 0;
        var x = argument.Approximate(bits + extra);
        var needed = ExtraBits(x);
        return needed <= extra ? x : argument.Approximate(bits + needed);
    }

    /// <summary>The integer bits of a ball's magnitude, 0 when there are none or the ball says nothing.</summary>
    private static int ExtraBits(Ball x)
    {
        if (x.IsUnbounded || x.IsExactZero)
        {
            return 0;
        }

        // Beyond the trigonometric limit the function throws anyway; do not ask for more
        // (2^(2^20) itself has an upper magnitude one above the limit, and is allowed).
        var magnitude = x.UpperLog2;
        return magnitude <= 0 || magnitude > Elementary.MaxTrigMagnitudeBits + 1 ? 0 : (int)magnitude;
    }
}

internal sealed class BinaryReal(RealOperator op, Real left, Real right)
    : Real(Math.Max(left.Depth, right.Depth) + 1)
{
    public RealOperator Operator => op;

    public Real Left => left;

    public Real Right => right;

    private protected override Ball Compute(int bits) => op switch
    {
        RealOperator.Add => Ball.Add(left.Approximate(bits), right.Approximate(bits), bits),
        RealOperator.Subtract => Ball.Subtract(left.Approximate(bits), right.Approximate(bits), bits),
        RealOperator.Multiply => Ball.Multiply(left.Approximate(bits), right.Approximate(bits), bits),
        RealOperator.Divide => Ball.Divide(left.Approximate(bits), right.Approximate(bits), bits),
        RealOperator.Hypot => Elementary.Hypot(left.Approximate(bits), right.Approximate(bits), bits),
        RealOperator.Power => Power(bits),
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private Ball Power(int bits)
    {
        // x^y = e^(y·ln x): the absolute error of y·ln x becomes the relative error of the
        // result, so both operands need as many extra bits as y·ln x has integer bits.
        var x = left.Approximate(bits);
        var y = right.Approximate(bits);
        if (x.IsUnbounded || y.IsUnbounded || x.Sign <= 0)
        {
            return Elementary.Pow(x, y, bits);
        }

        var log2X = Math.Abs(x.Exponent + IntegerMath.BitLength(x.Mid));
        var extra = (int)Math.Min(Math.Max(0, y.UpperLog2 + IntegerMath.BitLength(log2X) + 1), 64);
        if (extra > 0)
        {
            x = left.Approximate(bits + extra);
            y = right.Approximate(bits + extra);
        }

        return Elementary.Pow(x, y, bits);
    }
}

internal sealed class IntegerPowerReal(Real value, BigInteger exponent) : Real(value.Depth + 1)
{
    public Real Base => value;

    public BigInteger Exponent => exponent;

    private protected override Ball Compute(int bits)
    {
        // Repeated squaring multiplies the relative error by the exponent: the base needs that
        // many more bits.
        var wp = (int)(bits + IntegerMath.BitLength(exponent) + 4);
        var power = Ball.Pow(value.Approximate(wp), BigInteger.Abs(exponent), wp + (int)IntegerMath.BitLength(exponent));
        return exponent.Sign < 0 ? Ball.Divide(Ball.One, power, bits) : power.Round(bits);
    }
}

internal sealed class Atan2Real(Real y, Real x, bool upperHalf) : Real(Math.Max(y.Depth, x.Depth) + 1)
{
    private protected override Ball Compute(int bits) =>
        Elementary.Atan2(y.Approximate(bits), x.Approximate(bits), upperHalf, bits);
}
