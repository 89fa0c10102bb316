using System.Globalization;
using System.Numerics;
using Calculator.Evaluator.Numerics;
using Xunit;

namespace Calculator.Tests.Evaluator.Numerics;

public sealed class NumberTheoryTests
{
    private static BigInteger Big(string digits) => BigInteger.Parse(digits, CultureInfo.InvariantCulture);

    [Theory]
    // Carmichael numbers: Fermat liars to every coprime base.
    [InlineData("561")]
    [InlineData("41041")]
    [InlineData("825265")]
    [InlineData("321197185")]
    [InlineData("5394826801")]
    [InlineData("232250619601")]
    [InlineData("9746347772161")]
    // Strong pseudoprimes to several bases: 2,3,5,7 / 2..23 (below 2^64).
    [InlineData("3215031751")]
    [InlineData("3825123056546413051")]
    // Strong pseudoprimes to every prime base up to 37 and up to 41 (above 2^64, the big-integer paths).
    [InlineData("318665857834031151167461")]
    [InlineData("3317044064679887385961981")]
    // A composite far above the deterministic bound, where Baillie–PSW decides.
    [InlineData("1334733877147062458695250580287051629851528593129601")]
    // 1000000007 · 1000000009.
    [InlineData("1000000016000000063")]
    public void IsPrime_rejects_composites_that_fool_weaker_tests(string n) =>
        Assert.False(NumberTheory.IsPrime(Big(n)));

    [Fact]
    public void IsPrime_rejects_squares_and_semiprimes_of_large_primes()
    {
        var p = NumberTheory.NextPrime(BigInteger.Pow(10, 30));
        var q = NumberTheory.NextPrime(BigInteger.Pow(10, 40));
        Assert.False(NumberTheory.IsPrime(p * p));
        Assert.False(NumberTheory.IsPrime(p * q));
        Assert.True(NumberTheory.IsPrime(p));
        Assert.True(NumberTheory.IsPrime(q));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(998_244_353)]
    [InlineData(18_446_744_073_709_551_557)]
    public void IsPrime_accepts_primes_on_the_word_path(ulong n) =>
        Assert.True(NumberTheory.IsPrime(new BigInteger(n)));

    [Theory]
    [InlineData(61)]
    [InlineData(89)]
    [InlineData(127)]
    [InlineData(521)]
    [InlineData(607)]
    [InlineData(1279)]
    public void IsPrime_accepts_mersenne_primes(int exponent) =>
        Assert.True(NumberTheory.IsPrime(BigInteger.Pow(2, exponent) - 1));

    [Theory]
    [InlineData(67)]
    [InlineData(101)]
    [InlineData(257)]
    [InlineData(523)]
    public void IsPrime_rejects_composite_mersenne_numbers(int exponent) =>
        Assert.False(NumberTheory.IsPrime(BigInteger.Pow(2, exponent) - 1));

    [Theory]
    // Strong Lucas pseudoprimes with Selfridge's parameters (OEIS A217255): they pass the Lucas half
    // of Baillie–PSW; the base-2 half stops them.
    [InlineData(5459)]
    [InlineData(5777)]
    [InlineData(10877)]
    [InlineData(16109)]
    [InlineData(18971)]
    [InlineData(22499)]
    [InlineData(24569)]
    [InlineData(25199)]
    [InlineData(40309)]
    [InlineData(58519)]
    public void Strong_lucas_pseudoprimes_pass_the_lucas_test_but_not_base_two(int n)
    {
        Assert.True(NumberTheory.IsStrongLucasProbablePrime(n));
        Assert.False(NumberTheory.IsStrongProbablePrime(n, 2));
    }

    [Theory]
    // Strong base-2 pseudoprimes (OEIS A001262): the Lucas half stops them.
    [InlineData(2047)]
    [InlineData(3277)]
    [InlineData(4033)]
    [InlineData(4681)]
    [InlineData(8321)]
    public void Strong_base_two_pseudoprimes_fail_the_lucas_test(int n)
    {
        Assert.True(NumberTheory.IsStrongProbablePrime(n, 2));
        Assert.False(NumberTheory.IsStrongLucasProbablePrime(n));
    }

    [Fact]
    public void Next_and_previous_primes_around_a_googol()
    {
        var googol = BigInteger.Pow(10, 100);
        Assert.Equal(googol + 267, NumberTheory.NextPrime(googol));
        Assert.Equal(googol - 797, NumberTheory.PrevPrime(googol));
    }

    [Fact]
    public void Next_and_previous_primes_cross_the_word_boundary()
    {
        var top = new BigInteger(ulong.MaxValue);
        Assert.Equal(top - 58, NumberTheory.PrevPrime(top));
        Assert.Equal(top + 14, NumberTheory.NextPrime(top - 58));
        Assert.Equal(top - 58, NumberTheory.PrevPrime(top + 14));
    }

    [Theory]
    [InlineData(3, 7, 5)]
    [InlineData(10, 17, 12)]
    [InlineData(-1, 5, 4)]
    [InlineData(0, 1, 0)]
    public void ModInverse_finds_the_inverse(int a, int m, int expected)
    {
        Assert.True(NumberTheory.TryModInverse(a, m, out var inverse));
        Assert.Equal(expected, inverse);
    }

    [Fact]
    public void ModInverse_of_a_shared_factor_fails() =>
        Assert.False(NumberTheory.TryModInverse(6, 9, out _));
}
