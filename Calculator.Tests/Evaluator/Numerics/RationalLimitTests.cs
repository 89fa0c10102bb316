using System.Diagnostics;
using System.Numerics;
using Calculator.Evaluator.Numerics;
using Xunit;

namespace Calculator.Tests.Evaluator.Numerics;

public sealed class RationalLimitTests
{
    private static readonly NumericContext Ctx = NumericContext.Default;

    private static NumericException AssertLimitFast(Action action)
    {
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<NumericException>(action);
        clock.Stop();
        Assert.Equal(NumericErrorKind.Limit, error.Kind);
        Assert.StartsWith("result would have about ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" digits", error.Message, StringComparison.Ordinal);
        Assert.True(clock.ElapsedMilliseconds < 500, $"took {clock.ElapsedMilliseconds} ms");
        return error;
    }

    [Fact]
    public void Pow_NineToNineToNine_RefusedAtOnce()
    {
        var error = AssertLimitFast(() => Rational.Pow(9, BigInteger.Pow(9, 9), Ctx));
        Assert.Equal("result would have about 369693100 digits", error.Message);
    }

    [Fact]
    public void Pow_TenToTenToTen_RefusedAtOnce()
    {
        var error = AssertLimitFast(() => Rational.Pow(10, BigInteger.Pow(10, 10), Ctx));
        Assert.Equal("result would have about 10000000001 digits", error.Message);
    }

    [Fact]
    public void Pow_TowerOfTwos_RefusedAtOnce()
    {
        // 2^(2^65536): the exponent alone has 19729 digits.
        var exponent = BigInteger.Pow(2, 65536);
        var error = AssertLimitFast(() => Rational.Pow(2, exponent, Ctx));
        Assert.Matches(@"^result would have about \d(\.\d)?e\+1972\d digits$", error.Message);
    }

    [Fact]
    public void Pow_NegativeHugeExponentOfFraction_RefusedAtOnce() =>
        AssertLimitFast(() => Rational.Pow(Rational.Create(2, 3), -BigInteger.Pow(10, 12), Ctx));

    [Fact]
    public void Pow_TrivialBasesWithHugeExponents_AreExactAndInstant()
    {
        var huge = BigInteger.Pow(10, 1000) + 1;
        var clock = Stopwatch.StartNew();
        Assert.Equal(Rational.One, Rational.Pow(1, huge, Ctx));
        Assert.Equal(-Rational.One, Rational.Pow(-1, huge, Ctx));
        Assert.Equal(Rational.One, Rational.Pow(-1, huge + 1, Ctx));
        Assert.Equal(Rational.One, Rational.Pow(-1, -(huge + 1), Ctx));
        Assert.Equal(Rational.Zero, Rational.Pow(0, huge, Ctx));
        Assert.True(clock.ElapsedMilliseconds < 100);
    }

    [Fact]
    public void Pow_ZeroToZero_IsOne() => Assert.Equal(Rational.One, Rational.Pow(0, 0, Ctx));

    [Fact]
    public void Pow_ZeroToNegative_ThrowsDivisionByZero() =>
        Assert.Equal(NumericErrorKind.DivisionByZero, Assert.Throws<NumericException>(() => Rational.Pow(0, -1, Ctx)).Kind);

    [Fact]
    public void Pow_TwoTo200_IsExact() =>
        Assert.Equal(BigInteger.Pow(2, 200), Rational.Pow(2, 200, Ctx).Numerator);

    [Fact]
    public void Pow_JustUnderTheLimit_IsComputed()
    {
        var small = new NumericContext(maxDigits: 100);
        Assert.Equal(BigInteger.Pow(10, 99), Rational.Pow(10, 99, small).Numerator);
        var error = AssertLimitFast(() => Rational.Pow(10, 100, small));
        Assert.Equal("result would have about 101 digits", error.Message);
    }

    [Fact]
    public void Multiply_SquareOf600000DigitNumber_RefusedAtOnce()
    {
        var x = Rational.FromInteger(BigInteger.Pow(10, 600_000) - 1);
        var error = AssertLimitFast(() => Rational.Multiply(x, x, Ctx));
        Assert.Matches("^result would have about 120000[01] digits$", error.Message);
    }

    [Fact]
    public void Multiply_CancellingHugeFractions_IsAllowed()
    {
        var big = BigInteger.Pow(10, 600_000);
        var x = Rational.Create(big, 3);
        var y = Rational.Create(3, big);
        Assert.Equal(Rational.One, Rational.Multiply(x, y, Ctx));
    }

    [Fact]
    public void Multiply_ProductOverSmallLimit_ThrowsLimit()
    {
        var small = new NumericContext(maxDigits: 30);
        var x = Rational.FromInteger(BigInteger.Pow(10, 20));
        Assert.Equal(NumericErrorKind.Limit, Assert.Throws<NumericException>(() => Rational.Multiply(x, x, small)).Kind);
        Assert.Equal(Rational.FromInteger(BigInteger.Pow(10, 29)), Rational.Multiply(x, Rational.FromInteger(BigInteger.Pow(10, 9)), small));
    }

    [Fact]
    public void Add_DenominatorsOverLimit_ThrowsLimit()
    {
        var small = new NumericContext(maxDigits: 30);
        var a = Rational.Create(1, BigInteger.Pow(3, 40));
        var b = Rational.Create(1, BigInteger.Pow(7, 40));
        Assert.Equal(NumericErrorKind.Limit, Assert.Throws<NumericException>(() => Rational.Add(a, b, small)).Kind);
        Assert.Equal(Rational.Zero, Rational.Subtract(a, a, small));
    }

    [Fact]
    public void Add_NearCancellationOfLongNumerators_IsAllowed()
    {
        var small = new NumericContext(maxDigits: 30);
        var a = Rational.Create(BigInteger.Pow(10, 29), 3);
        var b = -(a + Rational.Create(1, 7));
        Assert.Equal(Rational.Create(-1, 7), Rational.Add(a, b, small));
    }

    [Fact]
    public void Add_HugeIntegersOverLimit_ThrowsLimit()
    {
        var small = new NumericContext(maxDigits: 30);
        var a = Rational.FromInteger(BigInteger.Pow(10, 30) - 1);
        Assert.Equal(NumericErrorKind.Limit, Assert.Throws<NumericException>(() => Rational.Add(a, Rational.One, small)).Kind);
        Assert.Equal(a, Rational.Add(a, Rational.Zero, small));
    }

    [Fact]
    public void RoundPlaces_TinyValueWithHugeDenominator_IsZero()
    {
        var tiny = Rational.Create(1, BigInteger.Pow(10, 999_990) * 3);
        Assert.Equal(Rational.Zero, tiny.Round(20, Ctx));
    }

    [Fact]
    public void FromDecimal_HugePositiveExponent_RefusedAtOnce()
    {
        var error = AssertLimitFast(() => Rational.FromDecimal(1, 2_000_000, Ctx));
        Assert.Equal("result would have about 2000001 digits", error.Message);
    }

    [Fact]
    public void FromDecimal_HugeNegativeExponent_RefusedAtOnce()
    {
        var error = AssertLimitFast(() => Rational.FromDecimal(1, -2_000_000, Ctx));
        Assert.Equal("result would have about 2000001 digits", error.Message);
    }

    [Fact]
    public void FromDecimal_ExtremeExponents_RefusedAtOnce()
    {
        AssertLimitFast(() => Rational.FromDecimal(5, int.MaxValue, Ctx));
        AssertLimitFast(() => Rational.FromDecimal(5, int.MinValue, Ctx));
    }

    [Theory]
    [InlineData(1, -1, 1, 10)]
    [InlineData(25, -2, 1, 4)]
    [InlineData(375, -2, 15, 4)]
    [InlineData(15, 2, 1500, 1)]
    [InlineData(-25, -3, -1, 40)]
    [InlineData(0, -5, 0, 1)]
    public void FromDecimal_Literals_AreExact(long significand, int exponent, long n, long d) =>
        Assert.Equal(Rational.Create(n, d), Rational.FromDecimal(significand, exponent, Ctx));

    [Fact]
    public void FromDecimal_LongLiteral_ReducesByTwosAndFives()
    {
        // 0.5 followed by 3000 zeros and a 5, times 10^-3002 → exact and reduced.
        var significand = (BigInteger.Pow(10, 3001) * 5) + 5;
        var value = Rational.FromDecimal(significand, -3002, Ctx);
        Assert.Equal(significand * value.Denominator, value.Numerator * BigInteger.Pow(10, 3002));
        Assert.True(BigInteger.GreatestCommonDivisor(value.Numerator, value.Denominator).IsOne);
    }

    [Fact]
    public void Factorial_HundredMillion_RefusedAtOnce()
    {
        var error = AssertLimitFast(() => IntegerMath.Factorial(100_000_000, Ctx));
        Assert.Equal("result would have about 756570557 digits", error.Message);
    }

    [Fact]
    public void Factorial_Astronomical_RefusedAtOnce() =>
        AssertLimitFast(() => IntegerMath.Factorial(BigInteger.Pow(10, 100), Ctx));

    [Fact]
    public void NumericMessages_TooManyDigits_RoundsToInteger()
    {
        Assert.Equal("result would have about 12 digits", NumericMessages.TooManyDigits(12.2));
        Assert.Equal("result would have about 1e+100 digits", NumericMessages.TooManyDigitsLog10(100));
    }
}
