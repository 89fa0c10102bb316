using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// Reads a few symbolic forms off a <see cref="Real"/> DAG, in the spirit of the Android
/// calculator's UnifiedReal (Boehm, "Towards an API for the real numbers", PLDI 2020): an
/// approximate value that is ±√q, k·pi, c·ln a, e^a or a^q for rationals q, k, c, a. The
/// builders in <see cref="NumberMath"/> use them to return exact results where the answer is
/// rational (<c>sqrt(2)^2</c>, <c>exp(ln(2.5))</c>, <c>sin(pi/6)</c>) instead of a ball that
/// can never decide a tie. Only these shapes are read; nothing is rewritten or simplified.
/// </summary>
internal static class RealForms
{
    // Rationals in recognised results stay below this many bits, so a form never builds a
    // number that is slow or past the digit limit (exp(10^7·ln 2) stays approximate).
    private const long MaxBits = 4096;

    /// <summary>Whether the rational is small enough to compute with in a form.</summary>
    public static bool IsSmall(Rational q) =>
        q.Numerator.GetBitLength() + q.Denominator.GetBitLength() <= MaxBits;

    /// <summary>x = sign·√q with q a positive non-square rational.</summary>
    public static bool TrySignedSqrt(Real x, out int sign, out Rational q)
    {
        sign = 1;
        if (x is UnaryReal { Function: RealFunction.Negate } negated)
        {
            sign = -1;
            x = negated.Argument;
        }

        if (x is UnaryReal { Function: RealFunction.Sqrt, Argument: ExactReal radicand } && radicand.Value.Sign > 0)
        {
            q = radicand.Value;
            return IsSmall(q);
        }

        q = Rational.Zero;
        return false;
    }

    /// <summary>x = k·pi for a rational k.</summary>
    public static bool TryPiMultiple(Real x, out Rational k) => TryPiMultiple(x, 8, out k);

    /// <summary>x = c·ln a for rationals c and a &gt; 0.</summary>
    public static bool TryLogMultiple(Real x, out Rational c, out Rational a) => TryLogMultiple(x, 8, out c, out a);

    /// <summary>x = e^a for a rational a.</summary>
    public static bool TryExp(Real x, out Rational a)
    {
        switch (x)
        {
            case ConstantReal { Constant: RealConstant.E }:
                a = Rational.One;
                return true;
            case UnaryReal { Function: RealFunction.Exp, Argument: ExactReal exponent } when IsSmall(exponent.Value):
                a = exponent.Value;
                return true;
            case IntegerPowerReal { Base: ConstantReal { Constant: RealConstant.E } } power when BigInteger.Abs(power.Exponent) < int.MaxValue:
                a = Rational.FromInteger(power.Exponent);
                return true;
            default:
                a = Rational.Zero;
                return false;
        }
    }

    /// <summary>x = a^q for rationals a &gt; 0 and q (square and cube roots included).</summary>
    public static bool TryRationalPower(Real x, out Rational a, out Rational q)
    {
        switch (x)
        {
            case BinaryReal { Operator: RealOperator.Power, Left: ExactReal b, Right: ExactReal e } when IsSmall(e.Value):
                (a, q) = (b.Value, e.Value);
                return true;
            case UnaryReal { Function: RealFunction.Sqrt, Argument: ExactReal b }:
                (a, q) = (b.Value, Rational.Create(1, 2));
                return true;
            case UnaryReal { Function: RealFunction.Cbrt, Argument: ExactReal b } when b.Value.Sign > 0:
                (a, q) = (b.Value, Rational.Create(1, 3));
                return true;
            default:
                (a, q) = (Rational.Zero, Rational.Zero);
                return false;
        }
    }

    private static bool TryPiMultiple(Real x, int depth, out Rational k)
    {
        k = Rational.Zero;
        if (depth == 0)
        {
            return false;
        }

        switch (x)
        {
            case ConstantReal { Constant: RealConstant.Pi }:
                k = Rational.One;
                return true;
            case ConstantReal { Constant: RealConstant.Tau }:
                k = Rational.FromInteger(2);
                return true;
            case UnaryReal { Function: RealFunction.Negate } negated when TryPiMultiple(negated.Argument, depth - 1, out var inner):
                k = -inner;
                return true;
            case BinaryReal binary:
                return TryScaled(binary, depth, TryPiMultiple, out k) || TrySum(binary, depth, out k);
            default:
                return false;
        }
    }

    /// <summary>k1·pi ± k2·pi.</summary>
    private static bool TrySum(BinaryReal binary, int depth, out Rational k)
    {
        k = Rational.Zero;
        if (binary.Operator is not (RealOperator.Add or RealOperator.Subtract) ||
            !TryPiMultiple(binary.Left, depth - 1, out var left) ||
            !TryPiMultiple(binary.Right, depth - 1, out var right))
        {
            return false;
        }

        k = binary.Operator == RealOperator.Add ? left + right : left - right;
        return IsSmall(k);
    }

    private delegate bool FormReader(Real x, int depth, out Rational k);

    /// <summary>r·F, F·r and F/r for an exact r and a form F read by <paramref name="read"/>.</summary>
    private static bool TryScaled(BinaryReal binary, int depth, FormReader read, out Rational k)
    {
        k = Rational.Zero;
        Rational inner;
        Rational factor;
        switch (binary)
        {
            case { Operator: RealOperator.Multiply, Left: ExactReal r } when read(binary.Right, depth - 1, out inner):
                factor = r.Value;
                break;
            case { Operator: RealOperator.Multiply, Right: ExactReal r } when read(binary.Left, depth - 1, out inner):
                factor = r.Value;
                break;
            case { Operator: RealOperator.Divide, Right: ExactReal r } when !r.Value.IsZero && read(binary.Left, depth - 1, out inner):
                factor = r.Value.Reciprocal();
                break;
            default:
                return false;
        }

        if (!IsSmall(factor))
        {
            return false;
        }

        k = factor * inner;
        return IsSmall(k);
    }

    private static bool TryLogMultiple(Real x, int depth, out Rational c, out Rational a)
    {
        c = Rational.Zero;
        a = Rational.Zero;
        if (depth == 0)
        {
            return false;
        }

        switch (x)
        {
            case UnaryReal { Function: RealFunction.Ln, Argument: ExactReal argument } when argument.Value.Sign > 0 && IsSmall(argument.Value):
                c = Rational.One;
                a = argument.Value;
                return true;
            case UnaryReal { Function: RealFunction.Negate } negated when TryLogMultiple(negated.Argument, depth - 1, out var inner, out a):
                c = -inner;
                return true;
            case BinaryReal binary:
                var found = Rational.Zero;
                var ok = TryScaled(binary, depth, (Real y, int d, out Rational k) => TryLogMultiple(y, d, out k, out found), out c);
                a = found;
                return ok;
            default:
                return false;
        }
    }
}
