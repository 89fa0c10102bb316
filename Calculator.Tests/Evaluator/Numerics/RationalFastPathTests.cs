using System.Globalization;
using System.Numerics;
using Calculator.Evaluator;
using Calculator.Evaluator.Numerics;
using Xunit;

namespace Calculator.Tests.Evaluator.Numerics;

/// <summary>Rational's long fast paths must give exactly what its BigInteger paths give.</summary>
public sealed class RationalFastPathTests
{
    private static readonly NumericContext Ctx = NumericContext.Default;

    // Values around the int and long boundaries the fast paths test against, and plain ones.
    private static readonly long[] Edges =
    [
        0, 1, -1, 2, 3, 7, 10, 25, 46_340, 46_341, 65_536, int.MaxValue - 1L, int.MaxValue, int.MaxValue + 1L,
        -(long)int.MaxValue, int.MinValue, int.MinValue - 1L, 3_037_000_499, 3_037_000_500, 4_294_967_296,
        long.MaxValue / 2, long.MaxValue - 1, long.MaxValue, -long.MaxValue,
    ];

    private static IEnumerable<Rational> Samples()
    {
        var random = new Random(20261129);
        foreach (var n in Edges)
        {
            yield return n;
            yield return Rational.Create(n, 3);
            yield return Rational.Create(n, 1000);
        }
        for (var i = 0; i < 300; i++)
        {
            var bits = random.Next(1, 64);
            var num = random.NextInt64(-(1L << (bits - 1)), 1L << (bits - 1));
            var den = random.NextInt64(1, 1L << random.Next(1, 40));
            yield return Rational.Create(num, den);
        }
    }

    [Fact]
    public void Operations_AgreeWithBigIntegerPaths()
    {
        var samples = Samples().ToArray();
        Assert.All(samples, s => Assert.True(s.IsSmall));
        var checkedCount = 0;
        foreach (var a in samples)
        {
            foreach (var b in samples.Take(60))
            {
                Assert.Equal(Rational.AddSlow(a, b), Rational.Add(a, b, Ctx));
                Assert.Equal(Rational.AddSlow(a, -b), Rational.Subtract(a, b, Ctx));
                Assert.Equal(Rational.MultiplySlow(a, b), Rational.Multiply(a, b, Ctx));
                if (b.IsZero)
                {
                    Assert.Throws<NumericException>(() => Rational.Divide(a, b, Ctx));
                }
                else
                {
                    Assert.Equal(Rational.MultiplySlow(a, Rational.Create(b.Denominator, b.Numerator)), Rational.Divide(a, b, Ctx));
                }
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 10_000, $"only {checkedCount} results compared");
    }

    [Fact]
    public void Power_AgreesWithBigIntegerPower()
    {
        foreach (var a in Samples().Where(r => !r.IsZero))
        {
            for (var e = 0; e <= 66; e++)
            {
                var expected = Rational.Create(BigInteger.Pow(a.Numerator, e), BigInteger.Pow(a.Denominator, e));
                Assert.Equal(expected, Rational.Pow(a, new BigInteger(e), Ctx));
                // The overload for an exponent held as a rational (what x^2 evaluates) takes the long path.
                Assert.Equal(expected, Rational.Pow(a, (Rational)e, Ctx));
                Assert.Equal(expected.Reciprocal(), Rational.Pow(a, (Rational)(-e), Ctx));
            }
        }
    }

    [Theory]
    [InlineData("238.1")]
    [InlineData("0.000000000000000001")]
    [InlineData("999999999999999999")]
    [InlineData("9223372036854775807")]
    [InlineData("9223372036854775808")]
    [InlineData("0.0000000000000000001")]
    [InlineData("12.50")]
    [InlineData("0.0")]
    public void Literal_AgreesWithCreate(string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var exponent = point < 0 ? 0 : -(text.Length - point - 1);
        var significand = BigInteger.Parse(text.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.Equal(Rational.Create(significand, BigInteger.Pow(10, -exponent)), Rational.FromDecimal(significand, exponent, Ctx));
    }

    [Theory]
    [InlineData("2147483647 * 2147483647 * 2147483647", "9903520300447984150353281023")]
    [InlineData("46341 * 46341 + 9223372036854775807", "9223372039002264088")]
    [InlineData("3037000500^2 - 1", "9223372037000250000 - 1")]
    [InlineData("2^63", "9223372036854775808")]
    [InlineData("(-2)^63", "-9223372036854775808")]
    [InlineData("1 / (3 - 3)", null)]
    [InlineData("0.1 + 0.2 - 1/3", "-0.033333333333333333333")]
    [InlineData("-(-(7/2))^3", "42.875")]
    [InlineData("1^100 + 0^0", "2")]
    public void Session_FastAndGeneralPaths_Agree(string line, string? expected)
    {
        var session = new Session();
        var outcome = session.Run(line)[0];
        // A digit limit below 19 disables the long fast paths; the limit is far from these results.
        var general = new Session(new SessionOptions { MaxDigits = 18 }).Run(line)[0];
        if (expected is null)
        {
            Assert.Equal(OutcomeKind.Error, outcome.Kind);
            Assert.Equal(general.Error, outcome.Error);
            return;
        }
        var expectedValue = new Session().Run(expected)[0].Value!.Format();
        Assert.Equal(expectedValue, outcome.Value!.Format());
        if (general.Kind == OutcomeKind.Value)
        {
            Assert.Equal(general.Value!.Format(), outcome.Value.Format());
        }
    }

    [Fact]
    public void DigitCount_AtPowersOfTenAndTwo()
    {
        Assert.Equal(1, IntegerMath.DigitCount(0UL));
        var power = 1UL;
        for (var digits = 1; digits <= 20; digits++)
        {
            Assert.Equal(digits, IntegerMath.DigitCount(power));
            if (digits > 1)
            {
                Assert.Equal(digits - 1, IntegerMath.DigitCount(power - 1));
            }
            power = digits < 20 ? power * 10 : power;
        }
        for (var bit = 0; bit < 64; bit++)
        {
            var value = 1UL << bit;
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture).Length, IntegerMath.DigitCount(value));
            Assert.Equal((value - 1).ToString(CultureInfo.InvariantCulture).Length, IntegerMath.DigitCount(value - 1));
        }
        Assert.Equal(20, IntegerMath.DigitCount(ulong.MaxValue));
    }

    private static bool Terminates(Rational value)
    {
        var den = value.Denominator;
        den >>= (int)BigInteger.TrailingZeroCount(den);
        while ((den % 5).IsZero)
        {
            den /= 5;
        }
        return den.IsOne;
    }

    [Fact]
    public void FormatExact_SmallFractions_AgreeWithTheGeneralRule()
    {
        var terminating = 0;
        foreach (var precision in new[] { 1, 2, 5, 20, 38, 40 })
        {
            var ctx = new NumericContext(precision);
            var extra = new[] { (1L, 8L), (-1L, 1_000_000L), (1L, 10_000_000L), (123_456_789L, 1_000L), (5L, 2L), (-7L, 1L << 40), (1L, 1L << 62) };
            foreach (var value in Samples().Where(r => !r.IsInteger).Concat(extra.Select(p => Rational.Create(p.Item1, p.Item2))))
            {
                var text = DecimalFormat.FormatExact(value, ctx, fraction: false, out var rounded);
                if (Terminates(value))
                {
                    // Every digit, so the text reads back as the same value.
                    Assert.False(rounded);
                    var outcome = new Session().Run(text)[0];
                    Assert.True(outcome.Value!.TryGetFraction(out var n, out var d));
                    Assert.Equal(value, Rational.Create(n, d));
                    terminating++;
                }
                else
                {
                    Assert.True(rounded);
                    var (digits, exponent) = DecimalFormat.RoundToSignificant(value, precision);
                    Assert.Equal(DecimalFormat.FormatDigits(digits.Sign < 0, BigInteger.Abs(digits), exponent, precision), text);
                }
            }
        }
        Assert.True(terminating > 50, $"only {terminating} terminating values");
    }
}
