using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Calculator.Evaluator.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using static Calculator.Tests.Evaluator.Numerics.RationalGenerators;

namespace Calculator.Tests.Evaluator.Numerics;

public sealed class DecimalFormatTests
{
    private static readonly NumericContext P20 = new(precision: 20);
    private static readonly NumericContext P5 = new(precision: 5);

    private static Rational Q(long n, long d = 1) => Rational.Create(n, d);

    private static Rational Parse(string decimalText)
    {
        // Test-only literal reader: digits with an optional point and exponent.
        var exponent = 0;
        var e = decimalText.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exponent = int.Parse(decimalText[(e + 1)..], CultureInfo.InvariantCulture);
            decimalText = decimalText[..e];
        }

        var point = decimalText.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0)
        {
            exponent -= decimalText.Length - point - 1;
            decimalText = decimalText.Remove(point, 1);
        }

        return Rational.FromDecimal(BigInteger.Parse(decimalText, CultureInfo.InvariantCulture), exponent, NumericContext.Default);
    }

    [Fact]
    public void FormatExact_TwoTo200_PrintsAllDigits() =>
        Assert.Equal(
            "1606938044258990275541962092341162602522202993782792835301376",
            DecimalFormat.FormatExact(Rational.Pow(2, 200, P20), P20, fraction: false));

    [Theory]
    [InlineData(0, 1, "0")]
    [InlineData(42, 1, "42")]
    [InlineData(-42, 1, "-42")]
    [InlineData(long.MaxValue, 1, "9223372036854775807")]
    [InlineData(1, 3, "0.33333333333333333333")]
    [InlineData(-1, 3, "-0.33333333333333333333")]
    [InlineData(2, 3, "0.66666666666666666667")]
    [InlineData(3, 10, "0.3")]
    [InlineData(1, 8, "0.125")]
    [InlineData(1, 2, "0.5")]
    [InlineData(-7, 2, "-3.5")]
    [InlineData(1, 10_000_000, "1e-7")]
    [InlineData(3, 2_000_000_000, "1.5e-9")]
    [InlineData(-1, 4_000_000_000, "-2.5e-10")]
    [InlineData(1, 1_000_000, "0.000001")]
    [InlineData(123, 1_000_000, "0.000123")]
    [InlineData(22, 7, "3.1428571428571428571")]
    [InlineData(1, 7, "0.14285714285714285714")]
    public void FormatExact_P20_MatchesSpec(long n, long d, string expected) =>
        Assert.Equal(expected, DecimalFormat.FormatExact(Q(n, d), P20, fraction: false));

    [Theory]
    [InlineData("0.1", "0.3")]
    public void FormatExact_PointOnePlusPointTwo_IsPointThree(string addend, string expected) =>
        Assert.Equal(expected, DecimalFormat.FormatExact(Parse(addend) + Parse("0.2"), P20, fraction: false));

    // Moves a value by a relative 1/(p·10^40), p a large prime: the expansion no longer
    // terminates, so it is rounded, and the nudge is far below any digit P keeps.
    private static Rational NonTerminating(string decimalText)
    {
        var x = Parse(decimalText);
        return x + (x * Rational.Create(1, 1_000_000_007 * BigInteger.Pow(10, 40)));
    }

    [Theory]
    [InlineData("602210000000000000000000.5", "6.0221e+23")]
    [InlineData("12345678901234567890123.5", "1.234567890123456789e+22")]
    [InlineData("0.99999999999999999999999", "1")]
    [InlineData("-0.99999999999999999999999", "-1")]
    [InlineData("9.99999999999999999999999e-7", "0.000001")]
    [InlineData("9.9999999999999999999e-7", "9.9999999999999999999e-7")]
    [InlineData("99999999999999999999.5", "1e+20")]
    [InlineData("9999999999999999999.5", "9999999999999999999.5")]
    [InlineData("1234567890123456789.25", "1234567890123456789.3")]
    [InlineData("0.0000012345", "0.0000012345")]
    [InlineData("0.00000012345", "1.2345e-7")]
    [InlineData("1.5e-300", "1.5e-300")]
    [InlineData("-2.5e-10", "-2.5e-10")]
    public void FormatExact_P20_NonTerminating_RoundsWithCarries(string value, string expected)
    {
        Assert.Equal(expected, DecimalFormat.FormatExact(NonTerminating(value), P20, fraction: false, out var rounded));
        Assert.True(rounded);
    }

    [Theory]
    [InlineData("12345.5", "12346")]
    [InlineData("99999.5", "1e+5")]
    [InlineData("123456.5", "1.2346e+5")]
    [InlineData("0.00000099999", "9.9999e-7")]
    [InlineData("0.000000999995", "0.000001")]
    [InlineData("3.14159265", "3.1416")]
    [InlineData("-2.71828", "-2.7183")]
    public void FormatExact_P5_NonTerminating_RoundsToFiveDigits(string value, string expected) =>
        Assert.Equal(expected, DecimalFormat.FormatExact(NonTerminating(value), P5, fraction: false));

    // SPEC §5: a terminating expansion prints all its digits whatever P is; plain down to a
    // decimal exponent of -6, scientific with every digit below it.
    [Theory]
    [InlineData("602210000000000000000000.5", "602210000000000000000000.5")]
    [InlineData("0.99999999999999999999999", "0.99999999999999999999999")]
    [InlineData("-0.99999999999999999999999", "-0.99999999999999999999999")]
    [InlineData("9.99999999999999999999999e-7", "9.99999999999999999999999e-7")]
    [InlineData("99999999999999999999.5", "99999999999999999999.5")]
    [InlineData("100000000000000000000.5", "100000000000000000000.5")]
    [InlineData("12345678901234567890.1", "12345678901234567890.1")]
    [InlineData("0.0000012345", "0.0000012345")]
    [InlineData("0.00000012345", "1.2345e-7")]
    [InlineData("0.000000000931322574615478515625", "9.31322574615478515625e-10")]
    [InlineData("-1.5e-300", "-1.5e-300")]
    public void FormatExact_P20_Terminating_PrintsAllDigits(string value, string expected)
    {
        Assert.Equal(expected, DecimalFormat.FormatExact(Parse(value), P20, fraction: false, out var rounded));
        Assert.False(rounded);
    }

    [Theory]
    [InlineData("123456.7", "123456.7")]
    [InlineData("12345.5", "12345.5")]
    [InlineData("3.14159265", "3.14159265")]
    [InlineData("0.000000999995", "9.99995e-7")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("123456789", "123456789")]
    public void FormatExact_P5_Terminating_PrintsAllDigits(string value, string expected) =>
        Assert.Equal(expected, DecimalFormat.FormatExact(Parse(value), P5, fraction: false));

    [Fact]
    public void FormatExact_OneOverTwoToThe30_PrintsEveryDigit()
    {
        var value = Rational.Create(1, BigInteger.Pow(2, 30));
        Assert.Equal("9.31322574615478515625e-10", DecimalFormat.FormatExact(value, P5, fraction: false));
    }

    [Fact]
    public void FormatExact_TerminatingBeyondTheDigitLimit_IsRounded()
    {
        // 1/2^100 has 70 significant digits: in full under a limit of 70, rounded under 69.
        var value = Rational.Create(1, BigInteger.Pow(2, 100));
        var full = DecimalFormat.FormatExact(value, new NumericContext(20, maxDigits: 70), fraction: false, out var rounded);
        Assert.False(rounded);
        Assert.Equal("7.888609052210118054117285652827862296732064351090230047702789306640625e-31", full);
        var shown = DecimalFormat.FormatExact(value, new NumericContext(20, maxDigits: 69), fraction: false, out rounded);
        Assert.True(rounded);
        Assert.Equal("7.8886090522101180541e-31", shown);
    }

    [Fact]
    public void FormatExact_HugeTerminatingDenominator_IsRoundedAtOnce()
    {
        // 1/2^3000000 would have 2 096 910 significant digits, over the default limit.
        var value = Rational.Create(1, BigInteger.One << 3_000_000);
        var clock = Stopwatch.StartNew();
        var text = DecimalFormat.FormatExact(value, P20, fraction: false, out var rounded);
        clock.Stop();
        Assert.True(rounded);
        Assert.Equal("1.0304052348786591868e-903090", text);
        Assert.True(clock.ElapsedMilliseconds < 5_000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(-2, 7)]
    [InlineData(1, 6)]
    [InlineData(1, 15)]
    public void FormatExact_NonTerminating_SaysRounded(long n, long d)
    {
        _ = DecimalFormat.FormatExact(Q(n, d), P20, fraction: false, out var rounded);
        Assert.True(rounded);
        _ = DecimalFormat.FormatExact(Q(n, d), P20, fraction: true, out rounded);
        Assert.False(rounded);
    }

    /// <summary>Terminating values: any integer over 2^a·5^b.</summary>
    private static readonly Arbitrary<Rational> AnyTerminating =
        Gen.Zip(IntegerGen, Gen.Zip(Gen.Choose(0, 200), Gen.Choose(0, 200)))
            .Select(p => Rational.Create(p.Item1, BigInteger.Pow(2, p.Item2.Item1) * BigInteger.Pow(5, p.Item2.Item2)))
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Terminating_values_print_text_that_parses_back_to_the_same_rational() =>
        Prop.ForAll(AnyTerminating, Gen.Choose(1, 30).ToArbitrary(), (x, precision) =>
        {
            var text = DecimalFormat.FormatExact(x, new NumericContext(precision), fraction: false, out var rounded);
            return !rounded && Parse(text) == x;
        });

    [Theory]
    [InlineData(1, 3, "1/3")]
    [InlineData(-7, 2, "-7/2")]
    [InlineData(6, 3, "2")]
    [InlineData(0, 3, "0")]
    public void FormatExact_Fraction_PrintsPOverQ(long n, long d, string expected) =>
        Assert.Equal(expected, DecimalFormat.FormatExact(Q(n, d), P20, fraction: true));

    [Fact]
    public void FormatExact_BigFraction_PrintsPOverQ()
    {
        var value = Rational.Create(BigInteger.Pow(10, 30) + 1, 3);
        Assert.Equal("1000000000000000000000000000001/3", DecimalFormat.FormatExact(value, P20, fraction: true));
        Assert.Equal("3.3333333333333333333e+29", DecimalFormat.FormatExact(value, P20, fraction: false));
    }

    [Fact]
    public void FormatExact_GermanStyleCulture_StillUsesDot()
    {
        // InvariantGlobalization forbids named cultures, so build one with German separators.
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.NumberFormat.NumberGroupSeparator = ".";
        german.NumberFormat.NegativeSign = "\u2212";
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = german;
            Assert.Equal("0,5", 0.5.ToString(CultureInfo.CurrentCulture));
            Assert.Equal("0.5", DecimalFormat.FormatExact(Q(1, 2), P20, fraction: false));
            Assert.Equal("-1234567.5", DecimalFormat.FormatExact(Q(-2469135, 2), P20, fraction: false));
            Assert.Equal("1.5e-9", DecimalFormat.FormatExact(Q(3, 2_000_000_000), P20, fraction: false));
            Assert.Equal("-7/2", DecimalFormat.FormatExact(Q(-7, 2), P20, fraction: true));
            var big = Rational.FromInteger(-BigInteger.Pow(10, 30));
            Assert.Equal("-1" + new string('0', 30), DecimalFormat.FormatExact(big, P20, fraction: false));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData(false, "15", -1, 20, "1.5")]
    [InlineData(false, "1500", -3, 20, "1.5")]
    [InlineData(true, "25", -11, 20, "-2.5e-10")]
    [InlineData(false, "2", 0, 20, "2")]
    [InlineData(false, "1", 25, 20, "1e+25")]
    [InlineData(false, "12", 17, 20, "1200000000000000000")]
    [InlineData(false, "0", 5, 20, "0")]
    [InlineData(true, "0", 0, 20, "0")]
    [InlineData(false, "1", 1_000_000_000, 20, "1e+1000000000")]
    [InlineData(false, "1", -6, 20, "0.000001")]
    public void FormatDigits_Examples(bool negative, string digits, long exponent10, int precision, string expected) =>
        Assert.Equal(expected, DecimalFormat.FormatDigits(negative, BigInteger.Parse(digits, CultureInfo.InvariantCulture), exponent10, precision));

    [Fact]
    public void RoundToSignificant_NegativeHalf_RoundsAwayFromZero()
    {
        var (digits, exponent) = DecimalFormat.RoundToSignificant(Q(-25, 1000), 1);
        Assert.Equal(new BigInteger(-3), digits);
        Assert.Equal(-2, exponent);
    }

    [Property(MaxTest = 300)]
    public Property RoundToSignificant_IsWithinHalfAUnitAndFastPathAgrees() =>
        Prop.ForAll(AnyNonZeroRational, Gen.Choose(1, 40).ToArbitrary(), (x, precision) =>
        {
            var (digits, exponent) = DecimalFormat.RoundToSignificant(x, precision);
            var rounded = exponent >= 0
                ? Rational.FromInteger(digits * BigInteger.Pow(10, (int)exponent))
                : Rational.Create(digits, BigInteger.Pow(10, (int)-exponent));
            var unit = exponent >= 0
                ? Rational.FromInteger(BigInteger.Pow(10, (int)exponent))
                : Rational.Create(1, BigInteger.Pow(10, (int)-exponent));
            var error = (x - rounded).Abs();
            var withinHalf = error * 2 <= unit;
            var fits = IntegerMath.DigitCount(digits) <= precision;
            var sameSign = digits.Sign == x.Sign;
            return withinHalf && fits && sameSign;
        });

    [Property(MaxTest = 300)]
    public Property FormatExact_NeverPrintsMinusZeroOrCultureCharacters() =>
        Prop.ForAll(AnyRational, x =>
        {
            var text = DecimalFormat.FormatExact(x, P5, fraction: false);
            return text != "-0" && !text.Contains(',', StringComparison.Ordinal) &&
                   (x.Sign < 0) == text.StartsWith('-');
        });

    [Fact]
    public void FormatExact_MillionDigitInteger_IsFastEnough()
    {
        var value = Rational.FromInteger(BigInteger.Pow(10, 999_999) + 7);
        var clock = Stopwatch.StartNew();
        var text = DecimalFormat.FormatExact(value, P20, fraction: false);
        clock.Stop();
        Assert.Equal(1_000_000, text.Length);
        Assert.EndsWith("007", text, StringComparison.Ordinal);
        Assert.True(clock.ElapsedMilliseconds < 5_000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void ToDecimalString_LargeValues_MatchesRuntimeConversion()
    {
        foreach (var x in new[] { BigInteger.Pow(3, 50_000), -BigInteger.Pow(10, 20_000), BigInteger.Pow(10, 20_000) - 1, BigInteger.Pow(2, 70_001) })
        {
            Assert.Equal(x.ToString(CultureInfo.InvariantCulture), IntegerMath.ToDecimalString(x));
        }
    }
}
