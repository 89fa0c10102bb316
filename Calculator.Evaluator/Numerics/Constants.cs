using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// Balls of pi, e, ln 2, ln 10, √2, √5 and phi at any precision. Series are summed exactly by
/// binary splitting, so the cost is a few multiplications and one division at full size. Each
/// constant keeps the most precise ball computed so far; lower precisions round it.
/// </summary>
internal static class Constants
{
    private static readonly ConstantCache PiCache = new(ComputePi);
    private static readonly ConstantCache ECache = new(ComputeE);
    private static readonly ConstantCache Ln2Cache = new(ComputeLn2);
    private static readonly ConstantCache Ln10Cache = new(ComputeLn10);
    private static readonly ConstantCache Sqrt2Cache = new(bits => Ball.Sqrt(Ball.FromInteger(2), bits));
    private static readonly ConstantCache Sqrt5Cache = new(bits => Ball.Sqrt(Ball.FromInteger(5), bits));

    /// <summary>pi to <paramref name="bits"/> bits.</summary>
    /// <param name="bits">The working precision.</param>
    public static Ball Pi(int bits) => PiCache.Get(bits);

    /// <summary>tau = 2·pi to <paramref name="bits"/> bits.</summary>
    /// <param name="bits">The working precision.</param>
    public static Ball Tau(int bits) => Pi(bits).MulPow2(1);

    /// <summary>Euler's number e to <paramref name="bits"/> bits.</summary>
    /// <param name="bits">The working precision.</param>
    public static Ball E(int bits) => ECache.Get(bits);

    /// <summary>ln 2 to <paramref name="bits"/> bits.</summary>
    /// <param name="bits">The working precision.</param>
    public static Ball Ln2(int bits) => Ln2Cache.Get(bits);

    /// <summary>ln 10 to <paramref name="bits"/> bits.</summary>
    /// <param name="bits">The working precision.</param>
    public static Ball Ln10(int bits) => Ln10Cache.Get(bits);

    /// <summary>√2 to <paramref name="bits"/> bits.</summary>
    /// <param name="bits">The working precision.</param>
    public static Ball Sqrt2(int bits) => Sqrt2Cache.Get(bits);

    /// <summary>The golden ratio (1 + √5)/2 to <paramref name="bits"/> bits.</summary>
    /// <param name="bits">The working precision.</param>
    public static Ball Phi(int bits) => Ball.Add(Ball.One, Sqrt5Cache.Get(bits + 2), bits + 2).MulPow2(-1).Round(bits);

    // Chudnovsky: 1/pi = 12 Σ (−1)^k (6k)! (13591409 + 545140134k) / ((3k)! (k!)^3 640320^(3k+3/2)).
    // Each term adds log2(151931373056000) ≈ 47.11 bits and the tail after N terms is below the
    // N-th term times a ratio under 1e-14, so N = bits/47 + 2 leaves an error under 2^-bits.
    internal static Ball ComputePi(int bits)
    {
        var wp = bits + 16;
        var terms = (wp / 47) + 2;
        var (_, q, t) = ChudnovskySplit(0, terms);
        var sqrt10005 = Ball.Sqrt(Ball.FromInteger(10005), wp);
        var numerator = Ball.Multiply(sqrt10005, 426880 * q, wp);
        return Ball.Divide(numerator, Ball.FromInteger(t), wp).AddError(1 - wp, wp).Round(bits);
    }

    private static (BigInteger P, BigInteger Q, BigInteger T) ChudnovskySplit(long a, long b)
    {
        if (b - a == 1)
        {
            if (a == 0)
            {
                return (BigInteger.One, BigInteger.One, 13591409);
            }

            // The minus sign in every factor makes the products alternate.
            var p = -(BigInteger)((6 * a) - 5) * ((2 * a) - 1) * ((6 * a) - 1);
            var q = (BigInteger)a * a * a * 10939058860032000;
            var t = p * (13591409 + (545140134 * (BigInteger)a));
            return (p, q, t);
        }

        var m = (a + b) / 2;
        var (p1, q1, t1) = ChudnovskySplit(a, m);
        var (p2, q2, t2) = ChudnovskySplit(m, b);
        StatementBudget.Check(q2.GetBitLength());
        return (p1 * p2, q1 * q2, (t1 * q2) + (p1 * t2));
    }

    // e = Σ 1/k!; the tail after N terms is below 2/N!.
    internal static Ball ComputeE(int bits)
    {
        var wp = bits + 16;
        var terms = 2;
        var log2Factorial = 1.0;
        while (log2Factorial < wp + 2)
        {
            terms++;
            log2Factorial += Math.Log2(terms);
        }

        // Σ_{k=1}^{N} 1/k! = T/Q with Q = N!.
        var (q, t) = FactorialSplit(1, terms + 1);
        var sum = Ball.Divide(Ball.FromInteger(t), Ball.FromInteger(q), wp);
        return Ball.Add(Ball.One, sum, wp).AddError(-wp, wp).Round(bits);
    }

    private static (BigInteger Q, BigInteger T) FactorialSplit(long a, long b)
    {
        if (b - a == 1)
        {
            return (a, BigInteger.One);
        }

        var m = (a + b) / 2;
        var (q1, t1) = FactorialSplit(a, m);
        var (q2, t2) = FactorialSplit(m, b);
        StatementBudget.Check(q2.GetBitLength());
        return (q1 * q2, (t1 * q2) + t2);
    }

    // ln 2 = 18 atanh(1/26) − 2 atanh(1/4801) + 8 atanh(1/8749).
    internal static Ball ComputeLn2(int bits)
    {
        var wp = bits + 16;
        var sum = Ball.Multiply(AtanhInverse(26, wp), 18, wp);
        sum = Ball.Subtract(sum, Ball.Multiply(AtanhInverse(4801, wp), 2, wp), wp);
        sum = Ball.Add(sum, Ball.Multiply(AtanhInverse(8749, wp), 8, wp), wp);
        return sum.Round(bits);
    }

    // ln 10 = 3 ln 2 + ln(5/4) = 3 ln 2 + 2 atanh(1/9).
    private static Ball ComputeLn10(int bits)
    {
        var wp = bits + 16;
        var sum = Ball.Multiply(Ln2(wp), 3, wp);
        return Ball.Add(sum, AtanhInverse(9, wp).MulPow2(1), wp).Round(bits);
    }

    /// <summary>
    /// atanh(1/q) = Σ 1/((2k+1) q^(2k+1)) for an integer q ≥ 2; the tail after N terms is below
    /// 2·q^−(2N+1).
    /// </summary>
    internal static Ball AtanhInverse(long q, int bits) => InverseTangentSeries(1, q, alternating: false, bits);

    /// <summary>
    /// Σ (±1)^k x^(2k+1)/(2k+1) for x = p/q with 0 &lt; |p| &lt; q (atan x when
    /// <paramref name="alternating"/>, atanh x otherwise), summed exactly by binary splitting;
    /// the tail after N terms is below 2·|x|^(2N+1) (for atanh, |x| ≤ 1/2 keeps 1/(1 − x²) under 2).
    /// </summary>
    internal static Ball InverseTangentSeries(BigInteger p, BigInteger q, bool alternating, int bits)
    {
        var log2Ratio = BigInteger.Log(q, 2) - BigInteger.Log(BigInteger.Abs(p), 2);
        var terms = (long)Math.Ceiling(((bits + 6) / log2Ratio / 2) + 1);
        var ratio = alternating ? -(p * p) : p * p;
        var (_, bq, b, t) = InverseTangentSplit(ratio, q * q, 0, terms, needP: false);

        // Σ_{k<N} (±p²)^k/((2k+1) q^(2k)) = T/(B·Q); x = p/q is one more factor. T, B and Q have
        // far more digits than the quotient needs: each is rounded first (its error is in the ball).
        var keep = bits + 32;
        var denominator = Ball.Multiply(Ball.FromInteger(b).Round(keep), Ball.FromInteger(bq * q).Round(keep), keep);
        var numerator = Ball.FromInteger(t * p).Round(keep);
        var error = (long)Math.Ceiling(1 - (((2 * terms) + 1) * (log2Ratio - 1e-9)));
        return Ball.Divide(numerator, denominator, bits).AddError(error, bits);
    }

    // Binary splitting of Σ a(k)/b(k)·Π p(j)/q(j) with a = 1, b(k) = 2k+1, p(j) = ratio,
    // q(j) = q² (p(0) = q(0) = 1). P is needed only by left halves (see TaylorSplit.Split).
    private static (BigInteger P, BigInteger Q, BigInteger B, BigInteger T) InverseTangentSplit(
        BigInteger ratio, BigInteger q2, long a, long b, bool needP)
    {
        if (b - a == 1)
        {
            return a == 0 ? (BigInteger.One, BigInteger.One, BigInteger.One, BigInteger.One) : (ratio, q2, (2 * a) + 1, ratio);
        }

        var m = (a + b) / 2;
        var (pl, ql, bl, tl) = InverseTangentSplit(ratio, q2, a, m, needP: true);
        var (pr, qr, br, tr) = InverseTangentSplit(ratio, q2, m, b, needP);
        StatementBudget.Check(qr.GetBitLength() + br.GetBitLength());
        return (needP ? pl * pr : BigInteger.Zero, ql * qr, bl * br, (br * qr * tl) + (bl * pl * tr));
    }

    /// <summary>The most precise ball of one constant computed so far.</summary>
    private sealed class ConstantCache(Func<int, Ball> compute)
    {
        // One reference, so readers on other threads see a bits/value pair that belongs together.
        private Entry? _best;

        public Ball Get(int bits)
        {
            var best = _best;
            if (best is not null && best.Bits >= bits)
            {
                return best.Value.Round(bits);
            }

            // A little headroom, so a slowly rising precision does not recompute every time.
            var target = best is not null && best.Bits * 5 / 4 > bits ? best.Bits * 5 / 4 : bits;
            var value = compute(target);
            _best = new Entry(target, value);
            return value.Round(bits);
        }

        private sealed record Entry(int Bits, Ball Value);
    }
}
