using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// Binomial coefficients and falling factorials on <see cref="BigInteger"/> (SPEC §4). The digit
/// count is estimated from Stirling's series before any work, so a hopeless request fails at once.
/// </summary>
internal static class Combinatorics
{
    // Up to this n a central binomial is built from its prime factorisation (Legendre), which
    // beats dividing a product of k factors by k!; the sieve costs n bytes.
    private const int FactorisationBound = 1 << 24;

    // Below this k the plain product and one division are cheaper than a sieve.
    private const int FactorisationMinK = 2_000;

    private static readonly double Ln10 = Math.Log(10);

    /// <summary>
    /// C(n, k) for any integers: 0 when k &lt; 0, 0 when 0 ≤ n &lt; k, and for negative n the
    /// usual extension C(n, k) = (−1)^k·C(k − n − 1, k).
    /// </summary>
    public static BigInteger Binomial(BigInteger n, BigInteger k, NumericContext ctx)
    {
        if (k.Sign < 0)
        {
            return BigInteger.Zero;
        }

        if (n.Sign < 0)
        {
            var positive = Binomial(k - n - 1, k, ctx);
            return k.IsEven ? positive : -positive;
        }

        if (k > n)
        {
            return BigInteger.Zero;
        }

        var j = BigInteger.Min(k, n - k);
        if (j.IsZero)
        {
            return BigInteger.One;
        }

        var digits = Math.Floor(LnBinomial(n, j) / Ln10) + 1;
        ctx.CheckDigits(digits);

        // Within the limit, C(n, j) ≥ 2^j bounds j by about 3.3 times the digit limit.
        var count = (long)j;
        var result = n <= FactorisationBound && count >= FactorisationMinK
            ? BinomialByFactorisation((int)n, (int)count)
            : ProductOfRange(n - j + 1, count) / ProductOfRange(BigInteger.One, count);
        return CheckedNearLimit(result, digits, ctx);
    }

    /// <summary>
    /// The falling factorial n·(n − 1)···(n − k + 1) for k ≥ 0 (1 for k = 0): 0 when 0 ≤ n &lt; k,
    /// and (−1)^k·(|n|)···(|n| + k − 1) for negative n.
    /// </summary>
    public static BigInteger Perm(BigInteger n, BigInteger k, NumericContext ctx)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k.Sign);
        if (n.Sign < 0)
        {
            var positive = Perm(k - n - 1, k, ctx);
            return k.IsEven ? positive : -positive;
        }

        if (k > n)
        {
            return BigInteger.Zero;
        }

        if (k.IsZero)
        {
            return BigInteger.One;
        }

        // P(n, k) = C(n, k)·k!.
        var j = BigInteger.Min(k, n - k);
        var lnBinomial = j.IsZero ? 0 : LnBinomial(n, j);
        var digits = Math.Floor((lnBinomial + LnFactorial(k)) / Ln10) + 1;
        ctx.CheckDigits(digits);
        return CheckedNearLimit(ProductOfRange(n - k + 1, (long)k), digits, ctx);
    }

    /// <summary>
    /// ln C(n, j) for 1 ≤ j ≤ n/2 from Stirling's series, written so that nothing cancels
    /// (good to about 0.1 whatever the size; n may be far beyond a double).
    /// </summary>
    internal static double LnBinomial(BigInteger n, BigInteger j)
    {
        if (n.GetBitLength() <= 50)
        {
            var (nd, jd) = ((double)n, (double)j);
            var m = nd - jd;
            return (jd * Math.Log(nd / jd)) + (m * Math.Log(1 + (jd / m))) + (0.5 * Math.Log(nd / (2 * Math.PI * jd * m)));
        }

        // Here C(n, j) ≥ 2^j: a j that does not fit a double is hopeless anyway.
        if (j.GetBitLength() > 1000)
        {
            return double.PositiveInfinity;
        }

        var lnN = BigInteger.Log(n);
        var lnJ = BigInteger.Log(j);
        var jD = (double)j;

        // (n − j)·ln(1 + j/(n − j)) is j up to a term in j²/n, negligible or hopeless here.
        return (jD * (lnN - lnJ + 1)) - (0.5 * Math.Log(2 * Math.PI * jD));
    }

    /// <summary>ln k! (Stirling) for k ≥ 1; infinite when k does not fit a double.</summary>
    private static double LnFactorial(BigInteger k)
    {
        if (k.GetBitLength() > 1000)
        {
            return double.PositiveInfinity;
        }

        var x = (double)k;
        return (x * Math.Log(x / Math.E)) + (0.5 * Math.Log(2 * Math.PI * x)) + (1 / (12 * x));
    }

    /// <summary>The estimate is good to a fraction of a digit; right at the limit, count exactly.</summary>
    private static BigInteger CheckedNearLimit(BigInteger result, double estimatedDigits, NumericContext ctx)
    {
        if (estimatedDigits > ctx.MaxDigits - 2)
        {
            ctx.CheckDigits(IntegerMath.DigitCount(result));
        }

        return result;
    }

    /// <summary>from·(from + 1)···(from + count − 1) by binary splitting, so the operands stay balanced.</summary>
    internal static BigInteger ProductOfRange(BigInteger from, long count)
    {
        if (count <= 16)
        {
            var product = BigInteger.One;
            for (var i = 0; i < count; i++)
            {
                product *= from + i;
            }

            return product;
        }

        var half = count / 2;
        return ProductOfRange(from, half) * ProductOfRange(from + half, count - half);
    }

    /// <summary>C(n, k) as the product of p^e over the primes p ≤ n, e by Legendre's formula.</summary>
    private static BigInteger BinomialByFactorisation(int n, int k)
    {
        var composite = new bool[n + 1];
        var factors = new List<BigInteger>();
        ulong chunk = 1;
        for (var p = 2; p <= n; p++)
        {
            if (composite[p])
            {
                continue;
            }

            for (var multiple = (long)p * p; multiple <= n; multiple += p)
            {
                composite[multiple] = true;
            }

            var exponent = 0;
            for (long power = p; power <= n; power *= p)
            {
                exponent += (int)((n / power) - (k / power) - ((n - k) / power));
            }

            for (var i = 0; i < exponent; i++)
            {
                // Gather small prime powers into a machine word before they become big integers.
                var high = Math.BigMul(chunk, (ulong)p, out var low);
                if (high != 0)
                {
                    factors.Add(chunk);
                    chunk = (ulong)p;
                }
                else
                {
                    chunk = low;
                }
            }
        }

        factors.Add(chunk);
        return ProductTree(factors, 0, factors.Count);
    }

    private static BigInteger ProductTree(List<BigInteger> factors, int from, int to)
    {
        if (to - from == 1)
        {
            return factors[from];
        }

        var mid = from + ((to - from) / 2);
        return ProductTree(factors, from, mid) * ProductTree(factors, mid, to);
    }
}
