using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// The Taylor series of e^c and sin c at a short dyadic c = p/2^s, summed exactly by binary
/// splitting: the partial sum is one fraction T/(Q·2^S) built from products of integers that
/// grow together, so the cost is a few full-size multiplications per level of the split
/// instead of one full-size multiplication per term. Only the final division rounds, and the
/// truncated tail is bounded and added to the radius.
/// </summary>
internal static class TaylorSplit
{
    /// <summary>e^c for c = p/2^s with |c| ≤ 1/2 (or exact and at most 2^20), to <paramref name="bits"/> bits.</summary>
    public static Ball Exp(BigInteger p, long s, int bits)
    {
        if (p.IsZero)
        {
            return Ball.One;
        }

        // Σ_{k≥1} c^k/k! = Σ_k Π_{j≤k} p/(j·2^s). The tail after N terms is below
        // 2·|c|^(N+1)/(N+1)! once N + 2 ≥ 2|c| (the ratio of consecutive omitted terms is ≤ 1/2).
        var magnitude = IntegerMath.BitLength(BigInteger.Abs(p)) - s;
        var (terms, tailLog2) = TermCount(magnitude, bits, j => Math.Log2(j + 1), j => j, minTerms: (long)Math.Ceiling(Math.Pow(2, magnitude + 1)));
        var (_, q, shift, t) = Split(p, s, 1, terms + 1, SplitKind.Exp, needP: false);
        var sum = Quotient(t, q, shift, bits + 4);
        return Ball.Add(Ball.One, sum, bits + 4).AddError(tailLog2 + 1, bits + 4);
    }

    /// <summary>sin c for c = p/2^s with |c| ≤ 2, to <paramref name="bits"/> bits.</summary>
    public static Ball Sin(BigInteger p, long s, int bits)
    {
        if (p.IsZero)
        {
            return Ball.Zero;
        }

        var (q, shift, t, tailLog2) = SineSum(p, s, bits);
        var c = Ball.FromDyadic(p, -s);
        var sum = Quotient(t, q, shift, bits + 4);
        return Ball.Add(c, Ball.Multiply(c, sum, bits + 4), bits + 4).AddError(tailLog2, bits + 4);
    }

    /// <summary>cos c for c = p/2^s with |c| ≤ 2, to <paramref name="bits"/> bits.</summary>
    public static Ball Cos(BigInteger p, long s, int bits)
    {
        if (p.IsZero)
        {
            return Ball.One;
        }

        var (q, shift, t, tailLog2) = CosineSum(p, s, bits);
        var sum = Quotient(t, q, shift, bits + 4);
        return Ball.Add(Ball.One, sum, bits + 4).AddError(tailLog2, bits + 4);
    }

    /// <summary>
    /// D·cos c and D·sin c for c = p/2^s with |c| ≤ 2 and some D &gt; 0, each to about
    /// <paramref name="bits"/> bits relative to D: the point e^(ic) up to a positive factor. Where
    /// only the direction matters (products of rotations, ratios) this spares the two divisions
    /// that <see cref="Sin"/> and <see cref="Cos"/> end with.
    /// </summary>
    public static (Ball X, Ball Y) CosSinDirection(BigInteger p, long s, int bits)
    {
        if (p.IsZero)
        {
            return (Ball.One, Ball.Zero);
        }

        // sin c = c·(Qs·2^Ss + Ts)/(Qs·2^Ss) + e_s and cos c = (Qc·2^Sc + Tc)/(Qc·2^Sc) + e_c with
        // |e| ≤ 2^tail, so with D = Qs·Qc: D·sin c = c·(Qs·2^Ss + Ts)·2^−Ss·Qc + e_s·D, and alike.
        var work = bits + 8;
        var (qs, ss, ts, tailS) = SineSum(p, s, bits);
        var (qc, sc, tc, tailC) = CosineSum(p, s, bits);
        var sineNumerator = Ball.FromDyadic((qs << (int)ss) + ts, -ss - s).Round(work);
        var cosineNumerator = Ball.FromDyadic((qc << (int)sc) + tc, -sc).Round(work);
        var denominatorLog2 = IntegerMath.BitLength(qs) + IntegerMath.BitLength(qc);
        var x = Ball.Multiply(cosineNumerator, Ball.FromInteger(qs).Round(work), work);
        var y = Ball.Multiply(Ball.Multiply(sineNumerator, p, work), Ball.FromInteger(qc).Round(work), work);

        // Added as balls, not by AddError: a short exact product would take a whole unit of its
        // last bit as the error.
        return (Ball.Add(x, Ball.Zero.AddError(tailC + denominatorLog2, work), work),
            Ball.Add(y, Ball.Zero.AddError(tailS + denominatorLog2, work), work));
    }

    /// <summary>
    /// The sine series of c = p/2^s as sin c = c + c·T/(Q·2^Shift) + e, and a bound 2^TailLog2 on |e|.
    /// </summary>
    private static (BigInteger Q, long Shift, BigInteger T, long TailLog2) SineSum(BigInteger p, long s, int bits)
    {
        // sin c = c·(1 + Σ_{k≥1} Π_{j≤k} −p²/((2j)(2j+1)·2^(2s))). With |c| ≤ 2 < √6 the terms fall
        // from the first and alternate, so the tail after N terms is below the first omitted term
        // |c|^(2N+3)/(2N+3)!; twice that is taken for margin.
        var magnitude = IntegerMath.BitLength(BigInteger.Abs(p)) - s;
        var (terms, tailLog2) = TermCount(
            magnitude, bits, j => j == 0 ? Math.Log2(6) : Math.Log2(((2.0 * j) + 2) * ((2.0 * j) + 3)), j => (2 * j) + 2, minTerms: 1);
        var (_, q, shift, t) = Split(-(p * p), 2 * s, 1, terms + 1, SplitKind.Sine, needP: false);
        return (q, shift, t, tailLog2 + 1);
    }

    /// <summary>
    /// The cosine series of c = p/2^s as cos c = 1 + T/(Q·2^Shift) + e, and a bound 2^TailLog2 on |e|.
    /// </summary>
    private static (BigInteger Q, long Shift, BigInteger T, long TailLog2) CosineSum(BigInteger p, long s, int bits)
    {
        // cos c = 1 + Σ_{k≥1} Π_{j≤k} −p²/((2j−1)(2j)·2^(2s)); as for the sine, the tail after N
        // terms is below the first omitted term |c|^(2N+2)/(2N+2)!, doubled for margin.
        var magnitude = IntegerMath.BitLength(BigInteger.Abs(p)) - s;
        var (terms, tailLog2) = TermCount(
            magnitude, bits, j => j == 0 ? 1 : Math.Log2(((2.0 * j) + 1) * ((2.0 * j) + 2)), j => (2 * j) + 1, minTerms: 1);
        var (_, q, shift, t) = Split(-(p * p), 2 * s, 1, terms + 1, SplitKind.Cosine, needP: false);
        return (q, shift, t, tailLog2 + 1);
    }

    /// <summary>
    /// T/(Q·2^shift) to <paramref name="bits"/> bits. T and Q are cut to the bits the quotient
    /// needs first (each cut is within one unit of its last kept bit, added to the radius), so
    /// the division is of precision-sized numbers however long the split made them.
    /// </summary>
    private static Ball Quotient(BigInteger t, BigInteger q, long shift, int bits)
    {
        var keep = bits + 32;
        var qCut = Math.Max(0, IntegerMath.BitLength(q) - keep);
        var tCut = Math.Max(0, IntegerMath.BitLength(BigInteger.Abs(t)) - (IntegerMath.BitLength(q) - qCut) - keep);
        var numerator = tCut == 0 ? Ball.FromInteger(t) : Ball.Create(t >> (int)tCut, BigInteger.One, tCut, keep + keep);
        var denominator = qCut == 0 ? Ball.FromDyadic(q, shift) : Ball.Create(q >> (int)qCut, BigInteger.One, qCut + shift, keep);
        return Ball.Divide(numerator, denominator, bits);
    }

    /// <summary>
    /// The number of terms N after which the tail, whose first omitted term has binary
    /// logarithm below power(N)·magnitude − log2(denominator), is under 2^−(bits + 4); and that bound.
    /// </summary>
    /// <param name="magnitude">An m with |c| &lt; 2^m.</param>
    /// <param name="bits">The precision the sum must reach (absolute, the sums are of order 1).</param>
    /// <param name="log2Factor">log2 of the factor the first omitted term's denominator gains per term.</param>
    /// <param name="power">The power of c in the first omitted term after N terms, minus one.</param>
    /// <param name="minTerms">The fewest terms for which the tail bound holds.</param>
    private static (long Terms, long TailLog2) TermCount(
        long magnitude, int bits, Func<long, double> log2Factor, Func<long, long> power, long minTerms)
    {
        // log2 of the first omitted term's denominator, kept 2^-30 low per step so the rounding
        // of the double sums (relative 2^-52 each) can only overstate the tail.
        var log2Denominator = log2Factor(0);
        long terms = 0;
        while (terms < minTerms || ((power(terms) + 1) * (double)magnitude) - log2Denominator > -(bits + 4))
        {
            terms++;
            log2Denominator += log2Factor(terms) - (1.0 / (1 << 30));
        }

        var tail = (long)Math.Ceiling(((power(terms) + 1) * (double)magnitude) - log2Denominator);
        return (terms, tail);
    }

    private enum SplitKind
    {
        Exp,
        Sine,
        Cosine,
    }

    /// <summary>
    /// The terms j in [a, b) of Σ_k Π_{j≤k} x/(d(j)·2^s), with d(j) = j (exp), (2j)(2j+1)
    /// (sine) or (2j−1)(2j) (cosine), as T/(Q·2^Shift); P is the product of the numerators x,
    /// computed only when <paramref name="needP"/> (the top of the split and every right half
    /// below it never use theirs: that saves about a quarter of the products).
    /// </summary>
    private static (BigInteger P, BigInteger Q, long Shift, BigInteger T) Split(
        BigInteger x, long s, long a, long b, SplitKind kind, bool needP)
    {
        if (b <= a)
        {
            // No terms (an argument so small that the first term is already below the bound):
            // the empty product and sum, which combine as the identity.
            return (BigInteger.One, BigInteger.One, 0, BigInteger.Zero);
        }
        if (b - a == 1)
        {
            var d = kind switch
            {
                SplitKind.Exp => a,
                SplitKind.Sine => (BigInteger)(2 * a) * ((2 * a) + 1),
                _ => (BigInteger)((2 * a) - 1) * (2 * a),
            };
            return (x, d, s, x);
        }

        var m = (a + b) / 2;
        var (p1, q1, s1, t1) = Split(x, s, a, m, kind, needP: true);
        var (p2, q2, s2, t2) = Split(x, s, m, b, kind, needP);
        StatementBudget.Check(IntegerMath.BitLength(t2) + IntegerMath.BitLength(q2));
        return (needP ? p1 * p2 : BigInteger.Zero, q1 * q2, s1 + s2, ((t1 * q2) << (int)s2) + (p1 * t2));
    }
}
