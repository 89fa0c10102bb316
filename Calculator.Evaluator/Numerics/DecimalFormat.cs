using System.Globalization;
using System.Numerics;
using System.Text;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// SPEC §5 number text: integers in full, other values rounded to P significant digits in plain
/// decimal, or in scientific form when the decimal exponent is below −6 or at least P.
/// </summary>
internal static class DecimalFormat
{
    /// <summary>The smallest decimal exponent printed in plain form (0.000001).</summary>
    public const int MinPlainExponent = -6;

    // 10^0 … 10^38: every power of ten that fits in a UInt128.
    private static readonly UInt128[] PowersOfTen128 = BuildPowersOfTen128();

    /// <summary>
    /// Formats an exact value: an integer with all its digits, a non-integer as <c>p/q</c> when
    /// <paramref name="fraction"/> is set, otherwise rounded to <see cref="NumericContext.Precision"/>
    /// significant digits (half away from zero) as <see cref="FormatDigits(bool, BigInteger, long, int)"/> prints it.
    /// </summary>
    /// <param name="value">The value to print.</param>
    /// <param name="ctx">Supplies the precision P.</param>
    /// <param name="fraction">Whether non-integers print as <c>p/q</c> (<c>--fraction</c>).</param>
    public static string FormatExact(Rational value, NumericContext ctx, bool fraction)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (value.IsInteger)
        {
            return value.TryGetSmall(out var n, out _)
                ? n.ToString(CultureInfo.InvariantCulture)
                : IntegerMath.ToDecimalString(value.Numerator);
        }

        if (fraction)
        {
            return value.ToString();
        }

        if (value.TryGetSmall(out var num, out var den) && TryFormatSmall(num, den, ctx.Precision, out var text))
        {
            return text;
        }

        var (digits, exponent10) = RoundToSignificant(value, ctx.Precision);
        return FormatDigits(digits.Sign < 0, BigInteger.Abs(digits), exponent10, ctx.Precision);
    }

    /// <summary>
    /// Rounds a value to <paramref name="precision"/> significant digits, halves away from zero.
    /// </summary>
    /// <param name="value">The value to round.</param>
    /// <param name="precision">Significant digits to keep, at least 1.</param>
    /// <returns>
    /// Digits·10^Exponent10 equals the rounded value; Digits carries the sign, has at most
    /// <paramref name="precision"/> digits and may end in zeros. Zero gives (0, 0).
    /// </returns>
    public static (BigInteger Digits, long Exponent10) RoundToSignificant(Rational value, int precision)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 1);
        if (value.IsZero)
        {
            return (BigInteger.Zero, 0);
        }

        if (value.TryGetSmall(out var n, out var d) && precision < PowersOfTen128.Length &&
            TryRoundSmall((ulong)Math.Abs(n), (ulong)d, precision, out var small, out var smallExponent))
        {
            var smallDigits = (BigInteger)small;
            return (n < 0 ? -smallDigits : smallDigits, smallExponent);
        }

        var (digits, exponent) = RoundBig(BigInteger.Abs(value.Numerator), value.Denominator, precision);
        return (value.Sign < 0 ? -digits : digits, exponent);
    }

    /// <summary>
    /// The SPEC §5 text of ±<paramref name="digits"/>·10^<paramref name="exponent10"/>, a value
    /// already rounded to at most <paramref name="precision"/> significant digits: trailing zeros
    /// are dropped, and the form is scientific (<c>1.5e-9</c>, <c>6.0221e+23</c>) when the decimal
    /// exponent is below −6 or at least <paramref name="precision"/>, plain otherwise. Zero prints
    /// <c>0</c>, never <c>-0</c>.
    /// </summary>
    /// <param name="negative">Whether the value is negative.</param>
    /// <param name="digits">The significant digits, non-negative.</param>
    /// <param name="exponent10">The power of ten the digits are scaled by.</param>
    /// <param name="precision">P, which decides where scientific form starts.</param>
    public static string FormatDigits(bool negative, BigInteger digits, long exponent10, int precision)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits.Sign);
        if (digits.IsZero)
        {
            return "0";
        }

        var text = digits <= ulong.MaxValue
            ? ((ulong)digits).ToString(CultureInfo.InvariantCulture)
            : IntegerMath.ToDecimalString(digits);
        return FormatDigits(negative, text, exponent10, precision);
    }

    /// <summary>
    /// As <see cref="FormatDigits(bool, BigInteger, long, int)"/>, with the digits given as ASCII text.
    /// </summary>
    /// <param name="negative">Whether the value is negative.</param>
    /// <param name="digits">The significant digits, without sign or leading zeros.</param>
    /// <param name="exponent10">The power of ten the digits are scaled by.</param>
    /// <param name="precision">P, which decides where scientific form starts.</param>
    public static string FormatDigits(bool negative, string digits, long exponent10, int precision)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var end = digits.Length;
        while (end > 0 && digits[end - 1] == '0')
        {
            end--;
        }

        if (end == 0)
        {
            return "0";
        }

        exponent10 += digits.Length - end;
        var significant = digits.AsSpan(0, end);
        var decimalExponent = exponent10 + end - 1;
        var builder = new StringBuilder(end + 24);
        if (negative)
        {
            builder.Append('-');
        }

        if (decimalExponent < MinPlainExponent || decimalExponent >= precision)
        {
            builder.Append(significant[0]);
            if (end > 1)
            {
                builder.Append('.').Append(significant[1..]);
            }

            builder.Append(decimalExponent < 0 ? "e-" : "e+")
                .Append(Math.Abs(decimalExponent).ToString(CultureInfo.InvariantCulture));
        }
        else if (exponent10 >= 0)
        {
            builder.Append(significant).Append('0', (int)exponent10);
        }
        else
        {
            var integerDigits = end + exponent10;
            if (integerDigits > 0)
            {
                builder.Append(significant[..(int)integerDigits]).Append('.').Append(significant[(int)integerDigits..]);
            }
            else
            {
                builder.Append("0.").Append('0', (int)-integerDigits).Append(significant);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Formats a small non-integer num/den without <see cref="BigInteger"/> or a builder. A
    /// terminating decimal (den = 2^i·5^j) that has at most P significant digits is printed
    /// exactly as num·(10^k/den)·10^−k; any other value is rounded on UInt128.
    /// </summary>
    private static bool TryFormatSmall(long num, long den, int precision, out string text)
    {
        text = "";
        var magnitude = (ulong)Math.Abs(num);
        var twos = BitOperations.TrailingZeroCount(den);
        var rest = (ulong)den >> twos;
        var fives = 0;
        while (rest % 5 == 0)
        {
            rest /= 5;
            fives++;
        }

        Span<char> digits = stackalloc char[40];
        int written;
        long exponent10;
        var k = Math.Max(twos, fives);
        if (rest == 1 && k <= 19)
        {
            // 10^k/den = 2^(k−twos)·5^(k−fives); the product fits when the bit lengths allow it.
            var scale = IntegerMath.Pow10Small(k) / (ulong)den;
            if (BitLength(magnitude) + BitLength(scale) <= 64)
            {
                var scaled = magnitude * scale;
                if (IntegerMath.DigitCount(scaled) <= precision)
                {
                    scaled.TryFormat(digits, out written, default, CultureInfo.InvariantCulture);
                    return TryFormatDigits(num < 0, digits[..written], -k, precision, out text);
                }
            }
        }

        if (precision >= PowersOfTen128.Length ||
            !TryRoundSmall(magnitude, (ulong)den, precision, out var rounded, out exponent10))
        {
            return false;
        }

        rounded.TryFormat(digits, out written, default, CultureInfo.InvariantCulture);
        return TryFormatDigits(num < 0, digits[..written], exponent10, precision, out text);
    }

    private static int BitLength(ulong x) => 64 - BitOperations.LeadingZeroCount(x);

    /// <summary>
    /// As <see cref="FormatDigits(bool, string, long, int)"/> for digits without leading zeros, in
    /// one allocation, when the text is short; false when it would be long.
    /// </summary>
    private static bool TryFormatDigits(bool negative, ReadOnlySpan<char> digits, long exponent10, int precision, out string text)
    {
        const int Capacity = 64;
        text = "";
        var end = digits.Length;
        while (end > 0 && digits[end - 1] == '0')
        {
            end--;
        }

        if (end == 0)
        {
            text = "0";
            return true;
        }

        exponent10 += digits.Length - end;
        var significant = digits[..end];
        var decimalExponent = exponent10 + end - 1;
        Span<char> buffer = stackalloc char[Capacity + 24];
        var length = 0;
        if (negative)
        {
            buffer[length++] = '-';
        }

        if (decimalExponent < MinPlainExponent || decimalExponent >= precision)
        {
            if (end > Capacity)
            {
                return false;
            }

            buffer[length++] = significant[0];
            if (end > 1)
            {
                buffer[length++] = '.';
                significant[1..].CopyTo(buffer[length..]);
                length += end - 1;
            }

            buffer[length++] = 'e';
            buffer[length++] = decimalExponent < 0 ? '-' : '+';
            Math.Abs(decimalExponent).TryFormat(buffer[length..], out var exponentLength, default, CultureInfo.InvariantCulture);
            length += exponentLength;
        }
        else if (exponent10 >= 0)
        {
            if (end + exponent10 > Capacity)
            {
                return false;
            }

            significant.CopyTo(buffer[length..]);
            length += end;
            buffer.Slice(length, (int)exponent10).Fill('0');
            length += (int)exponent10;
        }
        else
        {
            var integerDigits = (int)Math.Max(end + exponent10, -Capacity);
            if (end + 2 - Math.Min(integerDigits, 0) > Capacity)
            {
                return false;
            }

            if (integerDigits > 0)
            {
                significant[..integerDigits].CopyTo(buffer[length..]);
                length += integerDigits;
                buffer[length++] = '.';
                significant[integerDigits..].CopyTo(buffer[length..]);
                length += end - integerDigits;
            }
            else
            {
                buffer[length++] = '0';
                buffer[length++] = '.';
                buffer.Slice(length, -integerDigits).Fill('0');
                length -= integerDigits;
                significant.CopyTo(buffer[length..]);
                length += end;
            }
        }

        text = new string(buffer[..length]);
        return true;
    }

    /// <summary>Rounds p/q (both below 2^63) on UInt128 when the scaled quotient fits.</summary>
    private static bool TryRoundSmall(ulong p, ulong q, int precision, out UInt128 digits, out long exponent10)
    {
        digits = 0;
        exponent10 = 0;
        // floor(log10(p/q)) is the difference of the digit counts or one less; the loop settles which.
        long e = IntegerMath.DigitCount(p) - IntegerMath.DigitCount(q) - 1;
        var low = PowersOfTen128[precision - 1];
        var high = PowersOfTen128[precision];

        // The double estimate of the exponent can be one off; each retry moves it by one.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var k = precision - 1 - e;
            UInt128 numerator = p;
            UInt128 denominator = q;
            if (k >= 0)
            {
                if (k >= PowersOfTen128.Length || p > UInt128.MaxValue / PowersOfTen128[k])
                {
                    return false;
                }

                numerator *= PowersOfTen128[k];
            }
            else
            {
                if (-k >= PowersOfTen128.Length || q > UInt128.MaxValue / PowersOfTen128[-k])
                {
                    return false;
                }

                denominator *= PowersOfTen128[-k];
            }

            var quotient = UInt128.DivRem(numerator, denominator);
            if (quotient.Quotient < low)
            {
                e--;
                continue;
            }

            if (quotient.Quotient >= high)
            {
                e++;
                continue;
            }

            digits = quotient.Quotient;
            if (quotient.Remainder >= denominator - quotient.Remainder)
            {
                digits++;
            }

            if (digits == high)
            {
                digits = low;
                e++;
            }

            exponent10 = e - (precision - 1);
            return true;
        }

        return false;
    }

    private static (BigInteger Digits, long Exponent10) RoundBig(BigInteger p, BigInteger q, int precision)
    {
        var e = (long)Math.Floor(BigInteger.Log10(p) - BigInteger.Log10(q));
        var low = IntegerMath.Pow10(precision - 1);
        var high = IntegerMath.Pow10(precision);
        while (true)
        {
            var k = precision - 1 - e;
            var (numerator, denominator) = k >= 0
                ? (p * IntegerMath.Pow10(checked((int)k)), q)
                : (p, q * IntegerMath.Pow10(checked((int)-k)));
            var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
            if (quotient < low)
            {
                e--;
                continue;
            }

            if (quotient >= high)
            {
                e++;
                continue;
            }

            if (remainder * 2 >= denominator)
            {
                quotient++;
            }

            if (quotient == high)
            {
                quotient = low;
                e++;
            }

            return (quotient, e - (precision - 1));
        }
    }

    private static UInt128[] BuildPowersOfTen128()
    {
        var powers = new UInt128[39];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
