using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// The Bernoulli numbers B_2, B_4, … as exact rationals, for the Stirling series of lgamma.
/// They come from the tangent numbers T_k by B_2k = (−1)^(k−1)·2k·T_k / (2^2k·(2^2k − 1)), and
/// the tangent numbers from the integer recurrence of Brent and Harvey ("Fast computation of
/// Bernoulli, tangent and secant numbers", 2011): O(n²) additions and small multiplications,
/// no fractions. The table is kept and grows when a higher precision needs more terms. The
/// fractions are exact but not reduced: a gcd of numbers of 50 000 bits per entry would cost
/// more than the recurrence, and a ball of n/d does not care.
/// </summary>
internal static class Bernoulli
{
    /// <summary>
    /// The most numbers the table may hold: building it costs about n³·log n (n = 2400 takes
    /// half a minute). lgamma uses the Stirling series only for x above 4 to 8 times the
    /// working bits, where 10 000 digits need about 1800.
    /// </summary>
    public const int MaxCount = 2500;

    private static (BigInteger Numerator, BigInteger Denominator)[] s_table = [];

    /// <summary>B_2, B_4, …, B_2n: element k − 1 is B_2k.</summary>
    /// <param name="count">n, at most <see cref="MaxCount"/>.</param>
    public static ReadOnlySpan<(BigInteger Numerator, BigInteger Denominator)> Table(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        var table = Volatile.Read(ref s_table);
        if (table.Length >= count)
        {
            return table.AsSpan(0, count);
        }

        // Headroom, so a precision rising by doubling does not rebuild the table every time;
        // another thread may build one too, and the longer one is kept.
        var target = Math.Min(MaxCount, Math.Max(count, Math.Max(16, table.Length * 3 / 2)));
        var built = Compute(target);
        var current = Volatile.Read(ref s_table);
        if (current.Length < built.Length)
        {
            Interlocked.CompareExchange(ref s_table, built, current);
        }

        return built.AsSpan(0, count);
    }

    private static (BigInteger Numerator, BigInteger Denominator)[] Compute(int n)
    {
        var t = new BigInteger[n + 1];
        t[1] = BigInteger.One;
        for (var k = 2; k <= n; k++)
        {
            t[k] = (k - 1) * t[k - 1];
        }

        for (var k = 2; k <= n; k++)
        {
            StatementBudget.Check(t[n].GetBitLength());
            for (var j = k; j <= n; j++)
            {
                t[j] = ((j - k) * t[j - 1]) + ((j - k + 2) * t[j]);
            }
        }

        var result = new (BigInteger, BigInteger)[n];
        for (var k = 1; k <= n; k++)
        {
            // 2k·T_k/2^2k: the power of two cancels against the numerator's factors of two by a shift.
            var numerator = 2 * k * t[k];
            var twos = (int)BigInteger.Min(2 * k, BigInteger.TrailingZeroCount(numerator));
            var power = BigInteger.One << (2 * k);
            result[k - 1] = (k % 2 == 1 ? numerator >> twos : -(numerator >> twos), (power - 1) << ((2 * k) - twos));
        }

        return result;
    }
}
