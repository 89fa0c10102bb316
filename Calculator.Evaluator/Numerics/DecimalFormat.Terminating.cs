using System.Numerics;

namespace Calculator.Evaluator.Numerics;

// SPEC §5: an exact value whose decimal expansion terminates prints all its digits, like an
// integer, because it is exact; only non-terminating exact values and approximate values are
// rounded to P digits.
internal static partial class DecimalFormat
{
    // The "precision" of a value printed in full: no exponent is at least this, so the form is
    // scientific only below MinPlainExponent.
    private const int AllDigits = int.MaxValue;

    private const double Log10Of5 = 0.69897000433601880479;

    /// <summary>
    /// The full text of a non-integer whose denominator is 2^twos·5^fives: with k = max(twos,
    /// fives), the value is N·10^−k where N = |num|·2^(k−twos)·5^(k−fives). N has no trailing zero
    /// (num is coprime to the denominator, so a factor 2 or 5 of N comes from one side only), so
    /// every digit of N is significant. False for other denominators, and when N would have more
    /// digits than the digit limit: 1/2^3000000 has 2 096 910, which is rounded instead.
    /// </summary>
    private static bool TryFormatTerminating(Rational value, NumericContext ctx, out string text)
    {
        text = "";
        var den = value.Denominator;
        var twos = (long)BigInteger.TrailingZeroCount(den);
        if (!TryLogOfPowerOfFive(den >> (int)twos, out var fives))
        {
            return false;
        }

        var k = Math.Max(twos, fives);
        var magnitude = BigInteger.Abs(value.Numerator);
        var estimate = BigInteger.Log10(magnitude) + ((k - twos) * IntegerMath.Log10Of2) + ((k - fives) * Log10Of5);
        if (estimate >= ctx.MaxDigits + 1)
        {
            return false;
        }

        var scaled = twos >= fives ? magnitude * BigInteger.Pow(5, (int)(k - fives)) : magnitude << (int)(k - twos);
        var digits = IntegerMath.ToDecimalString(scaled);
        if (digits.Length > ctx.MaxDigits)
        {
            return false;
        }

        text = FormatDigits(value.Sign < 0, digits, -k, AllDigits);
        return true;
    }

    /// <summary>Whether <paramref name="x"/> (odd and positive) is 5^<paramref name="exponent"/>.</summary>
    private static bool TryLogOfPowerOfFive(BigInteger x, out long exponent)
    {
        exponent = 0;
        if (x.IsOne)
        {
            return true;
        }

        if (!(x % 5).IsZero)
        {
            return false;
        }

        // log5 of a number of n bits is known to far better than ±0.5 for any n a value can have,
        // so one candidate decides; the power costs no more than the denominator already did.
        exponent = (long)Math.Round(BigInteger.Log(x) / Math.Log(5));
        return exponent <= int.MaxValue && BigInteger.Pow(5, (int)exponent) == x;
    }
}
