using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// Prints approximate values so that every digit is correct (SPEC §4, §5): the value is
/// evaluated as a ball, and when both ends of the ball round to the same P-digit decimal that
/// decimal is the true value rounded to P digits. Otherwise the precision doubles; past the cap
/// only the zero and tie rules of <see cref="Refinement"/> end it without a decision.
/// </summary>
internal static class ApproxFormat
{
    /// <summary>Bits per decimal digit.</summary>
    public const double Log2Of10 = 3.321928094887362347870319429489;

    /// <summary>The first working precision for P digits: P·log2(10) plus 32 guard bits.</summary>
    /// <param name="precision">P, significant decimal digits.</param>
    public static int WorkingBits(int precision) => (int)Math.Ceiling(precision * Log2Of10) + 32;

    /// <summary>
    /// The precision from which the zero and tie rules of <see cref="Refinement"/> apply: four
    /// times P·log2(10) plus 256. Below it a ball is refined whatever it looks like.
    /// </summary>
    /// <param name="precision">P, significant decimal digits.</param>
    public static int CapBits(int precision) => (int)Math.Ceiling(4 * precision * Log2Of10) + 256;

    /// <summary>The SPEC §5 text of an approximate value at precision P.</summary>
    /// <param name="value">The value.</param>
    /// <param name="ctx">Supplies P.</param>
    /// <exception cref="NumericException">The value cannot be determined or breaks a limit.</exception>
    public static string Format(Real value, NumericContext ctx)
    {
        var printed = Round(value, ctx);
        return DecimalFormat.FormatDigits(printed.Negative, printed.Digits, printed.Exponent10, ctx.Precision);
    }

    /// <summary>
    /// The value as it prints at precision P, as an exact rational: exact integers stay whole,
    /// exact non-integers and approximate values are rounded to P significant digits (halves away
    /// from zero), and an approximate value that is zero within the working precision gives 0.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="ctx">Supplies P and the digit limit.</param>
    public static Rational RoundAsPrinted(Number value, NumericContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (value.TryGetExact(out var exact) && exact.IsInteger)
        {
            return exact;
        }

        return Printed(value, ctx).ToRational(ctx);
    }

    /// <summary>The printed decimal of any number (see <see cref="RoundAsPrinted"/>).</summary>
    internal static PrintedDecimal Printed(Number value, NumericContext ctx)
    {
        if (!value.TryGetExact(out var exact))
        {
            return Round(value.ToReal(), ctx);
        }

        if (exact.IsInteger)
        {
            return new PrintedDecimal(exact.Sign < 0, BigInteger.Abs(exact.Numerator), 0);
        }

        var (digits, exponent) = DecimalFormat.RoundToSignificant(exact, ctx.Precision);
        return new PrintedDecimal(digits.Sign < 0, BigInteger.Abs(digits), exponent);
    }

    /// <summary>The value rounded to P significant digits, by the rules of <see cref="Refinement"/>.</summary>
    internal static PrintedDecimal Round(Real value, NumericContext ctx)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(ctx);
        if (value.TryGetPrinted(ctx.Precision, out var known))
        {
            return known;
        }

        var printed = Refine(value, ctx.Precision);
        value.SetPrinted(ctx.Precision, printed);
        return printed;
    }

    /// <summary>Refines the value until its P-digit rounding is decided (<see cref="Refinement"/>).</summary>
    private static PrintedDecimal Refine(Real value, int precision)
    {
        var cap = CapBits(precision);
        var bits = WorkingBits(precision);
        Ball? previous = null;
        while (true)
        {
            StatementBudget.Check(bits);
            var ball = value.Approximate(bits);
            if (ball.IsExactZero)
            {
                return PrintedDecimal.Zero;
            }

            if (!ball.IsUnbounded && !ball.ContainsZero && TryRound(ball, precision, bits, out var printed))
            {
                return printed;
            }

            if (bits >= cap)
            {
                if (Refinement.IsNegligible(ball, precision))
                {
                    return PrintedDecimal.Zero;
                }

                // A ball this narrow straddles one rounding boundary: the value is taken to be that
                // tie, rounded half away from zero, which is how the end farthest from zero rounds.
                if (!ball.ContainsZero && Refinement.IsNarrow(ball, precision, ball.LowerLog2) &&
                    TryRound(FarEnd(ball), precision, bits, out var tie))
                {
                    return tie;
                }

                if (previous is { } last && !Refinement.Improved(last, ball))
                {
                    return ball.ContainsZero && !ball.IsUnbounded
                        ? PrintedDecimal.Zero
                        : throw new NumericException(NumericErrorKind.Domain, NumericMessages.Undetermined);
                }

                previous = ball;
            }

            bits = Refinement.Next(bits, cap);
        }
    }

    /// <summary>
    /// The sign of the value as it prints: refines until the ball excludes zero; 0 when it is
    /// zero by the rule of <see cref="Refinement"/>.
    /// </summary>
    internal static int Sign(Real value, NumericContext ctx)
    {
        var cap = CapBits(ctx.Precision);
        var bits = WorkingBits(ctx.Precision);
        Ball? previous = null;
        while (true)
        {
            StatementBudget.Check(bits);
            var ball = value.Approximate(bits);
            if (ball.IsExactZero)
            {
                return 0;
            }

            if (!ball.IsUnbounded && !ball.ContainsZero)
            {
                return ball.Mid.Sign;
            }

            if (bits >= cap)
            {
                if (Refinement.IsNegligible(ball, ctx.Precision))
                {
                    return 0;
                }

                if (previous is { } last && !Refinement.Improved(last, ball))
                {
                    return ball.IsUnbounded
                        ? throw new NumericException(NumericErrorKind.Domain, NumericMessages.Undetermined)
                        : 0;
                }

                previous = ball;
            }

            bits = Refinement.Next(bits, cap);
        }
    }

    /// <summary>The end of a ball that excludes zero farthest from zero, as an exact ball.</summary>
    private static Ball FarEnd(Ball ball) =>
        Ball.FromDyadic(ball.Mid.Sign < 0 ? ball.Low : ball.High, ball.Exponent);

    /// <summary>
    /// Rounds both ends of a ball that excludes zero to <paramref name="precision"/> significant
    /// digits; succeeds when they agree.
    /// </summary>
    internal static bool TryRound(Ball ball, int precision, int bits, out PrintedDecimal printed)
    {
        printed = PrintedDecimal.Zero;
        var negative = ball.Mid.Sign < 0;
        var magnitude = negative ? ball.Negate() : ball;

        // floor(log10 |mid|), possibly off by one; corrected below.
        var midBits = IntegerMath.BitLength(magnitude.Mid);
        var top = (double)(magnitude.Mid >> (int)Math.Max(0, midBits - 60));
        var log2 = magnitude.Exponent + Math.Max(0, midBits - 60) + Math.Log2(top);
        var exponent = (long)Math.Floor(log2 * IntegerMath.Log10Of2);
        if (Math.Abs(exponent) > 1_000_000_000)
        {
            throw new NumericException(NumericErrorKind.Limit, NumericMessages.TooManyDigits(Math.Abs(exponent)));
        }

        var lowestDigits = IntegerMath.Pow10(precision - 1);
        var highestDigits = lowestDigits * 10;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var scaled = ScaleByPowerOfTen(magnitude, precision - 1 - exponent, bits + 16);

            // The decade is decided on the unrounded ends: 0.99999999999999879 at P=15 must not be
            // rounded at the digit of the decade above just because the estimate said 10^0.
            var lowFloor = Floor(scaled.Low, scaled.Exponent);
            var highFloor = Floor(scaled.High, scaled.Exponent);
            if (lowFloor >= highestDigits)
            {
                exponent++;
                continue;
            }

            if (highFloor < lowestDigits)
            {
                exponent--;
                continue;
            }

            if (lowFloor < lowestDigits || highFloor >= highestDigits)
            {
                // The ball spans a power of ten: the ends would round at different digits.
                return false;
            }

            var low = RoundHalfUp(scaled.Low, scaled.Exponent);
            var high = RoundHalfUp(scaled.High, scaled.Exponent);
            if (low != high)
            {
                return false;
            }

            if (low == highestDigits)
            {
                low = lowestDigits;
                exponent++;
            }

            if (low < lowestDigits)
            {
                return false;
            }

            printed = new PrintedDecimal(negative, low, exponent - precision + 1);
            return true;
        }

        return false;
    }

    /// <summary>x·10^k as a ball; the power is exact while it fits the precision.</summary>
    internal static Ball ScaleByPowerOfTen(Ball x, long k, int bits)
    {
        if (k == 0)
        {
            return x;
        }

        var n = Math.Abs(k);
        var wp = (int)(bits + (2 * IntegerMath.BitLength(n)) + 8);
        if (n < 512)
        {
            var small = Ball.FromInteger(IntegerMath.Pow10((int)n));
            return k > 0 ? Ball.Multiply(x, small, wp) : Ball.Divide(x, small, wp);
        }

        // 10^n = 5^n·2^n: while 5^n (2.33·n bits) is not much longer than the precision, the
        // exact power costs less than rounded squarings of 10 (P digits: 5^P is 0.7 of its size).
        var power = 2.33 * n <= 2 * wp ? Ball.FromInteger(BigInteger.Pow(5, (int)n)) : Ball.Pow(Ball.FromInteger(5), n, wp);
        return k > 0 ? Ball.Multiply(x, power, wp).MulPow2(n) : Ball.Divide(x, power, wp).MulPow2(-n);
    }

    /// <summary>floor(v·2^e) for v ≥ 0.</summary>
    private static BigInteger Floor(BigInteger value, long exponent) =>
        exponent >= 0 ? value << (int)exponent
        : -exponent > IntegerMath.BitLength(value) ? BigInteger.Zero
        : value >> (int)-exponent;

    /// <summary>floor(v·2^e + 1/2) for v ≥ 0.</summary>
    private static BigInteger RoundHalfUp(BigInteger value, long exponent)
    {
        if (exponent >= 0)
        {
            return value << (int)exponent;
        }

        var shift = -exponent;
        if (shift > IntegerMath.BitLength(value) + 1)
        {
            return BigInteger.Zero;
        }

        return (value + (BigInteger.One << (int)(shift - 1))) >> (int)shift;
    }
}
