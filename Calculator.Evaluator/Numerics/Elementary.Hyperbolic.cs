using System.Numerics;

namespace Calculator.Evaluator.Numerics;

// Hyperbolic functions and their inverses, written through expm1 and ln1p so that small
// arguments keep their relative precision (sinh(1e-30) is 1e-30, not rounding noise).
internal static partial class Elementary
{
    /// <summary>sinh x.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Sinh(Ball x, int bits)
    {
        if (x.IsExactZero || x.IsUnbounded)
        {
            return x;
        }

        var wp = bits + Guard;
        if (x.UpperLog2 <= 0)
        {
            // sinh x = (u + u/(u + 1))/2 with u = e^x − 1.
            var u = Expm1Small(x, wp);
            var sum = Ball.Add(u, Ball.Divide(u, Ball.Add(u, Ball.One, wp), wp), wp);
            return sum.MulPow2(-1).Round(bits);
        }

        var e = Exp(x, wp);
        return Ball.Subtract(e, Ball.Divide(Ball.One, e, wp), wp).MulPow2(-1).Round(bits);
    }

    /// <summary>cosh x.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Cosh(Ball x, int bits)
    {
        if (x.IsExactZero)
        {
            return Ball.One;
        }

        var wp = bits + Guard;
        var e = Exp(x, wp);
        return Ball.Add(e, Ball.Divide(Ball.One, e, wp), wp).MulPow2(-1).Round(bits);
    }

    /// <summary>tanh x.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Tanh(Ball x, int bits)
    {
        if (x.IsExactZero || x.IsUnbounded)
        {
            return x;
        }

        var wp = bits + Guard;
        var estimate = x.MidEstimate();
        if (Math.Abs(estimate) > (bits / 2.0) + 8 && !IsWide(x, 0))
        {
            // 1 − tanh|x| < 2e^(−2|x|) < 2^-(bits+9): the ball [1 − 2^-(bits+8), 1] encloses it.
            var mid = (BigInteger.One << (bits + 9)) - 1;
            var ball = new Ball(mid, BigInteger.One, -(bits + 9));
            return estimate > 0 ? ball : ball.Negate();
        }

        // tanh x = u/(u + 2) with u = e^(2x) − 1.
        var u = Expm1(x.MulPow2(1), wp);
        return Ball.Divide(u, Ball.Add(u, Ball.FromInteger(2), wp), bits);
    }

    /// <summary>asinh x = ln(x + √(x² + 1)).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Asinh(Ball x, int bits)
    {
        if (x.IsExactZero || x.IsUnbounded)
        {
            return x;
        }

        var wp = bits + Guard;
        var root = Ball.Sqrt(Ball.Add(Ball.Multiply(x, x, wp), Ball.One, wp), wp);
        if (Math.Abs(x.MidEstimate()) <= 1)
        {
            // ln1p(x + x²/(1 + √(1 + x²))) keeps tiny x exact to the last bit.
            var square = Ball.Multiply(x, x, wp);
            var t = Ball.Add(x, Ball.Divide(square, Ball.Add(Ball.One, root, wp), wp), wp);
            return Ln1p(t, bits);
        }

        if (x.ContainsZero)
        {
            return Ball.Unbounded;
        }

        // Odd symmetry avoids the cancellation of x + √(x² + 1) for large negative x.
        var absolute = x.Mid.Sign < 0 ? x.Negate() : x;
        var result = Ln(Ball.Add(absolute, root, wp), bits);
        return x.Mid.Sign < 0 ? result.Negate() : result;
    }

    /// <summary>acosh x = ln(x + √(x² − 1)) for x ≥ 1.</summary>
    /// <param name="x">The argument; parts of the ball below 1 are ignored.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Acosh(Ball x, int bits)
    {
        if (x.IsUnbounded)
        {
            return x;
        }

        // x − 1 below zero is rounding noise around a true x ≥ 1 (the caller checked x as it
        // prints), so it is clipped like the radicand of a square root.
        var wp = bits + Guard;
        var t = ClipBelowZero(Ball.Subtract(x, Ball.One, wp), wp);
        var root = Ball.Sqrt(Ball.Multiply(t, Ball.Add(t, Ball.FromInteger(2), wp), wp), wp);
        return Ln1p(Ball.Add(t, root, wp), bits);
    }

    /// <summary>atanh x = ln1p(2x/(1 − x))/2 for |x| &lt; 1.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Atanh(Ball x, int bits)
    {
        if (x.IsExactZero || x.IsUnbounded)
        {
            return x;
        }

        var wp = bits + Guard;
        var ratio = Ball.Divide(x.MulPow2(1), Ball.Subtract(Ball.One, x, wp), wp);
        return Ln1p(ratio, bits).MulPow2(-1);
    }

    /// <summary>The part of the ball at or above zero (zero when none is).</summary>
    private static Ball ClipBelowZero(Ball x, int bits)
    {
        if (x.IsUnbounded || x.Low.Sign >= 0)
        {
            return x;
        }

        return x.High.Sign <= 0 ? Ball.Zero : Ball.Hull(BigInteger.Zero, x.High, x.Exponent, bits);
    }

    /// <summary>√(x² + y²).</summary>
    /// <param name="x">One leg.</param>
    /// <param name="y">The other leg.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Hypot(Ball x, Ball y, int bits)
    {
        var wp = bits + 4;
        var sum = Ball.Add(Ball.Multiply(x, x, wp), Ball.Multiply(y, y, wp), wp);
        return Ball.Sqrt(sum, bits);
    }
}
