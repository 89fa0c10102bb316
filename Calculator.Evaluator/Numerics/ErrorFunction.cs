using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// erf and erfc of balls (docs/numerics.md, "Error function"). erf sums the series
/// erf(x) = 2x/√pi·e^(−x²)·Σ (2x²)^n/(1·3·…·(2n+1)), whose terms are all positive, so nothing
/// cancels. erfc(x) for x ≥ 1 is 1 − erf(x) with as many more bits as the difference loses
/// (x²·log2 e), or, once x² exceeds the precision, the asymptotic series
/// e^(−x²)/(x√pi)·Σ (−1)^n (2n−1)!!/(2x²)^n, whose remainder is below the first omitted term.
/// </summary>
internal static class ErrorFunction
{
    private const int Guard = 12;

    private const double Log2E = 1.4426950408889634;

    /// <summary>erf(x).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="exact">The argument's exact value, when it has one.</param>
    /// <param name="bits">The working precision.</param>
    public static Ball Erf(Ball x, Rational? exact, int bits)
    {
        if (x.IsUnbounded || x.IsExactZero)
        {
            return x;
        }

        var wp = bits + Guard;
        if (x.Sign != 0 && IsBeyondPrecision(x, wp))
        {
            // 0 < erfc(|x|) ≤ e^(−x²)/(|x|·√pi) ≤ 2^−(wp+2): erf(x) = ±1 ∓ that.
            var nearOne = new Ball((BigInteger.One << (wp + 3)) - 1, BigInteger.One, -(wp + 3));
            return (x.Sign < 0 ? nearOne.Negate() : nearOne).Round(bits);
        }

        return Series(x, exact, wp).Round(bits);
    }

    /// <summary>erfc(x) = 1 − erf(x), without cancellation.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="exact">The argument's exact value, when it has one.</param>
    /// <param name="bits">The working precision.</param>
    /// <exception cref="NumericException">The result's decimal exponent would exceed 10^9 in magnitude.</exception>
    public static Ball Erfc(Ball x, Rational? exact, int bits)
    {
        if (x.IsUnbounded)
        {
            return x;
        }

        var wp = bits + Guard;
        if (x.IsExactZero || x.Sign <= 0 || x.UpperLog2 <= 0)
        {
            // x < 1: erf(x) < 0.85, so 1 − erf(x) > 0.15 loses at most three bits.
            return Ball.Subtract(Ball.One, Erf(x, exact, wp + 4), bits);
        }

        CheckMagnitude(x);
        var low = Ball.FromDyadic(x.Mid - x.Radius, x.Exponent).MidEstimate() * (1 - 1e-12);
        if (low * low >= (wp + 16) / Log2E)
        {
            return Asymptotic(x, exact, wp).Round(bits);
        }

        // erfc(x) ≥ e^(−x²)/(2x·√pi) for x ≥ 1, so the difference loses at most x²·log2 e + log2(4x) bits.
        var high = Ball.FromDyadic(BigInteger.Abs(x.Mid) + x.Radius, x.Exponent).MidEstimate();
        var extra = (int)Math.Ceiling(high * high * Log2E) + (int)x.UpperLog2 + 4;
        return Ball.Subtract(Ball.One, Erf(x, exact, wp + extra), bits);
    }

    /// <summary>The bits of the argument erfc's relative error grows by: d ln erfc/dx ≈ −2x.</summary>
    /// <param name="x">The argument at the requested precision.</param>
    public static int ExtraArgumentBitsOfErfc(Ball x) =>
        x.IsUnbounded || x.IsExactZero || x.Sign <= 0 ? 0 : (int)Math.Clamp((2 * x.UpperLog2) + 2, 0, 1 << 24);

    /// <summary>Throws the SPEC §8 limit error when e^(−x²) has a decimal exponent beyond 10^9.</summary>
    private static void CheckMagnitude(Ball x)
    {
        const double Log10E = 0.43429448190325182;
        var low = Ball.FromDyadic(x.Mid - x.Radius, x.Exponent).MidEstimate();
        if (double.IsInfinity(low))
        {
            throw new NumericException(
                NumericErrorKind.Limit,
                NumericMessages.TooManyDigitsLog10((2 * (x.LowerLog2 * IntegerMath.Log10Of2)) + Math.Log10(Log10E)));
        }

        if (low * low * Log10E > 1e9)
        {
            throw new NumericException(NumericErrorKind.Limit, NumericMessages.TooManyDigits(low * low * Log10E));
        }
    }

    /// <summary>Whether e^(−x²) ≤ 2^−(wp+2) and |x| ≥ 1.</summary>
    private static bool IsBeyondPrecision(Ball x, int wp)
    {
        var a = x.Abs();
        if (a.LowerLog2 < 0)
        {
            return false;
        }

        var low = Ball.FromDyadic(a.Mid - a.Radius, a.Exponent).MidEstimate();
        return double.IsInfinity(low) || low * low * Log2E * (1 - 1e-12) >= wp + 2;
    }

    /// <summary>
    /// 2x/√pi·e^(−x²)·Σ t_n with t_0 = 1, t_(n+1) = t_n·2x²/(2n+3). Once 2n+3 ≥ 4x² the ratio is
    /// at most 1/2, so the tail after t_n is below t_n; the loop stops when that is below 2^−wp
    /// (the sum is at least 1).
    /// </summary>
    private static Ball Series(Ball x, Rational? exact, int wp)
    {
        var a = x.Abs();
        var high = Ball.FromDyadic(a.Mid + a.Radius, a.Exponent).MidEstimate();
        var x2High = (high * high * (1 + 1e-9)) + 1e-300;
        var wps = wp + BitLength((int)Math.Min((4 * x2High) + wp + 16, int.MaxValue / 4)) + 6;
        BigInteger p2 = default;
        BigInteger q2 = default;
        var useIntegers = exact is { } q &&
            IntegerMath.BitLength(q.Numerator) + IntegerMath.BitLength(q.Denominator) <= Math.Max(64, wp / 16);
        Ball x2;
        if (useIntegers)
        {
            var e = exact!.Value;
            p2 = 2 * e.Numerator * e.Numerator;
            q2 = e.Denominator * e.Denominator;
            x2 = Ball.FromRational(e.Numerator * e.Numerator, q2, wps + 64);
        }
        else
        {
            x2 = Ball.Multiply(x, x, wps + 64);
        }

        var twoX2 = x2.MulPow2(1);
        var sum = Ball.One;
        var term = Ball.One;
        for (var n = 0; ; n++)
        {
            StatementBudget.Check(wps);
            if ((2.0 * n) + 3 >= 4 * x2High && !term.IsExactZero && term.UpperLog2 < -wps - 2)
            {
                sum = sum.AddError(term.UpperLog2, wps);
                break;
            }

            term = useIntegers
                ? Ball.Divide(Ball.Multiply(term, p2, wps), q2 * ((2 * n) + 3), wps)
                : Ball.Divide(Ball.Multiply(term, twoX2, wps), (2 * n) + 3, wps);
            sum = Ball.Add(sum, term, wps);
        }

        var expMinusX2 = Elementary.Exp(x2.Negate(), wps);
        var factor = Ball.Divide(x.MulPow2(1), Ball.Sqrt(Constants.Pi(wps), wps), wps);
        return Ball.Multiply(Ball.Multiply(factor, expMinusX2, wps), sum, wp);
    }

    /// <summary>
    /// erfc(x) = e^(−x²)/(x√pi)·(Σ_{n&lt;N} (−1)^n u_n + R) with u_0 = 1, u_(n+1) = u_n·(2n+1)/(2x²)
    /// and |R| ≤ u_N for real x &gt; 0 (DLMF 7.12.1). Called when x² ≥ (wp+16)·ln 2: the smallest
    /// term, near n = x², is about √2·e^(−x²), so the terms fall below 2^−(wp+10) before they grow.
    /// </summary>
    private static Ball Asymptotic(Ball x, Rational? exact, int wp)
    {
        var useIntegers = exact is { } q &&
            IntegerMath.BitLength(q.Numerator) + IntegerMath.BitLength(q.Denominator) <= Math.Max(64, wp / 16);
        var wps = wp + 8;
        var magnitude = (int)Math.Clamp(2 * x.UpperLog2, 0, 1 << 26);
        Ball x2;
        BigInteger p2 = default;
        BigInteger q2 = default;
        if (useIntegers)
        {
            var e = exact!.Value;
            p2 = 2 * e.Numerator * e.Numerator;
            q2 = e.Denominator * e.Denominator;
            x2 = Ball.FromRational(e.Numerator * e.Numerator, q2, wps + magnitude + 16);
        }
        else
        {
            x2 = Ball.Multiply(x, x, wps + magnitude + 16);
        }

        var inverse = Ball.Divide(Ball.One, x2.MulPow2(1), wps);
        var sum = Ball.One;
        var term = Ball.One;
        for (var n = 0; ; n++)
        {
            StatementBudget.Check(wps);
            var next = useIntegers
                ? Ball.Divide(Ball.Multiply(term, q2 * ((2 * n) + 1), wps), p2, wps)
                : Ball.Multiply(Ball.Multiply(term, inverse, wps), (2 * n) + 1, wps);
            if (next.IsUnbounded || next.UpperLog2 >= term.UpperLog2 + 1)
            {
                // Past the smallest term: cannot happen for x² above the threshold.
                return Ball.Unbounded;
            }

            term = next;
            if (term.UpperLog2 < -wps - 2)
            {
                sum = sum.AddError(term.UpperLog2, wps);
                break;
            }

            sum = n % 2 == 0 ? Ball.Subtract(sum, term, wps) : Ball.Add(sum, term, wps);
        }

        var expMinusX2 = Elementary.Exp(x2.Negate(), wps);
        var denominator = Ball.Multiply(x, Ball.Sqrt(Constants.Pi(wps), wps), wps);
        return Ball.Divide(Ball.Multiply(expMinusX2, sum, wps), denominator, wp);
    }

    private static int BitLength(int n) => 32 - int.LeadingZeroCount(n);
}
