using System.Globalization;
using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>Integer algorithms on <see cref="BigInteger"/> used by exact and approximate arithmetic.</summary>
internal static class IntegerMath
{
    /// <summary>log10(2): decimal digits per bit.</summary>
    public const double Log10Of2 = 0.30102999566398119521;

    private const int CachedPowersOfTen = 512;

    // Below this size the runtime's quadratic conversion is faster than splitting.
    private const long DivideAndConquerBits = 20_000;

    private const int ChunkDigits = 1_000;

    private static readonly BigInteger[] PowersOfTen = BuildPowersOfTen();

    private static readonly ulong[] PowersOfTen64 =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
        10_000_000_000_000_000_000,
    ];

    /// <summary>10^<paramref name="k"/>; cached for small <paramref name="k"/>.</summary>
    /// <param name="k">A non-negative exponent.</param>
    public static BigInteger Pow10(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return k < CachedPowersOfTen ? PowersOfTen[k] : BigInteger.Pow(10, k);
    }

    /// <summary>
    /// The decimal text of <paramref name="x"/> in the invariant culture (<c>-</c> for negatives).
    /// Large values are split by divide and conquer on powers of ten, because
    /// <see cref="BigInteger.ToString()"/> is quadratic and takes many seconds for a million digits.
    /// </summary>
    /// <param name="x">Any integer.</param>
    public static string ToDecimalString(BigInteger x)
    {
        if (x.GetBitLength() <= DivideAndConquerBits)
        {
            return x.ToString(CultureInfo.InvariantCulture);
        }

        var negative = x.Sign < 0;
        if (negative)
        {
            x = -x;
        }

        // powers[i] = 10^(ChunkDigits·2^i); the top level covers all the digits of x.
        var approxDigits = (long)(x.GetBitLength() * Log10Of2) + 1;
        var powers = new List<BigInteger> { Pow10(ChunkDigits) };
        while ((long)ChunkDigits << powers.Count < approxDigits)
        {
            powers.Add(powers[^1] * powers[^1]);
        }

        var buffer = new char[(long)ChunkDigits << powers.Count];
        WriteDigits(x, buffer, powers, powers.Count);
        var start = Array.FindIndex(buffer, c => c != '0');
        var length = buffer.Length - start;
        return negative
            ? string.Concat("-", new ReadOnlySpan<char>(buffer, start, length))
            : new string(buffer, start, length);
    }

    /// <summary>The number of bits of |<paramref name="x"/>| (0 for 0).</summary>
    /// <param name="x">Any integer.</param>
    public static long BitLength(BigInteger x)
    {
        // GetBitLength of a negative number counts its two's complement form, one short for -2^k.
        return x.Sign < 0 ? BigInteger.Abs(x).GetBitLength() : x.GetBitLength();
    }

    /// <summary>The exact number of decimal digits of |<paramref name="x"/>|; 1 for 0.</summary>
    /// <param name="x">Any integer.</param>
    public static long DigitCount(BigInteger x)
    {
        if (x.Sign < 0)
        {
            x = -x;
        }

        if (x < ulong.MaxValue)
        {
            return DigitCount((ulong)x);
        }

        // 2^(b-1) <= x < 2^b brackets the count to two candidates; one comparison decides.
        var bits = x.GetBitLength();
        var low = (long)((bits - 1) * Log10Of2) + 1;
        var high = (long)(bits * Log10Of2) + 1;
        if (low == high)
        {
            return low;
        }

        return x >= Pow10Long(high - 1) ? high : low;
    }

    /// <summary>The number of decimal digits of <paramref name="x"/>; 1 for 0.</summary>
    /// <param name="x">Any unsigned integer.</param>
    public static int DigitCount(ulong x)
    {
        // From the bit length: x has the estimated count of digits or one more (no division).
        var estimate = (int)(((64 - BitOperations.LeadingZeroCount(x)) * 1233L) >> 12);
        return estimate < PowersOfTen64.Length && x >= PowersOfTen64[estimate] ? estimate + 1 : Math.Max(estimate, 1);
    }

    /// <summary>10^<paramref name="k"/> for 0 ≤ k ≤ 19, the powers of ten that fit a <see cref="ulong"/>.</summary>
    /// <param name="k">The exponent, 0 to 19.</param>
    internal static ulong Pow10Small(int k) => PowersOfTen64[k];

    // BigInteger's gcd is quadratic and cannot be interrupted: about a second for two numbers of
    // a million bits, ten for the digit limit's. From this size on it is refused before it starts
    // when it would end past the statement's time limit (SPEC §8), by this estimate of its cost
    // (seconds per product of the operands' bit lengths, measured on the CI machines with margin).
    private const long TimedGcdBits = 100_000;
    private const double GcdSecondsPerBitSquared = 2e-12;

    /// <summary>The greatest common divisor of |a| and |b|; gcd(0, 0) = 0.</summary>
    /// <param name="a">Any integer.</param>
    /// <param name="b">Any integer.</param>
    public static BigInteger Gcd(BigInteger a, BigInteger b)
    {
        var (x, y) = (a.GetBitLength(), b.GetBitLength());
        if (Math.Min(x, y) >= TimedGcdBits)
        {
            StatementBudget.CheckRoomFor(GcdSecondsPerBitSquared * x * y);
        }

        return BigInteger.GreatestCommonDivisor(a, b);
    }

    /// <summary>The least common multiple of |a| and |b|; 0 when either is 0.</summary>
    /// <param name="a">Any integer.</param>
    /// <param name="b">Any integer.</param>
    public static BigInteger Lcm(BigInteger a, BigInteger b)
    {
        if (a.IsZero || b.IsZero)
        {
            return BigInteger.Zero;
        }

        return BigInteger.Abs(a / Gcd(a, b) * b);
    }

    /// <summary>The greatest common divisor of two unsigned integers (binary gcd); gcd(0, 0) = 0.</summary>
    /// <param name="a">An unsigned integer.</param>
    /// <param name="b">An unsigned integer.</param>
    public static ulong Gcd(ulong a, ulong b)
    {
        if (a == 0)
        {
            return b;
        }

        if (b == 0)
        {
            return a;
        }

        var shift = BitOperations.TrailingZeroCount(a | b);
        a >>= BitOperations.TrailingZeroCount(a);
        do
        {
            b >>= BitOperations.TrailingZeroCount(b);
            if (a > b)
            {
                (a, b) = (b, a);
            }

            b -= a;
        }
        while (b != 0);

        return a << shift;
    }

    /// <summary>
    /// n! computed by binary splitting. The digit count is estimated with Stirling's formula
    /// first, so a hopeless request fails at once.
    /// </summary>
    /// <param name="n">A non-negative integer.</param>
    /// <param name="ctx">Supplies the digit limit.</param>
    /// <exception cref="NumericException">
    /// <paramref name="n"/> is negative (<see cref="NumericErrorKind.Domain"/>) or the result
    /// would exceed the digit limit (<see cref="NumericErrorKind.Limit"/>).
    /// </exception>
    public static BigInteger Factorial(BigInteger n, NumericContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (n.Sign < 0)
        {
            throw new NumericException(NumericErrorKind.Domain, NumericMessages.FactorialOfNegative);
        }

        if (n < 2)
        {
            return BigInteger.One;
        }

        if (n > 1_000_000_000_000_000)
        {
            // log10(n!) ≈ n·log10(n), so log10 of the digit count is about log10(n) + log10(log10(n)).
            var log10N = BigInteger.Log10(n);
            throw new NumericException(NumericErrorKind.Limit, NumericMessages.TooManyDigitsLog10(log10N + Math.Log10(log10N)));
        }

        ctx.CheckDigits(FactorialDigits((double)n));
        return ProductOfRange(1, (long)n);
    }

    /// <summary>About how many decimal digits n! has (Stirling), for any n ≥ 1.</summary>
    /// <param name="n">A positive number.</param>
    public static double FactorialDigits(double n) =>
        n < 2 ? 1 : Math.Floor((n * Math.Log10(n / Math.E)) + (0.5 * Math.Log10(2 * Math.PI * n)) + (1 / (12 * n * Math.Log(10)))) + 1;

    /// <summary>
    /// The integer n-th root: the largest r ≥ 0 with r^n ≤ <paramref name="x"/>.
    /// </summary>
    /// <param name="x">A non-negative integer.</param>
    /// <param name="n">The root index, at least 1.</param>
    /// <param name="exact">Whether r^n equals <paramref name="x"/>.</param>
    public static BigInteger IntegerRoot(BigInteger x, int n, out bool exact)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x.Sign);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (n == 1 || x < 2)
        {
            exact = true;
            return x;
        }

        if (n == 2)
        {
            return Sqrt(x, out exact);
        }

        var bits = x.GetBitLength();
        if (n >= bits)
        {
            // 1 <= root < 2 because x < 2^bits <= 2^n.
            exact = false;
            return BigInteger.One;
        }

        var r = RootEstimateAbove(x, n);

        // Newton from above decreases monotonically to the floor root.
        while (true)
        {
            StatementBudget.Check(bits);
            var next = (((n - 1) * r) + (x / BigInteger.Pow(r, n - 1))) / n;
            if (next >= r)
            {
                break;
            }

            r = next;
        }

        var power = BigInteger.Pow(r, n);
        while (power > x)
        {
            r--;
            power = BigInteger.Pow(r, n);
        }

        while (BigInteger.Pow(r + 1, n) <= x)
        {
            r++;
            power = BigInteger.Pow(r, n);
        }

        exact = power == x;
        return r;
    }

    /// <summary>
    /// The floor square root of <paramref name="x"/>. Recursive on the top half of the bits,
    /// so the cost is one division per level and one full-size square at the end.
    /// </summary>
    /// <param name="x">A non-negative integer.</param>
    public static BigInteger Sqrt(BigInteger x) => Sqrt(x, out _);

    /// <summary>The floor square root of <paramref name="x"/> and whether it is exact.</summary>
    /// <param name="x">A non-negative integer.</param>
    /// <param name="exact">Whether the root squared is <paramref name="x"/>.</param>
    public static BigInteger Sqrt(BigInteger x, out bool exact)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x.Sign);
        if (x < ulong.MaxValue)
        {
            var small = SqrtSmall((ulong)x);
            exact = small * small == x;
            return small;
        }

        // The floor is fixed from the remainder x − r², one square for the whole recursion.
        var r = SqrtNear(x);
        var remainder = x - (r * r);
        while (remainder.Sign < 0)
        {
            remainder += (2 * r) - 1;
            r--;
        }

        while (remainder > 2 * r)
        {
            r++;
            remainder -= (2 * r) - 1;
        }

        exact = remainder.IsZero;
        return r;
    }

    /// <summary>√x within a few units (x at least 2^64), by Newton steps on the top half of the bits.</summary>
    private static BigInteger SqrtNear(BigInteger x)
    {
        if (x < ulong.MaxValue)
        {
            return SqrtSmall((ulong)x);
        }

        var bits = x.GetBitLength();

        // With s within a few units of √(x >> 2k), (s << k) is within about 2^(k+3) of √x; one
        // Newton step squares the relative error, which leaves a unit or two for this k, so no
        // level needs the exact floor.
        var k = (int)((bits / 4) - 2);
        var r = SqrtNear(x >> (2 * k)) << k;
        StatementBudget.Check(bits);
        if (r.IsZero)
        {
            r = BigInteger.One;
        }

        return (r + (x / r)) >> 1;
    }

    private static BigInteger SqrtSmall(ulong x)
    {
        var r = (ulong)Math.Sqrt(x);

        // The double square root can be off by one either way near 2^64.
        while (r > 0 && (r > uint.MaxValue || r * r > x))
        {
            r--;
        }

        while (r + 1 <= uint.MaxValue && (r + 1) * (r + 1) <= x)
        {
            r++;
        }

        return r;
    }

    /// <summary>A value just above the n-th root of x, within a relative 2^-19 of it.</summary>
    private static BigInteger RootEstimateAbove(BigInteger x, int n)
    {
        var log2Root = BigInteger.Log(x, 2) / n;
        if (log2Root < 50)
        {
            return new BigInteger(Math.Ceiling(Math.Pow(2, log2Root) * (1 + 1e-9))) + 1;
        }

        // Keep 52 bits of the root's mantissa from the double and shift the rest in.
        var shift = (int)Math.Floor(log2Root) - 52;
        var mantissa = new BigInteger(Math.Ceiling(Math.Pow(2, log2Root - shift)));
        var estimate = mantissa << shift;

        // The double logarithm of a million-digit x is good to about 1e-9 relative; stay above it.
        return estimate + (estimate >> 20) + 1;
    }

    private static BigInteger ProductOfRange(long from, long to)
    {
        if (to - from < 16)
        {
            // Multiply in a ulong while it cannot overflow, so leaves stay cheap.
            var result = BigInteger.One;
            ulong chunk = 1;
            for (var i = from; i <= to; i++)
            {
                var hi = Math.BigMul(chunk, (ulong)i, out var lo);
                if (hi != 0)
                {
                    result *= chunk;
                    chunk = (ulong)i;
                }
                else
                {
                    chunk = lo;
                }
            }

            return result * chunk;
        }

        var mid = from + ((to - from) / 2);
        var low = ProductOfRange(from, mid);
        var high = ProductOfRange(mid + 1, to);
        StatementBudget.Check(high.GetBitLength());
        return low * high;
    }

    /// <summary>Writes x, which is below 10^(ChunkDigits·2^level), zero-padded to fill <paramref name="dest"/>.</summary>
    private static void WriteDigits(BigInteger x, Span<char> dest, List<BigInteger> powers, int level)
    {
        if (level == 0)
        {
            var text = x.ToString(CultureInfo.InvariantCulture);
            dest[..^text.Length].Fill('0');
            text.AsSpan().CopyTo(dest[^text.Length..]);
            return;
        }

        var half = dest.Length / 2;
        if (x.IsZero)
        {
            dest.Fill('0');
            return;
        }

        StatementBudget.Check(x.GetBitLength());
        var high = BigInteger.DivRem(x, powers[level - 1], out var low);
        WriteDigits(high, dest[..half], powers, level - 1);
        WriteDigits(low, dest[half..], powers, level - 1);
    }

    private static BigInteger Pow10Long(long k) =>
        k <= int.MaxValue ? Pow10((int)k) : throw new ArgumentOutOfRangeException(nameof(k));

    private static BigInteger[] BuildPowersOfTen()
    {
        var powers = new BigInteger[CachedPowersOfTen];
        powers[0] = BigInteger.One;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
