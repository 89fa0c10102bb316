using System.Numerics;

namespace Calculator.Evaluator.Numerics;

// Exact results of operations on approximate operands whose symbolic form (RealForms) makes the
// answer rational: sqrt(2)^2/16 = 1/8, exp(ln(2.5)) = 5/2, sin(pi/6) = 1/2, log2(2^(1/8)) = 1/8,
// cosh(ln 4) = 17/8. A tie reached this way is then rounded by the exact rules, not left to a
// ball that can never decide it. Each Try method returns false when it does not apply, and the
// caller builds the approximate node as before; sin(pi/4) and the like return a ±√q form, which
// later operations can recognise in turn.
internal static partial class NumberMath
{
    /// <summary>Products and quotients of ±√q forms and rationals, k·pi/k·pi and ln a/ln b.</summary>
    private static bool TryRecognizeProduct(Number a, Number b, bool divide, NumericContext ctx, out Number result)
    {
        result = default;
        var x = a.ToReal();
        var y = b.ToReal();
        if (TrySqrtOrRational(x, out var signX, out var qX, out var rootX) &&
            TrySqrtOrRational(y, out var signY, out var qY, out var rootY) && (rootX || rootY))
        {
            // (s·√p)·(t·√q) = s·t·√(p·q); a rational r is √(r²) with the sign of r.
            var radicand = divide ? qX / qY : qX * qY;
            if (!RealForms.IsSmall(radicand))
            {
                return false;
            }

            var root = Sqrt(Number.Exact(radicand), ctx);
            result = signX * signY < 0 ? Negate(root, ctx) : root;
            return true;
        }

        if (divide && RealForms.TryPiMultiple(x, out var kX) && RealForms.TryPiMultiple(y, out var kY) && !kY.IsZero)
        {
            result = Number.Exact(kX / kY);
            return true;
        }

        if (divide && RealForms.TryLogMultiple(x, out var cX, out var aX) && RealForms.TryLogMultiple(y, out var cY, out var aY) &&
            !cY.IsZero && aY != Rational.One && Rational.TryLog(aX, aY, out var log) && RealForms.IsSmall(log))
        {
            result = Number.Exact(cX / cY * log);
            return true;
        }

        return false;
    }

    /// <summary>(±√q)^n and (a^q)^n for an integer n.</summary>
    private static bool TryRecognizePower(Number b, BigInteger n, NumericContext ctx, out Number result)
    {
        result = default;
        var x = b.ToReal();
        if (BigInteger.Abs(n) > 64)
        {
            return false;
        }

        if (RealForms.TrySignedSqrt(x, out var sign, out var q))
        {
            var power = Rational.Pow(q, BigInteger.Abs(n), ctx);
            var root = Sqrt(Number.Exact(n.Sign < 0 ? power.Reciprocal() : power), ctx);
            result = sign < 0 && !n.IsEven ? Negate(root, ctx) : root;
            return true;
        }

        if (RealForms.TryRationalPower(x, out var a, out var exponent))
        {
            result = Power(Number.Exact(a), Number.Exact(exponent * n), ctx);
            return true;
        }

        return false;
    }

    /// <summary>exp(c·ln a) = a^c, exact when that root is.</summary>
    private static bool TryRecognizeExp(Number x, NumericContext ctx, out Number result)
    {
        result = default;
        if (x.IsExact || !RealForms.TryLogMultiple(x.ToReal(), out var c, out var a) ||
            BigInteger.Abs(c.Numerator) > 64 || c.Denominator > 64 ||
            !Rational.TryRoot(a, (int)c.Denominator, out var root))
        {
            return false;
        }

        result = Number.Exact(Rational.Pow(root, c.Numerator, ctx));
        return true;
    }

    /// <summary>ln(e^a) = a.</summary>
    private static bool TryRecognizeLn(Number x, out Number result)
    {
        result = default;
        if (x.IsExact || !RealForms.TryExp(x.ToReal(), out var a))
        {
            return false;
        }

        result = Number.Exact(a);
        return true;
    }

    /// <summary>log_b(a^q) = q·log_b(a) when log_b(a) is rational.</summary>
    private static bool TryRecognizeLog(Number x, Number b, out Number result)
    {
        result = default;
        if (x.IsExact || !b.TryGetExact(out var exactBase) ||
            !RealForms.TryRationalPower(x.ToReal(), out var a, out var q) ||
            !Rational.TryLog(a, exactBase, out var log))
        {
            return false;
        }

        result = Number.Exact(q * log);
        return true;
    }

    /// <summary>cosh, sinh and tanh of c·ln a from r = a^c: (r ± 1/r)/2 and (r² − 1)/(r² + 1).</summary>
    private static bool TryRecognizeHyperbolic(RealFunction function, Number x, NumericContext ctx, out Number result)
    {
        result = default;
        if (!TryRecognizeExp(x, ctx, out var power) || !power.TryGetExact(out var r) || r.IsZero)
        {
            return false;
        }

        var inverse = r.Reciprocal();
        var half = Rational.Create(1, 2);
        result = Number.Exact(function switch
        {
            RealFunction.Cosh => (r + inverse) * half,
            RealFunction.Sinh => (r - inverse) * half,
            _ => ((r * r) - Rational.One) / ((r * r) + Rational.One),
        });
        return true;
    }

    /// <summary>
    /// sin, cos and tan of k·pi where 12k is an integer: 0, ±1/2, ±1, or ±√q for √2/2, √3/2,
    /// √3 and √3/3. A tan pole is a domain error.
    /// </summary>
    private static bool TryRecognizeTrig(RealFunction function, Number x, NumericContext ctx, out Number result)
    {
        result = default;
        if (x.IsExact || !RealForms.TryPiMultiple(x.ToReal(), out var k))
        {
            return false;
        }

        // Twelfths of pi, reduced to [0, 24).
        var twelfths = k * 12;
        if (!twelfths.IsInteger)
        {
            return false;
        }

        var t = (int)(((twelfths.Numerator % 24) + 24) % 24);
        if (function == RealFunction.Tan)
        {
            var (sine, cosine) = (SineTwelfths(t), SineTwelfths((t + 6) % 24));
            if (sine is null || cosine is null)
            {
                return false;
            }

            if (cosine.Value.Square.IsZero)
            {
                throw new NumericException(NumericErrorKind.Domain, NumericMessages.TanPole);
            }

            var (sign, square) = (sine.Value.Sign * cosine.Value.Sign, sine.Value.Square / cosine.Value.Square);
            result = SignedRoot(sign, square, ctx);
            return true;
        }

        var value = SineTwelfths(function == RealFunction.Cos ? (t + 6) % 24 : t);
        if (value is null)
        {
            return false;
        }

        result = SignedRoot(value.Value.Sign, value.Value.Square, ctx);
        return true;
    }

    /// <summary>sin(t·pi/12) as sign and square, for the t where that square is rational.</summary>
    private static (int Sign, Rational Square)? SineTwelfths(int t)
    {
        var sign = t < 12 ? 1 : -1;
        Rational? square = (t % 12) switch
        {
            0 => Rational.Zero,
            2 or 10 => Rational.Create(1, 4),
            3 or 9 => Rational.Create(1, 2),
            4 or 8 => Rational.Create(3, 4),
            6 => Rational.One,
            _ => null,
        };
        return square is { } s ? (sign, s) : null;
    }

    private static Number SignedRoot(int sign, Rational square, NumericContext ctx)
    {
        var root = Sqrt(Number.Exact(square), ctx);
        return sign < 0 ? Negate(root, ctx) : root;
    }

    /// <summary>A ±√q form (rootForm) or an exact rational r, seen as √(r²) with r's sign.</summary>
    private static bool TrySqrtOrRational(Real x, out int sign, out Rational square, out bool rootForm)
    {
        rootForm = false;
        if (x is ExactReal exact)
        {
            // Checked before squaring: 10^999999·pi must not square a million-digit number.
            sign = exact.Value.Sign;
            var small = RealForms.IsSmall(exact.Value);
            square = small ? exact.Value * exact.Value : Rational.Zero;
            return small && RealForms.IsSmall(square);
        }

        rootForm = RealForms.TrySignedSqrt(x, out sign, out square);
        return rootForm;
    }
}
