using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// Integers as text in base 2, 8, 16 or 10, the way calc reads them back (SPEC §2): lower-case
/// digits, the prefixes <c>0b</c>, <c>0o</c>, <c>0x</c>, the sign before the prefix
/// (<c>-255</c> → <c>-0xff</c>), no padding. Ready for the <c>to hex</c> suffix and <c>--base</c>.
/// </summary>
internal static class IntegerFormat
{
    private const string Digits = "0123456789abcdef";

    /// <summary>The text of <paramref name="value"/> in <paramref name="radix"/> (2, 8, 10 or 16).</summary>
    /// <remarks>
    /// The power-of-two bases read the bits of the magnitude once, so a million-digit number takes
    /// milliseconds; base 10 uses <see cref="IntegerMath.ToDecimalString"/>, which is not quadratic.
    /// </remarks>
    public static string Format(BigInteger value, int radix)
    {
        var bitsPerDigit = radix switch
        {
            2 => 1,
            8 => 3,
            16 => 4,
            10 => 0,
            _ => throw new ArgumentOutOfRangeException(nameof(radix), radix, "the radix must be 2, 8, 10 or 16"),
        };
        if (bitsPerDigit == 0)
        {
            return IntegerMath.ToDecimalString(value);
        }

        var prefix = radix switch
        {
            2 => "0b",
            8 => "0o",
            _ => "0x",
        };
        var negative = value.Sign < 0;
        var magnitude = BigInteger.Abs(value);
        var bytes = magnitude.ToByteArray(isUnsigned: true, isBigEndian: false);
        var bits = Math.Max(magnitude.GetBitLength(), 1);
        var digitCount = (int)((bits + bitsPerDigit - 1) / bitsPerDigit);
        var head = (negative ? 1 : 0) + prefix.Length;
        return string.Create(head + digitCount, (bytes, bitsPerDigit, negative, prefix), static (text, state) =>
        {
            var (bytes, bitsPerDigit, negative, prefix) = state;
            if (negative)
            {
                text[0] = '-';
            }

            prefix.AsSpan().CopyTo(text[(negative ? 1 : 0)..]);
            var digits = text[((negative ? 1 : 0) + prefix.Length)..];
            var mask = (1 << bitsPerDigit) - 1;

            // Digit i from the right holds bits [i·b, i·b + b) of the magnitude, which may straddle two bytes.
            for (var i = 0; i < digits.Length; i++)
            {
                var bit = (long)i * bitsPerDigit;
                var index = (int)(bit >> 3);
                var window = index < bytes.Length ? bytes[index] : 0;
                if (index + 1 < bytes.Length)
                {
                    window |= bytes[index + 1] << 8;
                }

                digits[^(i + 1)] = Digits[(window >> (int)(bit & 7)) & mask];
            }
        });
    }
}
