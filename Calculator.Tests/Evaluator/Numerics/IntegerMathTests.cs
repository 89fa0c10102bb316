using System.Diagnostics;
using System.Numerics;
using Calculator.Evaluator.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using static Calculator.Tests.Evaluator.Numerics.RationalGenerators;

namespace Calculator.Tests.Evaluator.Numerics;

public sealed class IntegerMathTests
{
    private static readonly NumericContext Ctx = NumericContext.Default;

    [Theory]
    [InlineData(0, "1")]
    [InlineData(1, "1")]
    [InlineData(5, "120")]
    [InlineData(20, "2432902008176640000")]
    [InlineData(25, "15511210043330985984000000")]
    public void Factorial_SmallValues_AreExact(int n, string expected) =>
        Assert.Equal(BigInteger.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), IntegerMath.Factorial(n, Ctx));

    [Fact]
    public void Factorial_AgreesWithLinearProduct()
    {
        var expected = BigInteger.One;
        for (var i = 1; i <= 1000; i++)
        {
            expected *= i;
            if (i % 97 == 0 || i < 40)
            {
                Assert.Equal(expected, IntegerMath.Factorial(i, Ctx));
            }
        }

        Assert.Equal(expected, IntegerMath.Factorial(1000, Ctx));
    }

    [Fact]
    public void Factorial_TenThousand_HasKnownDigitCountAndIsFast()
    {
        var clock = Stopwatch.StartNew();
        var value = IntegerMath.Factorial(10_000, Ctx);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"took {clock.ElapsedMilliseconds} ms");
        Assert.Equal(35660, IntegerMath.DigitCount(value));
        Assert.True((value % BigInteger.Pow(10, 2499)).IsZero);
        Assert.False((value % BigInteger.Pow(10, 2500)).IsZero);
    }

    [Fact]
    public void Factorial_Negative_ThrowsDomain() =>
        Assert.Equal(NumericErrorKind.Domain, Assert.Throws<NumericException>(() => IntegerMath.Factorial(-1, Ctx)).Kind);

    [Fact]
    public void FactorialDigits_MatchesKnownCounts()
    {
        Assert.Equal(1, IntegerMath.FactorialDigits(3));
        Assert.Equal(7, IntegerMath.FactorialDigits(10));
        Assert.Equal(158, IntegerMath.FactorialDigits(100));
        Assert.Equal(35660, IntegerMath.FactorialDigits(10_000));
        Assert.Equal(456574, IntegerMath.FactorialDigits(100_000));
    }

    [Theory]
    [InlineData(12, 18, 6, 36)]
    [InlineData(-12, 18, 6, 36)]
    [InlineData(0, 5, 5, 0)]
    [InlineData(7, 13, 1, 91)]
    public void GcdLcm_Examples(long a, long b, long gcd, long lcm)
    {
        Assert.Equal(new BigInteger(gcd), IntegerMath.Gcd(a, b));
        Assert.Equal(new BigInteger(lcm), IntegerMath.Lcm(a, b));
    }

    [Property(MaxTest = 300)]
    public Property BinaryGcd_AgreesWithBigInteger() =>
        Prop.ForAll(LongGen.ToArbitrary(), LongGen.ToArbitrary(), (a, b) =>
        {
            var ua = (ulong)Math.Abs(a == long.MinValue ? a + 1 : a);
            var ub = (ulong)Math.Abs(b == long.MinValue ? b + 1 : b);
            return IntegerMath.Gcd(ua, ub) == (ulong)BigInteger.GreatestCommonDivisor(ua, ub);
        });

    [Property(MaxTest = 300)]
    public Property Sqrt_IsFloorSquareRoot() =>
        Prop.ForAll(AnyInteger, x =>
        {
            x = BigInteger.Abs(x);
            var r = IntegerMath.Sqrt(x);
            return r * r <= x && (r + 1) * (r + 1) > x;
        });

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(ulong.MaxValue)]
    [InlineData(ulong.MaxValue - 1)]
    [InlineData(18446744065119617025UL)]
    [InlineData(18446744065119617024UL)]
    public void Sqrt_NearULongEdges_IsFloorSquareRoot(ulong value)
    {
        BigInteger x = value;
        var r = IntegerMath.Sqrt(x);
        Assert.True(r * r <= x && (r + 1) * (r + 1) > x);
    }

    [Fact]
    public void Sqrt_HundredThousandDigits_IsCorrectAndFast()
    {
        var x = BigInteger.Pow(7, 118_000) + 12345;
        var clock = Stopwatch.StartNew();
        var r = IntegerMath.Sqrt(x);
        clock.Stop();
        Assert.True(r * r <= x && (r + 1) * (r + 1) > x);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Property(MaxTest = 300)]
    public Property IntegerRoot_IsFloorRoot() =>
        Prop.ForAll(AnyInteger, Gen.Choose(1, 12).ToArbitrary(), (x, n) =>
        {
            x = BigInteger.Abs(x);
            var r = IntegerMath.IntegerRoot(x, n, out var exact);
            return BigInteger.Pow(r, n) <= x && BigInteger.Pow(r + 1, n) > x && exact == (BigInteger.Pow(r, n) == x);
        });

    [Property(MaxTest = 200)]
    public Property IntegerRoot_OfAPower_IsExact() =>
        Prop.ForAll(AnyInteger, Gen.Choose(1, 9).ToArbitrary(), (x, n) =>
        {
            x = BigInteger.Abs(x);
            var r = IntegerMath.IntegerRoot(BigInteger.Pow(x, n), n, out var exact);
            return exact && r == x;
        });

    [Fact]
    public void IntegerRoot_LargeIndex_IsExactForPowers()
    {
        var x = BigInteger.Pow(3, 500);
        Assert.Equal(new BigInteger(3), IntegerMath.IntegerRoot(x, 500, out var exact));
        Assert.True(exact);
        Assert.Equal(BigInteger.One, IntegerMath.IntegerRoot(x, 10_000, out exact));
        Assert.False(exact);
    }

    [Fact]
    public void Pow10_MatchesBigIntegerPow()
    {
        foreach (var k in new[] { 0, 1, 18, 19, 511, 512, 1000 })
        {
            Assert.Equal(BigInteger.Pow(10, k), IntegerMath.Pow10(k));
        }
    }

    [Property(MaxTest = 300)]
    public Property DigitCount_MatchesStringLength() =>
        Prop.ForAll(AnyInteger, x =>
            IntegerMath.DigitCount(x) == BigInteger.Abs(x).ToString(System.Globalization.CultureInfo.InvariantCulture).Length);

    [Fact]
    public void DigitCount_PowersOfTenBoundaries()
    {
        for (var k = 1; k < 400; k++)
        {
            var p = BigInteger.Pow(10, k);
            Assert.Equal(k + 1, IntegerMath.DigitCount(p));
            Assert.Equal(k, IntegerMath.DigitCount(p - 1));
            Assert.Equal(k, IntegerMath.DigitCount(1 - p));
        }
    }
}
