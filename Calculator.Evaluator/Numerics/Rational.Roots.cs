using System.Numerics;

namespace Calculator.Evaluator.Numerics;

// Exact roots and logarithms: found when they exist, otherwise the caller goes approximate.
internal readonly partial struct Rational
{
    /// <summary>
    /// The exact n-th root of <paramref name="x"/> when numerator and denominator are both perfect
    /// n-th powers (sqrt(9/4) = 3/2, cbrt(−27) = −3).
    /// </summary>
    /// <param name="x">The radicand; negative only with an odd <paramref name="n"/>.</param>
    /// <param name="n">The root index, at least 1.</param>
    /// <param name="root">The root when the method returns true; otherwise zero.</param>
    /// <returns>Whether the root is rational (false also for an even root of a negative number).</returns>
    public static bool TryRoot(Rational x, int n, out Rational root)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        root = Zero;
        if (n == 1 || x.IsZero || x == One)
        {
            root = x;
            return true;
        }

        var negative = x.Sign < 0;
        if (negative && n % 2 == 0)
        {
            return false;
        }

        var rn = IntegerMath.IntegerRoot(BigInteger.Abs(x.Numerator), n, out var exact);
        if (!exact)
        {
            return false;
        }

        var rd = IntegerMath.IntegerRoot(x.Denominator, n, out exact);
        if (!exact)
        {
            return false;
        }

        // Roots of coprime integers are coprime.
        root = FromNormalized(negative ? -rn : rn, rd);
        return true;
    }

    /// <summary>
    /// The exact logarithm of <paramref name="x"/> to base <paramref name="b"/> when
    /// x = b^k for an integer k (log(1000, 10) = 3, log(1/8, 2) = −3, log(1, b) = 0).
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <param name="b">The base; the caller ensures it is positive and not 1.</param>
    /// <param name="result">k when the method returns true; otherwise zero.</param>
    /// <returns>Whether the logarithm is an integer; false for non-positive <paramref name="x"/>.</returns>
    public static bool TryLog(Rational x, Rational b, out Rational result)
    {
        result = Zero;
        if (x.Sign <= 0 || b.Sign <= 0 || b == One)
        {
            return false;
        }

        if (x == One)
        {
            return true;
        }

        // The logarithms of huge integers are still accurate to ~1e-16 relative, far finer than
        // the distance between integer candidates, so one candidate k decides.
        var lx = Log(x);
        var lb = Log(b);
        var ratio = lx / lb;
        var k = Math.Round(ratio);
        if (k == 0 || Math.Abs(ratio - k) > 1e-6 * Math.Max(1, Math.Abs(k)) || Math.Abs(k) > int.MaxValue)
        {
            return false;
        }

        // x = b^k exactly means x's parts are the k-th powers of b's parts (or of 1/b's).
        var e = (int)Math.Abs(k);
        var bn = b.Numerator;
        var bd = b.Denominator;
        var (pn, pd) = k > 0 ? (bn, bd) : (bd, bn);
        if (!SameSizeAsPower(x.Numerator, pn, e) || !SameSizeAsPower(x.Denominator, pd, e))
        {
            return false;
        }

        if (BigInteger.Pow(pn, e) != x.Numerator || BigInteger.Pow(pd, e) != x.Denominator)
        {
            return false;
        }

        result = (long)k;
        return true;
    }

    private static double Log(Rational x) =>
        x._big is null
            ? Math.Log(x._num) - Math.Log(x.SmallDen)
            : BigInteger.Log(x._big.Num) - BigInteger.Log(x._big.Den);

    /// <summary>Whether p^e could equal x judging by bit lengths, so the power is only built when it may match.</summary>
    private static bool SameSizeAsPower(BigInteger x, BigInteger p, int e)
    {
        var bits = IntegerMath.BitLength(p);
        var xBits = IntegerMath.BitLength(x);
        return xBits >= ((bits - 1) * e) + 1 && xBits <= bits * e;
    }
}
