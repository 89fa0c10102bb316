using System.Numerics;

namespace Calculator.Evaluator.Numerics;

// Rounding to integers and decimal places, and the floored modulo.
internal readonly partial struct Rational
{
    /// <summary>The largest integer not greater than the value.</summary>
    public Rational Floor()
    {
        if (IsInteger)
        {
            return this;
        }

        if (_big is null)
        {
            var q = _num / SmallDen;
            return _num < 0 ? q - 1 : q;
        }

        var bq = BigInteger.DivRem(_big.Num, _big.Den, out _);
        return FromInteger(_big.Num.Sign < 0 ? bq - 1 : bq);
    }

    /// <summary>The smallest integer not less than the value.</summary>
    public Rational Ceiling() => -(-this).Floor();

    /// <summary>The integer part, rounding toward zero.</summary>
    public Rational Truncate() => Sign < 0 ? Ceiling() : Floor();

    /// <summary>The nearest integer, halves rounded away from zero (2.5 → 3, −2.5 → −3).</summary>
    public Rational Round()
    {
        if (IsInteger)
        {
            return this;
        }

        if (_big is null)
        {
            var magnitude = Math.Abs(_num);
            var den = SmallDen;
            var q = magnitude / den;

            // 2r ≥ d written as r ≥ d − r, which cannot overflow.
            var r = magnitude - (q * den);
            if (r >= den - r)
            {
                q++;
            }

            return _num < 0 ? -q : q;
        }

        var bq = BigInteger.DivRem(BigInteger.Abs(_big.Num), _big.Den, out var br);
        if (br * 2 >= _big.Den)
        {
            bq++;
        }

        return FromInteger(_big.Num.Sign < 0 ? -bq : bq);
    }

    /// <summary>
    /// The value rounded to <paramref name="places"/> decimal places, halves away from zero;
    /// a negative count rounds to tens, hundreds… (round(1234, −2) = 1200). Uses the default digit limit.
    /// </summary>
    /// <param name="places">Decimal places to keep; may be negative.</param>
    /// <exception cref="NumericException">The result would exceed the default digit limit.</exception>
    public Rational Round(int places) => Round(places, NumericContext.Default);

    /// <summary>
    /// The value rounded to <paramref name="places"/> decimal places, halves away from zero;
    /// a negative count rounds to tens, hundreds… (round(1234, −2) = 1200).
    /// </summary>
    /// <param name="places">Decimal places to keep; may be negative.</param>
    /// <param name="ctx">Supplies the digit limit.</param>
    /// <exception cref="NumericException">The result would exceed the digit limit.</exception>
    public Rational Round(int places, NumericContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (places == 0)
        {
            return Round();
        }

        if (places > 0)
        {
            if (IsInteger || HasTerminatingDecimalWithin(places))
            {
                return this;
            }

            // The result is n/10^places (before reduction) with n about |x|·10^places.
            ctx.CheckDigits(places + Math.Max(0, Log10MagnitudeAtMost()) + 1);
            var scale = FromInteger(IntegerMath.Pow10(places));
            return CheckResult((this * scale).Round() / scale, ctx);
        }

        // |x| < 10^(m−1) rounds to 0 at −m places.
        var m = -(long)places;
        if (IsZero || Log10MagnitudeAtMost() < m - 1)
        {
            return Zero;
        }

        var step = FromInteger(IntegerMath.Pow10((int)m));
        return CheckResult((this / step).Round() * step, ctx);
    }

    /// <summary>
    /// The floored remainder a − b·floor(a/b): zero or with the sign of <paramref name="b"/>,
    /// smaller than |b| (−7 mod 3 = 2, 7 mod −3 = −2, 5.5 mod 2 = 1.5).
    /// </summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <param name="ctx">Supplies the digit limit.</param>
    /// <exception cref="NumericException">
    /// <paramref name="b"/> is zero (<see cref="NumericErrorKind.DivisionByZero"/>) or the result
    /// would exceed the digit limit (<see cref="NumericErrorKind.Limit"/>).
    /// </exception>
    public static Rational FlooredMod(Rational a, Rational b, NumericContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (b.IsZero)
        {
            throw DivisionByZero();
        }

        if (a._big is null && b._big is null && a._denMinusOne == 0 && b._denMinusOne == 0)
        {
            var r = a._num % b._num;
            return r != 0 && (r ^ b._num) < 0 ? r + b._num : r;
        }

        // Over the common denominator L the remainder is an integer remainder divided by L,
        // and |result| < |b| keeps it within the operands' size.
        var ad = a.Denominator;
        var bd = b.Denominator;
        var lcm = ad.Equals(bd) ? ad : IntegerMath.Lcm(ad, bd);
        var x = a.Numerator * (lcm / ad);
        var y = b.Numerator * (lcm / bd);
        var rem = BigInteger.Remainder(x, y);
        if (!rem.IsZero && rem.Sign != y.Sign)
        {
            rem += y;
        }

        return CheckResult(Create(rem, lcm), ctx);
    }

    /// <summary>An upper bound of log10|x| from bit lengths: log2|x| &lt; bits(num) − bits(den) + 1.</summary>
    private double Log10MagnitudeAtMost() =>
        (IntegerMath.BitLength(Numerator) - IntegerMath.BitLength(Denominator) + 1) * IntegerMath.Log10Of2;

    /// <summary>
    /// Whether the value is already exact at <paramref name="places"/> decimal places: its
    /// denominator has only the factors 2 and 5, each at most <paramref name="places"/> times.
    /// </summary>
    private bool HasTerminatingDecimalWithin(int places)
    {
        var den = Denominator;
        var twos = (long)BigInteger.TrailingZeroCount(den);
        if (twos > places)
        {
            return false;
        }

        var odd = den >> (int)twos;
        if (odd.IsOne)
        {
            return true;
        }

        // The odd part must be 5^k; estimate k from its size and check once.
        var k = (int)Math.Round(BigInteger.Log(odd) / Math.Log(5));
        return k <= places && BigInteger.Pow(5, k) == odd;
    }
}
