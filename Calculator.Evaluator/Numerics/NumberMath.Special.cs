namespace Calculator.Evaluator.Numerics;

// gamma, lgamma, erf, erfc and the angle conversions of SPEC §4. The algorithms and their error
// bounds are in GammaFunction and ErrorFunction (docs/numerics.md); here are the domains, the
// exact cases and the limits decided before any work.
internal static partial class NumberMath
{
    private const double Log10E = 0.43429448190325182;

    /// <summary>
    /// Γ(x): exactly (x−1)! for a positive integer x (under the digit limit, as factorial);
    /// the poles 0, −1, −2, … are domain errors at the argument.
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Gamma(Number x, NumericContext ctx)
    {
        RequireNoPole(x, "gamma", ctx);
        if (x.TryGetExact(out var exact) && exact.IsInteger)
        {
            return Number.Exact(IntegerMath.Factorial(exact.Numerator - 1, ctx));
        }

        CheckGammaMagnitude(x, ctx);
        return Approximate(SpecialReal.Create(SpecialFunction.Gamma, x.ToReal(), ctx), ctx);
    }

    /// <summary>ln|Γ(x)|, also where Γ(x) itself is past every limit; lgamma(1) = lgamma(2) = 0 exactly.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number LnGamma(Number x, NumericContext ctx)
    {
        RequireNoPole(x, "lgamma", ctx);
        if (x.TryGetExact(out var exact) && (exact == Rational.One || exact == Rational.FromInteger(2)))
        {
            return Number.Exact(Rational.Zero);
        }

        return Approximate(SpecialReal.Create(SpecialFunction.LnGamma, x.ToReal(), ctx), ctx);
    }

    /// <summary>The error function; erf(0) = 0 exactly.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Erf(Number x, NumericContext ctx) =>
        IsExactZero(x) ? x : Approximate(SpecialReal.Create(SpecialFunction.Erf, x.ToReal(), ctx), ctx);

    /// <summary>The complementary error function 1 − erf(x), without cancellation; erfc(0) = 1 exactly.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number Erfc(Number x, NumericContext ctx) =>
        IsExactZero(x) ? Number.Exact(Rational.One) : Approximate(SpecialReal.Create(SpecialFunction.Erfc, x.ToReal(), ctx), ctx);

    /// <summary>
    /// Degrees to radians, x·pi/180: the one conversion behind <c>rad(x)</c> and the postfix
    /// degree sign. An exact x gives the form (x/180)·pi, which sin, cos, tan and division by
    /// pi recognise (<c>sin(rad(30))</c> = 1/2, <c>rad(180)/pi</c> = 1).
    /// </summary>
    /// <param name="x">The angle in degrees.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number DegreesToRadians(Number x, NumericContext ctx)
    {
        var perDegree = Rational.Create(1, 180);
        if (x.TryGetExact(out var exact))
        {
            return exact.IsZero ? x : Multiply(Number.Exact(exact * perDegree), Pi, ctx);
        }

        return Multiply(Multiply(x, Number.Exact(perDegree), ctx), Pi, ctx);
    }

    /// <summary>Radians to degrees, x·180/pi; exact for rational multiples of pi (<c>deg(pi/4)</c> = 45).</summary>
    /// <param name="x">The angle in radians.</param>
    /// <param name="ctx">The numeric context.</param>
    public static Number RadiansToDegrees(Number x, NumericContext ctx)
    {
        if (IsExactZero(x))
        {
            return x;
        }

        if (!x.IsExact && RealForms.TryPiMultiple(x.ToReal(), out var k))
        {
            return Number.Exact(k * 180);
        }

        return Divide(Multiply(x, Number.Exact(180), ctx), Pi, ctx);
    }

    /// <summary>A domain error at the argument when it is (or prints as) 0 or a negative integer.</summary>
    private static void RequireNoPole(Number x, string function, NumericContext ctx)
    {
        var value = ExactOrPrinted(x, ctx);
        if (value.IsInteger && value.Sign <= 0)
        {
            throw NumericArgumentException.At(0, NumericErrorKind.Domain, NumericMessages.GammaPole(function));
        }
    }

    /// <summary>
    /// The limit error of SPEC §8 when Γ(x) would have a decimal exponent beyond 10^9 either
    /// way, decided from Stirling's ln Γ(x) ≈ (x − 1/2)·ln x − x (and the reflection for x &lt; 0)
    /// before any work.
    /// </summary>
    private static void CheckGammaMagnitude(Number x, NumericContext ctx)
    {
        var ball = x.TryGetExact(out var exact)
            ? Ball.FromRational(exact.Numerator, exact.Denominator, 64)
            : x.ToReal().Approximate(ApproxFormat.WorkingBits(ctx.Precision));
        if (ball.IsUnbounded)
        {
            return;
        }

        var estimate = ball.MidEstimate();
        var y = estimate < 0 ? 1 - estimate : estimate;
        if (double.IsInfinity(y))
        {
            var log10 = Math.Max(ball.UpperLog2, 1) * IntegerMath.Log10Of2;
            throw new NumericException(NumericErrorKind.Limit, NumericMessages.TooManyDigitsLog10(log10 + Math.Log10(log10)));
        }

        if (y < 1e6)
        {
            return;
        }

        var log10Gamma = ((y - 0.5) * Math.Log(y) - y) * Log10E;
        if (log10Gamma > 1e9)
        {
            throw new NumericException(NumericErrorKind.Limit, NumericMessages.TooManyDigits(log10Gamma));
        }
    }
}
