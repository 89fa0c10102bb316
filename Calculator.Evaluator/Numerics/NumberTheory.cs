using System.Globalization;
using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// Modular arithmetic and primality on <see cref="BigInteger"/> (SPEC §4). Expected failures throw
/// <see cref="NumericException"/>; callers that know which argument is at fault re-throw them as
/// <see cref="NumericArgumentException"/>.
/// </summary>
internal static class NumberTheory
{
    /// <summary>
    /// Miller–Rabin with the prime bases 2 to 41 has no strong pseudoprime below this bound
    /// (ψ13, Sorenson and Webster 2015), so below it the test is a proof.
    /// </summary>
    public static readonly BigInteger DeterministicBound =
        BigInteger.Parse("3317044064679887385961981", CultureInfo.InvariantCulture);

    private static readonly int[] WitnessBases = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41];

    // Trial division by these first takes the cheap composites out before any modular power.
    private const int TrialDivisionBound = 1000;

    // Candidates for next/prevprime are sieved by the primes below this bound in windows.
    private const int SieveBound = 1 << 16;
    private const int WindowSize = 1 << 14;

    private static readonly int[] SmallPrimes = PrimesBelow(SieveBound);

    // From this modulus size on, modular powers take the checked loop below.
    private const int CheckedPowerBits = 1024;

    /// <summary>a^b mod m in [0, m) for b ≥ 0 and m ≥ 1; a may be negative.</summary>
    public static BigInteger PowMod(BigInteger a, BigInteger b, BigInteger m)
    {
        if (m.IsOne)
        {
            return BigInteger.Zero;
        }

        var x = NonNegativeMod(a, m);
        return m.GetBitLength() < CheckedPowerBits ? BigInteger.ModPow(x, b, m) : WindowedPowMod(x, b, m);
    }

    /// <summary>
    /// x^e mod m, left to right in 5-bit windows, with the statement's time checked at every
    /// squaring. For a modulus of thousands of digits one modular power takes seconds, too long to
    /// run with no check (SPEC §8), and there BigInteger.ModPow is slower than this loop
    /// (docs/performance.md).
    /// </summary>
    private static BigInteger WindowedPowMod(BigInteger x, BigInteger e, BigInteger m)
    {
        const int Window = 5;
        var bits = (long)m.GetBitLength();
        var table = new BigInteger[1 << Window];
        table[0] = BigInteger.One;
        for (var k = 1; k < table.Length; k++)
        {
            table[k] = table[k - 1] * x % m;
        }

        var result = BigInteger.One;
        for (var chunk = (int)((e.GetBitLength() + Window - 1) / Window) - 1; chunk >= 0; chunk--)
        {
            for (var square = 0; square < Window; square++)
            {
                StatementBudget.Check(bits);
                result = result * result % m;
            }

            var digit = (int)((e >> (chunk * Window)) & (table.Length - 1));
            if (digit != 0)
            {
                result = result * table[digit] % m;
            }
        }

        return result;
    }

    /// <summary>The inverse of a modulo m ≥ 1 in [0, m), when gcd(a, m) = 1.</summary>
    public static bool TryModInverse(BigInteger a, BigInteger m, out BigInteger inverse)
    {
        // Extended Euclid on (a mod m, m), keeping only the coefficient of a.
        var (oldR, r) = (NonNegativeMod(a, m), m);
        var (oldS, s) = (BigInteger.One, BigInteger.Zero);
        while (!r.IsZero)
        {
            StatementBudget.Check(r.GetBitLength());
            var q = BigInteger.DivRem(oldR, r, out var rest);
            (oldR, r) = (r, rest);
            (oldS, s) = (s, oldS - (q * s));
        }

        inverse = NonNegativeMod(oldS, m);
        if (m.IsOne)
        {
            inverse = BigInteger.Zero;
            return true;
        }

        return oldR.IsOne;
    }

    /// <summary>
    /// Whether n is prime: a proof below <see cref="DeterministicBound"/> (Miller–Rabin with the
    /// 13 prime bases 2 to 41), Baillie–PSW above it (a strong base-2 test and a strong Lucas
    /// test with Selfridge's parameters; no composite is known to pass it).
    /// </summary>
    public static bool IsPrime(BigInteger n)
    {
        if (n < 2)
        {
            return false;
        }

        if (n <= ulong.MaxValue)
        {
            return IsPrime((ulong)n);
        }

        foreach (var p in SmallPrimes)
        {
            if (p >= TrialDivisionBound)
            {
                break;
            }

            if ((n % p).IsZero)
            {
                return false;
            }
        }

        if (n < DeterministicBound)
        {
            return WitnessBases.All(a => IsStrongProbablePrime(n, a));
        }

        return IsStrongProbablePrime(n, 2) && IsStrongLucasProbablePrime(n);
    }

    /// <summary>Whether n is prime, for 64-bit n (the same proof on machine words).</summary>
    public static bool IsPrime(ulong n)
    {
        if (n < 2)
        {
            return false;
        }

        foreach (var p in SmallPrimes)
        {
            if (p >= TrialDivisionBound)
            {
                break;
            }

            if (n % (ulong)p == 0)
            {
                return n == (ulong)p;
            }
        }

        if (n < TrialDivisionBound * TrialDivisionBound)
        {
            return true;
        }

        var d = n - 1;
        var s = BitOperations.TrailingZeroCount(d);
        d >>= s;
        foreach (var a in WitnessBases)
        {
            var x = PowMod((ulong)a, d, n);
            if (x == 1 || x == n - 1)
            {
                continue;
            }

            var witnessed = true;
            for (var i = 1; i < s && witnessed; i++)
            {
                x = MulMod(x, x, n);
                witnessed = x != n - 1;
            }

            if (witnessed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The least prime above n.</summary>
    public static BigInteger NextPrime(BigInteger n) =>
        n < 2 ? 2 : Search(n + 1, +1);

    /// <summary>The greatest prime below n, for n ≥ 3.</summary>
    public static BigInteger PrevPrime(BigInteger n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 3);
        return Search(n - 1, -1);
    }

    /// <summary>The first prime from <paramref name="start"/> on, stepping by <paramref name="direction"/>.</summary>
    private static BigInteger Search(BigInteger start, int direction)
    {
        if (start < (long)SieveBound * SieveBound)
        {
            var candidate = (ulong)start;
            while (!IsPrime(candidate))
            {
                candidate = direction > 0 ? candidate + 1 : candidate - 1;
            }

            return candidate;
        }

        // Sieve a window of candidates by the small primes (one big remainder per prime, not per
        // candidate), then test only the survivors: about 1 in 22 numbers near 10^1000.
        var composite = new bool[WindowSize];
        while (true)
        {
            StatementBudget.Check(start.GetBitLength());
            Array.Clear(composite);
            foreach (var p in SmallPrimes)
            {
                var r = (int)(start % p);

                // Offset of the first multiple of p at or after start in the search direction.
                var first = direction > 0 ? (p - r) % p : r;
                for (var i = first; i < WindowSize; i += p)
                {
                    composite[i] = true;
                }
            }

            for (var i = 0; i < WindowSize; i++)
            {
                if (composite[i])
                {
                    continue;
                }

                var candidate = start + (direction * i);
                if (IsStrongProbablePrime(candidate, 2) && IsPrime(candidate))
                {
                    return candidate;
                }
            }

            start += direction * WindowSize;
        }
    }

    /// <summary>The strong probable-prime test to base a, for odd n &gt; a.</summary>
    internal static bool IsStrongProbablePrime(BigInteger n, int a)
    {
        var nMinusOne = n - 1;
        var s = (int)BigInteger.TrailingZeroCount(nMinusOne);
        var x = PowMod(a, nMinusOne >> s, n);
        if (x.IsOne || x == nMinusOne)
        {
            return true;
        }

        for (var i = 1; i < s; i++)
        {
            StatementBudget.Check(n.GetBitLength());
            x = x * x % n;
            if (x == nMinusOne)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The strong Lucas probable-prime test with Selfridge's method A: D is the first of 5, −7, 9,
    /// −11, … with Jacobi symbol (D/n) = −1, P = 1, Q = (1 − D)/4. For odd n that is not a square.
    /// </summary>
    internal static bool IsStrongLucasProbablePrime(BigInteger n)
    {
        // A square has no D with (D/n) = −1, so the search below would not end.
        var root = IntegerMath.Sqrt(n);
        if (root * root == n)
        {
            return false;
        }

        var d = 5;
        while (true)
        {
            var j = Jacobi(d, n);
            if (j == -1)
            {
                break;
            }

            // gcd(D, n) > 1 with |D| far below n: n has a small factor.
            if (j == 0)
            {
                return false;
            }

            d = d > 0 ? -(d + 2) : -d + 2;
        }

        var q = new BigInteger((1 - d) / 4);

        // n + 1 = k·2^s with k odd; walk the bits of k from the top: (U, V, Q^m) for m = 1, then
        // m → 2m and, on a one bit, m → m + 1.
        var nPlusOne = n + 1;
        var s = (int)BigInteger.TrailingZeroCount(nPlusOne);
        var k = nPlusOne >> s;
        BigInteger u = 1, v = 1, qm = NonNegativeMod(q, n);
        for (var bit = (int)k.GetBitLength() - 2; bit >= 0; bit--)
        {
            StatementBudget.Check(n.GetBitLength());
            u = u * v % n;
            v = NonNegativeMod((v * v) - (2 * qm), n);
            qm = qm * qm % n;
            if (!(k >> bit).IsEven)
            {
                (u, v) = (Half(u + v, n), Half((d * u) + v, n));
                qm = NonNegativeMod(qm * q, n);
            }
        }

        if (u.IsZero || v.IsZero)
        {
            return true;
        }

        for (var r = 1; r < s; r++)
        {
            StatementBudget.Check(n.GetBitLength());
            v = NonNegativeMod((v * v) - (2 * qm), n);
            if (v.IsZero)
            {
                return true;
            }

            qm = qm * qm % n;
        }

        return false;
    }

    /// <summary>x/2 modulo odd n, in [0, n).</summary>
    private static BigInteger Half(BigInteger x, BigInteger n)
    {
        x = NonNegativeMod(x, n);
        return (x.IsEven ? x : x + n) >> 1;
    }

    /// <summary>The Jacobi symbol (a/n) for odd n &gt; 0.</summary>
    private static int Jacobi(BigInteger a, BigInteger n)
    {
        a = NonNegativeMod(a, n);
        var result = 1;
        while (!a.IsZero)
        {
            var twos = (int)BigInteger.TrailingZeroCount(a);
            a >>= twos;
            var n8 = (int)(n & 7);
            if ((twos & 1) == 1 && (n8 == 3 || n8 == 5))
            {
                result = -result;
            }

            // Quadratic reciprocity: the sign flips when both are 3 mod 4.
            if ((a & 3) == 3 && (n & 3) == 3)
            {
                result = -result;
            }

            (a, n) = (n % a, a);
        }

        return n.IsOne ? result : 0;
    }

    private static BigInteger NonNegativeMod(BigInteger a, BigInteger m)
    {
        var r = BigInteger.Remainder(a, m);
        return r.Sign < 0 ? r + m : r;
    }

    private static ulong MulMod(ulong a, ulong b, ulong m) => (ulong)((UInt128)a * b % m);

    private static ulong PowMod(ulong b, ulong e, ulong m)
    {
        ulong result = 1;
        b %= m;
        while (e != 0)
        {
            if ((e & 1) == 1)
            {
                result = MulMod(result, b, m);
            }

            b = MulMod(b, b, m);
            e >>= 1;
        }

        return result;
    }

    private static int[] PrimesBelow(int bound)
    {
        var composite = new bool[bound];
        var primes = new List<int>();
        for (var i = 2; i < bound; i++)
        {
            if (composite[i])
            {
                continue;
            }

            primes.Add(i);
            for (var j = (long)i * i; j < bound; j += i)
            {
                composite[j] = true;
            }
        }

        return [.. primes];
    }
}
