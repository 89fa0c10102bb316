using System.Numerics;
using Calculator.Evaluator.Numerics;
using Xunit;

namespace Calculator.Tests.Evaluator.Numerics;

public sealed class RationalTests
{
    private static readonly NumericContext Ctx = NumericContext.Default;

    private static Rational Q(long n, long d = 1) => Rational.Create(n, d);

    [Fact]
    public void Default_IsZero_EqualsZero()
    {
        var value = default(Rational);
        Assert.True(value.IsZero);
        Assert.Equal(Rational.Zero, value);
        Assert.Equal(BigInteger.One, value.Denominator);
        Assert.Equal(Rational.Zero.GetHashCode(), value.GetHashCode());
    }

    [Fact]
    public void Create_NegativeDenominator_MovesSignToNumerator()
    {
        var value = Rational.Create(6, -4);
        Assert.Equal(new BigInteger(-3), value.Numerator);
        Assert.Equal(new BigInteger(2), value.Denominator);
        Assert.Equal(-1, value.Sign);
    }

    [Fact]
    public void Create_ZeroDenominator_ThrowsDivisionByZero()
    {
        var error = Assert.Throws<NumericException>(() => Rational.Create(1, 0));
        Assert.Equal(NumericErrorKind.DivisionByZero, error.Kind);
        Assert.Equal("division by zero", error.Message);
    }

    [Fact]
    public void Divide_ByZero_ThrowsDivisionByZero()
    {
        Assert.Equal(NumericErrorKind.DivisionByZero, Assert.Throws<NumericException>(() => Q(1) / Rational.Zero).Kind);
        Assert.Equal(NumericErrorKind.DivisionByZero, Assert.Throws<NumericException>(() => Rational.Divide(Q(1), Rational.Zero, Ctx)).Kind);
    }

    [Fact]
    public void LongMinValue_ConvertsExactly()
    {
        Rational value = long.MinValue;
        Assert.Equal(new BigInteger(long.MinValue), value.Numerator);
        Assert.Equal((BigInteger)long.MinValue * -1, (-value).Numerator);
        Assert.Equal(Rational.FromInteger(long.MinValue), value);
    }

    [Fact]
    public void Add_OverflowingLongs_FallsBackToBigInteger()
    {
        Rational max = long.MaxValue;
        var sum = max + max;
        Assert.Equal((BigInteger)long.MaxValue * 2, sum.Numerator);
        Assert.Equal(max, sum - max);
    }

    [Fact]
    public void Multiply_OverflowingFractions_FallsBackToBigInteger()
    {
        var a = Q(long.MaxValue, long.MaxValue - 1);
        var product = a * a;
        Assert.Equal((BigInteger)long.MaxValue * long.MaxValue, product.Numerator);
        Assert.Equal(a, product / a);
    }

    [Fact]
    public void BigResult_ThatShrinksBack_UsesSmallForm()
    {
        var big = Rational.FromInteger(BigInteger.Pow(10, 30));
        var back = big / big;
        Assert.True(back.IsSmall);
        Assert.Equal(Rational.One, back);
        Assert.Equal(Rational.One.GetHashCode(), back.GetHashCode());
    }

    [Fact]
    public void Arithmetic_DecimalFractions_StaysExact()
    {
        Assert.Equal(Q(3, 10), Q(1, 10) + Q(2, 10));
        Assert.Equal(Q(1), Q(1, 3) * 3);
        Assert.True(Q(1, 3) < Q(1, 2));
        Assert.True(Q(-1, 3) > Q(-1, 2));
    }

    [Theory]
    [InlineData(-7, 1, 3, 1, 2, 1)]
    [InlineData(7, 1, -3, 1, -2, 1)]
    [InlineData(7, 1, 3, 1, 1, 1)]
    [InlineData(-7, 1, -3, 1, -1, 1)]
    [InlineData(11, 2, 2, 1, 3, 2)]
    [InlineData(-11, 2, 2, 1, 1, 2)]
    [InlineData(6, 1, 3, 1, 0, 1)]
    public void FlooredMod_Examples_HaveSignOfDivisor(long an, long ad, long bn, long bd, long rn, long rd) =>
        Assert.Equal(Q(rn, rd), Rational.FlooredMod(Q(an, ad), Q(bn, bd), Ctx));

    [Fact]
    public void FlooredMod_ByZero_ThrowsDivisionByZero() =>
        Assert.Equal(NumericErrorKind.DivisionByZero, Assert.Throws<NumericException>(() => Rational.FlooredMod(Q(1), Rational.Zero, Ctx)).Kind);

    [Theory]
    [InlineData(5, 2, 2, 3, 3, 2)]
    [InlineData(-5, 2, -3, -2, -3, -2)]
    [InlineData(7, 3, 2, 3, 2, 2)]
    [InlineData(-7, 3, -3, -2, -2, -2)]
    [InlineData(4, 1, 4, 4, 4, 4)]
    public void Rounding_Examples_MatchDefinitions(long n, long d, long floor, long ceiling, long round, long truncate)
    {
        var x = Q(n, d);
        Assert.Equal(Q(floor), x.Floor());
        Assert.Equal(Q(ceiling), x.Ceiling());
        Assert.Equal(Q(round), x.Round());
        Assert.Equal(Q(truncate), x.Truncate());
    }

    [Fact]
    public void Round_BigHalves_AwayFromZero()
    {
        var half = Rational.Create(BigInteger.Pow(10, 40) * 2 + 1, 2);
        Assert.Equal(Rational.FromInteger(BigInteger.Pow(10, 40) + 1), half.Round());
        Assert.Equal(-Rational.FromInteger(BigInteger.Pow(10, 40) + 1), (-half).Round());
        Assert.Equal(Rational.FromInteger(BigInteger.Pow(10, 40)), half.Floor());
    }

    [Theory]
    [InlineData(1234, 1, -2, 1200, 1)]
    [InlineData(1250, 1, -2, 1300, 1)]
    [InlineData(-1250, 1, -2, -1300, 1)]
    [InlineData(1234, 1, -5, 0, 1)]
    [InlineData(314159, 100000, 2, 157, 50)]
    [InlineData(-2345, 1000, 2, -47, 20)]
    [InlineData(1, 3, 3, 333, 1000)]
    [InlineData(2, 3, 3, 667, 1000)]
    [InlineData(1, 8, 5, 1, 8)]
    [InlineData(1, 8, 2, 13, 100)]
    public void RoundPlaces_Examples_HalfAwayFromZero(long n, long d, int places, long rn, long rd) =>
        Assert.Equal(Q(rn, rd), Q(n, d).Round(places));

    [Fact]
    public void RoundPlaces_TooManyForAnInexactValue_ThrowsLimit() =>
        Assert.Equal(NumericErrorKind.Limit, Assert.Throws<NumericException>(() => Q(1, 3).Round(2_000_000)).Kind);

    [Fact]
    public void RoundPlaces_ManyForATerminatingValue_ReturnsValue() =>
        Assert.Equal(Q(1, 8), Q(1, 8).Round(int.MaxValue));

    [Theory]
    [InlineData(9, 4, 2, 3, 2)]
    [InlineData(8, 1, 3, 2, 1)]
    [InlineData(-27, 1, 3, -3, 1)]
    [InlineData(1, 1, 5, 1, 1)]
    [InlineData(0, 1, 4, 0, 1)]
    [InlineData(16, 81, 4, 2, 3)]
    public void TryRoot_PerfectPowers_ReturnsExactRoot(long n, long d, int index, long rn, long rd)
    {
        Assert.True(Rational.TryRoot(Q(n, d), index, out var root));
        Assert.Equal(Q(rn, rd), root);
    }

    [Theory]
    [InlineData(2, 1, 2)]
    [InlineData(-4, 1, 2)]
    [InlineData(9, 2, 2)]
    [InlineData(9, 1, 3)]
    public void TryRoot_NonPowersOrEvenRootOfNegative_ReturnsFalse(long n, long d, int index) =>
        Assert.False(Rational.TryRoot(Q(n, d), index, out _));

    [Fact]
    public void TryRoot_HugePerfectSquare_IsExact()
    {
        var x = BigInteger.Pow(3, 20_000) + 12345;
        Assert.True(Rational.TryRoot(Rational.FromInteger(x * x), 2, out var root));
        Assert.Equal(Rational.FromInteger(x), root);
        Assert.False(Rational.TryRoot(Rational.FromInteger((x * x) + 1), 2, out _));
    }

    [Theory]
    [InlineData(1000, 1, 10, 1, 3)]
    [InlineData(8, 1, 2, 1, 3)]
    [InlineData(1, 8, 2, 1, -3)]
    [InlineData(1, 1, 7, 1, 0)]
    [InlineData(4, 9, 2, 3, 2)]
    [InlineData(9, 4, 2, 3, -2)]
    [InlineData(2, 1, 1, 2, -1)]
    [InlineData(1, 1000, 10, 1, -3)]
    public void TryLog_ExactPowers_ReturnsExponent(long xn, long xd, long bn, long bd, long k)
    {
        Assert.True(Rational.TryLog(Q(xn, xd), Q(bn, bd), out var log));
        Assert.Equal(Q(k), log);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(1001, 10)]
    [InlineData(0, 10)]
    [InlineData(-8, 2)]
    [InlineData(12, 2)]
    public void TryLog_NonPowers_ReturnsFalse(long x, long b) => Assert.False(Rational.TryLog(Q(x), Q(b), out _));

    [Fact]
    public void TryLog_HugePower_IsExactAndCheap()
    {
        var x = Rational.Pow(Q(3, 7), 100_000, Ctx);
        Assert.True(Rational.TryLog(x, Q(3, 7), out var log));
        Assert.Equal(Q(100_000), log);
        Assert.False(Rational.TryLog(x + Rational.One, Q(3, 7), out _));
    }

    [Fact]
    public void EstimateDigits_IsWithinOneOfTrueCount()
    {
        Assert.InRange(Q(999).EstimateDigits(), 2, 4);
        Assert.InRange(Q(1, 1000).EstimateDigits(), 3, 5);
        Assert.InRange(Rational.FromInteger(BigInteger.Pow(10, 5000)).EstimateDigits(), 5000, 5002);
    }

    [Fact]
    public void ToString_UsesSlashForFractions() => Assert.Equal("-7/2", Q(-7, 2).ToString());
}
