using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// "Checked before the work" (SPEC §8) for x^n with an approximate x and an exact integer n:
/// repeated squaring needs n's bit length in extra precision, so pi^(10^999999) would square a
/// million-digit pi three million times before its size is known. The size is estimated first
/// from a low-precision ball of x: log10 of the result's digit count is
/// log10(|ln |x|| / ln 10) + log10 |n|.
/// </summary>
internal static class PowerMagnitude
{
    // The SPEC §8 bound on a decimal exponent, as the printer enforces it.
    private const double MaxDecimalExponent = 1e9;

    /// <summary>Fails with a limit error when |x^n| is certainly beyond 10^(±10^9).</summary>
    /// <param name="x">The base.</param>
    /// <param name="n">The exponent.</param>
    /// <param name="ctx">Supplies P.</param>
    public static void Check(Real x, BigInteger n, NumericContext ctx)
    {
        if (BigInteger.Abs(n) < 2)
        {
            return;
        }

        // A base within 2^-(bits of n + 32) of 1 gives a result near 1 whatever n is, so more
        // bits than that never change the verdict.
        var enough = ApproxFormat.WorkingBits(ctx.Precision) + n.GetBitLength() + 32;
        for (var bits = ApproxFormat.WorkingBits(ctx.Precision); ; bits = Refinement.Next(bits, int.MaxValue))
        {
            var ball = x.Approximate(bits);
            if (!ball.IsUnbounded && !ball.ContainsZero)
            {
                var log10Ln = Log10OfLnLowerBound(ball);
                if (log10Ln is { } value)
                {
                    var log10Digits = value + BigInteger.Log10(BigInteger.Abs(n)) - Math.Log10(Math.Log(10));
                    if (log10Digits > Math.Log10(MaxDecimalExponent))
                    {
                        throw new NumericException(NumericErrorKind.Limit, NumericMessages.TooManyDigitsLog10(log10Digits));
                    }

                    return;
                }
            }

            if (bits >= enough)
            {
                return;
            }
        }
    }

    /// <summary>
    /// log10 of a lower bound of |ln |x|| over the ball (which excludes zero); null when the
    /// ball contains ±1. Near 1 the bound is |t|/(1 + |t|) with t = |x| − 1, so a base such as
    /// 1 + 10^-40 is measured by t, not by a double that rounds it to 1.
    /// </summary>
    private static double? Log10OfLnLowerBound(Ball ball)
    {
        var low = BigInteger.Abs(ball.Mid) - ball.Radius;
        var high = BigInteger.Abs(ball.Mid) + ball.Radius;
        var log2Low = Log2(low, ball.Exponent);
        var log2High = Log2(high, ball.Exponent);
        if (log2Low >= 1 || log2High <= -1)
        {
            // At least a factor 2 from 1: a double logarithm is accurate enough.
            return Log10OfLn(log2Low >= 1 ? log2Low : log2High);
        }

        // Near 1, measure t = |x| − 1 exactly: ln(1 + t) ≥ t/(1 + t) and −ln(1 − t) ≥ t.
        var one = BigInteger.One << (int)Math.Min(Math.Max(0, -ball.Exponent), int.MaxValue);
        var gap = low > one ? low - one : high < one ? one - high : BigInteger.Zero;
        if (gap.IsZero)
        {
            return null;
        }

        var log2T = Log2(gap, ball.Exponent);
        return (log2T * IntegerMath.Log10Of2) - Math.Log10(1 + Math.Pow(2, log2T));
    }

    /// <summary>log10(ln 2^a) for a = log2 |x| (a may be large).</summary>
    private static double Log10OfLn(double log2X) => Math.Log10(Math.Abs(log2X) * Math.Log(2));

    /// <summary>log2(v·2^e) for v &gt; 0.</summary>
    private static double Log2(BigInteger v, long exponent) => exponent + BigInteger.Log(v, 2);
}
