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
    // Children are asked for a few bits more than the node must deliver.
    private const int ChildGuard = 4;

    private protected override Ball Compute(int bits)
    {
        var childBits = bits + ChildGuard;
        return function switch
        {
            RealFunction.Negate => argument.Approximate(bits).Negate(),
            RealFunction.Abs => argument.Approximate(bits).Abs(),
            RealFunction.Sqrt => Ball.Sqrt(argument.Approximate(childBits), bits),
            RealFunction.Cbrt => Ball.Root(argument.Approximate(childBits), 3, bits),
            RealFunction.Exp => Elementary.Exp(Scaled(childBits), bits),
            RealFunction.Ln => Elementary.Ln(argument.Approximate(childBits), bits),
            RealFunction.Sin => Elementary.Sin(Scaled(childBits), bits),
            RealFunction.Cos => Elementary.Cos(Scaled(childBits), bits),
            RealFunction.Tan => Elementary.Tan(Scaled(childBits), bits),
            RealFunction.Asin => Elementary.Asin(argument.Approximate(childBits), bits),
            RealFunction.Acos => Elementary.Acos(argument.Approximate(childBits), bits),
            RealFunction.Atan => Elementary.Atan(argument.Approximate(childBits), bits),
            RealFunction.Sinh => Elementary.Sinh(Scaled(childBits), bits),
            RealFunction.Cosh => Elementary.Cosh(Scaled(childBits), bits),
            RealFunction.Tanh => Elementary.Tanh(Scaled(childBits), bits),
            RealFunction.Asinh => Elementary.Asinh(argument.Approximate(childBits), bits),
            RealFunction.Acosh => Elementary.Acosh(argument.Approximate(childBits), bits),
            RealFunction.Atanh => Elementary.Atanh(argument.Approximate(childBits), bits),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
    }

    /// <summary>
    /// The argument with as many more bits as its integer part has: exp, sin and cos turn an
    /// absolute error of the argument into a relative error of the result.
    /// </summary>
    private Ball Scaled(int bits)
    {
        var x = argument.Approximate(bits);
        if (x.IsUnbounded || x.IsExactZero)
        {
            return x;
        }

        var magnitude = x.UpperLog2;
        if (magnitude <= 0)
        {
            return x;
        }

        // Beyond the trigonometric limit the function throws anyway; do not ask for more.
        var extra = (int)Math.Min(magnitude, Elementary.MaxTrigMagnitudeBits + 1);
        return argument.Approximate(bits + extra);
    }
}

internal sealed class BinaryReal(RealOperator op, Real left, Real right)
    : Real(Math.Max(left.Depth, right.Depth) + 1)
{
    private protected override Ball Compute(int bits) => op switch
    {
        RealOperator.Add => Ball.Add(left.Approximate(bits), right.Approximate(bits), bits),
        RealOperator.Subtract => Ball.Subtract(left.Approximate(bits), right.Approximate(bits), bits),
        RealOperator.Multiply => Ball.Multiply(left.Approximate(bits), right.Approximate(bits), bits),
        RealOperator.Divide => Ball.Divide(left.Approximate(bits), right.Approximate(bits), bits),
        RealOperator.Hypot => Elementary.Hypot(left.Approximate(bits + 4), right.Approximate(bits + 4), bits),
        RealOperator.Power => Power(bits),
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private Ball Power(int bits)
    {
        // x^y = e^(y·ln x): the absolute error of y·ln x becomes the relative error of the
        // result, so both operands need as many extra bits as y·ln x has integer bits.
        var x = left.Approximate(bits + 8);
        var y = right.Approximate(bits + 8);
        if (x.IsUnbounded || y.IsUnbounded || x.Sign <= 0)
        {
            return Elementary.Pow(x, y, bits);
        }

        var log2X = Math.Abs(x.Exponent + IntegerMath.BitLength(x.Mid));
        var extra = (int)Math.Min(Math.Max(0, y.UpperLog2 + IntegerMath.BitLength(log2X) + 1), 64);
        if (extra > 0)
        {
            x = left.Approximate(bits + 8 + extra);
            y = right.Approximate(bits + 8 + extra);
        }

        return Elementary.Pow(x, y, bits);
    }
}

internal sealed class IntegerPowerReal(Real value, BigInteger exponent) : Real(value.Depth + 1)
{
    private protected override Ball Compute(int bits)
    {
        // Repeated squaring loses about one bit per squaring.
        var wp = (int)(bits + (2 * IntegerMath.BitLength(exponent)) + 8);
        var power = Ball.Pow(value.Approximate(wp), BigInteger.Abs(exponent), wp);
        return exponent.Sign < 0 ? Ball.Divide(Ball.One, power, bits) : power.Round(bits);
    }
}

internal sealed class Atan2Real(Real y, Real x, bool upperHalf) : Real(Math.Max(y.Depth, x.Depth) + 1)
{
    private protected override Ball Compute(int bits) =>
        Elementary.Atan2(y.Approximate(bits + 4), x.Approximate(bits + 4), upperHalf, bits);
}
