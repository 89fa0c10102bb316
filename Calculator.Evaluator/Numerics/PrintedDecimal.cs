using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// ±Digits·10^Exponent10: a value as it prints. Comparing these, not the values, is what makes
/// <c>sqrt(2)^2 == 2</c> true (SPEC §4).
/// </summary>
internal readonly record struct PrintedDecimal(bool Negative, BigInteger Digits, long Exponent10)
    : IComparable<PrintedDecimal>
{
    public static PrintedDecimal Zero => new(false, BigInteger.Zero, 0);

    public int Sign => Digits.IsZero ? 0 : Negative ? -1 : 1;

    public int CompareTo(PrintedDecimal other)
    {
        if (Sign != other.Sign)
        {
            return Sign.CompareTo(other.Sign);
        }

        if (Sign == 0)
        {
            return 0;
        }

        var magnitude = CompareMagnitude(other);
        return Negative ? -magnitude : magnitude;
    }

    /// <summary>The exact rational; the digit limit guards against 10^(10^9).</summary>
    public Rational ToRational(NumericContext ctx)
    {
        if (Digits.IsZero)
        {
            return Rational.Zero;
        }

        var digitCount = IntegerMath.DigitCount(Digits);
        ctx.CheckDigits(Math.Max(Math.Abs(Exponent10), Exponent10 + digitCount));
        var signed = Negative ? -Digits : Digits;
        return Exponent10 >= 0
            ? Rational.FromInteger(signed * IntegerMath.Pow10((int)Exponent10))
            : Rational.Create(signed, IntegerMath.Pow10((int)-Exponent10));
    }

    private int CompareMagnitude(PrintedDecimal other)
    {
        var count = IntegerMath.DigitCount(Digits);
        var otherCount = IntegerMath.DigitCount(other.Digits);
        var lead = Exponent10 + count;
        var otherLead = other.Exponent10 + otherCount;
        if (lead != otherLead)
        {
            return lead.CompareTo(otherLead);
        }

        // Same leading position: align the shorter digit string to the longer one.
        var exponent = Math.Min(Exponent10, other.Exponent10);
        var left = Digits * IntegerMath.Pow10((int)(Exponent10 - exponent));
        var right = other.Digits * IntegerMath.Pow10((int)(other.Exponent10 - exponent));
        return left.CompareTo(right);
    }
}
