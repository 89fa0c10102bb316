using System.Numerics;

namespace Calculator.Parser.Lexing;

/// <summary>Turns the characters of a number literal (already checked by the lexer) into an exact value.</summary>
internal static class NumberText
{
    // Exponents beyond this cannot give a result within any digit limit, and keep Exponent10 in an int.
    public const long MaxExponent = 1_000_000_000;

    /// <summary>
    /// Reads <paramref name="text"/> as significand × 10^exponent10. The lexer has bounded the written exponent
    /// by <see cref="MaxExponent"/> and the statement length bounds the fraction digits, so the sum fits an int.
    /// </summary>
    public static void Parse(ReadOnlySpan<char> text, out BigInteger significand, out int exponent10)
    {
        exponent10 = 0;
        if (text.Length > 2 && text[0] == '0' && (text[1] | 0x20) is 'x' or 'b' or 'o')
        {
            var radix = (text[1] | 0x20) switch { 'x' => 16, 'b' => 2, _ => 8 };
            significand = ParseRadix(text[2..], radix);
            return;
        }

        // Fast path: up to 18 significant digits fit in a long, which covers nearly every literal written by hand.
        long small = 0;
        var digits = 0;
        var fraction = 0;
        var inFraction = false;
        var k = 0;
        for (; k < text.Length; k++)
        {
            var c = text[k];
            if ((uint)(c - '0') <= 9)
            {
                if (++digits > 18)
                {
                    break;
                }
                small = (small * 10) + (c - '0');
                fraction += inFraction ? 1 : 0;
            }
            else if (c == '.')
            {
                inFraction = true;
            }
            else if (c != '_')
            {
                break;
            }
        }
        if (digits <= 18)
        {
            significand = small;
            var smallExponent = k < text.Length ? Exponent(text[(k + 1)..]) - fraction : -fraction;
            exponent10 = small == 0 ? 0 : checked((int)smallExponent);
            return;
        }

        var mantissaEnd = text.IndexOfAny('e', 'E');
        var mantissa = mantissaEnd < 0 ? text : text[..mantissaEnd];
        var exponent = mantissaEnd < 0 ? 0 : Exponent(text[(mantissaEnd + 1)..]);

        Span<char> buffer = mantissa.Length <= 256 ? stackalloc char[mantissa.Length] : new char[mantissa.Length];
        var count = 0;
        var fractionDigits = 0;
        inFraction = false;
        foreach (var c in mantissa)
        {
            if (c == '.')
            {
                inFraction = true;
            }
            else if (c != '_')
            {
                buffer[count++] = c;
                if (inFraction)
                {
                    fractionDigits++;
                }
            }
        }
        exponent -= fractionDigits;
        significand = count == 0 ? BigInteger.Zero : BigInteger.Parse(buffer[..count], provider: System.Globalization.CultureInfo.InvariantCulture);
        if (significand.IsZero)
        {
            exponent = 0;
        }
        exponent10 = checked((int)exponent);
    }

    // The digits after 'e': an optional sign, then digits and separators.
    private static long Exponent(ReadOnlySpan<char> digits)
    {
        var negative = digits[0] == '-';
        if (digits[0] is '-' or '+')
        {
            digits = digits[1..];
        }
        long exponent = 0;
        foreach (var c in digits)
        {
            if (c != '_')
            {
                exponent = (exponent * 10) + (c - '0');
            }
        }
        return negative ? -exponent : exponent;
    }

    private static BigInteger ParseRadix(ReadOnlySpan<char> digits, int radix)
    {
        var shift = radix switch { 16 => 4, 8 => 3, _ => 1 };
        Span<char> clean = digits.Length <= 256 ? stackalloc char[digits.Length] : new char[digits.Length];
        var count = 0;
        foreach (var c in digits)
        {
            if (c != '_')
            {
                clean[count++] = c;
            }
        }
        return ParseRadixChunk(clean[..count], shift);
    }

    // Halving keeps huge literals fast: the cost is a few big multiplications, not one shift per digit.
    private static BigInteger ParseRadixChunk(ReadOnlySpan<char> digits, int shift)
    {
        if (digits.Length * shift < 63)
        {
            long small = 0;
            foreach (var c in digits)
            {
                small = (small << shift) | (long)DigitValue(c);
            }
            return small;
        }
        var half = digits.Length / 2;
        var low = digits[half..];
        return (ParseRadixChunk(digits[..half], shift) << (low.Length * shift)) | ParseRadixChunk(low, shift);
    }

    private static int DigitValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
