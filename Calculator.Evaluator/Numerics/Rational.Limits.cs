using System.Numerics;
using System.Runtime.CompilerServices;

namespace Calculator.Evaluator.Numerics;

// The operations that enforce the SPEC §8 digit limit. Each estimates the size of its result
// from bit lengths or logarithms before doing the expensive work, so a hopeless request fails
// at once, and checks the exact size of what it built afterwards.
internal readonly partial struct Rational
{
    /// <summary>
    /// The exact value <paramref name="significand"/>·10^<paramref name="exponent10"/>, as a
    /// decimal literal denotes it.
    /// </summary>
    /// <param name="significand">The digits of the literal as an integer.</param>
    /// <param name="exponent10">The power of ten to scale by.</param>
    /// <param name="ctx">Supplies the digit limit.</param>
    /// <exception cref="NumericException">The numerator or denominator would exceed the digit limit.</exception>
    public static Rational FromDecimal(BigInteger significand, int exponent10, NumericContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        // Short literals (1, 238.1, 12.75): both parts fit a long and have at most 19 digits, within
        // any limit of 19 or more, so there is nothing to count; this is every literal of most lines.
        // Literal significands are never negative, so one comparison decides (Sign is a field test).
        if (exponent10 <= 0 && exponent10 >= -18 && ctx.MaxDigits >= 19 && significand.Sign >= 0 &&
            significand <= long.MaxValue)
        {
            var small = (long)significand;
            return exponent10 == 0 ? new Rational(small, 1) : CreateSmall(small, (long)IntegerMath.Pow10Small(-exponent10));
        }

        if (significand.IsZero)
        {
            return Zero;
        }

        if (exponent10 == 0)
        {
            CheckInteger(significand, ctx);
            return FromInteger(significand);
        }

        var sigDigits = IntegerMath.DigitCount(significand);
        if (exponent10 > 0)
        {
            ctx.CheckDigits((double)sigDigits + exponent10);
            return FromInteger(significand * IntegerMath.Pow10(exponent10));
        }

        // The denominator is 10^k divided by gcd(significand, 10^k) ≥ 10^k / |significand|.
        var k = -(long)exponent10;
        if (k - sigDigits >= ctx.MaxDigits)
        {
            ctx.CheckDigits(k + 1 - TrailingDecimalZerosAtMost(significand, k));
        }

        return ReduceByPowerOfTen(significand, (int)k, ctx);
    }

    /// <summary>The sum, refused when it would exceed the digit limit.</summary>
    /// <param name="a">The first addend.</param>
    /// <param name="b">The second addend.</param>
    /// <param name="ctx">Supplies the digit limit.</param>
    /// <exception cref="NumericException">The result would exceed the digit limit.</exception>
    public static Rational Add(Rational a, Rational b, NumericContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return a.IsSmall && b.IsSmall ? CheckResult(a + b, ctx) : AddLarge(a, b, ctx);
    }

    // Apart from Add, so that a caller inlining Add's small case does not carry (and zero at
    // every call) the temporaries of the BigInteger case.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Rational AddLarge(Rational a, Rational b, NumericContext ctx)
    {
        var an = a.Numerator;
        var ad = a.Denominator;
        var bn = b.Numerator;
        var bd = b.Denominator;
        if (ad.IsOne && bd.IsOne)
        {
            return CheckResult(FromNormalized(an + bn, BigInteger.One), ctx);
        }

        // As in AddBig (Knuth): with g = gcd(ad, bd) the reduced denominator still holds
        // (ad/g)·(bd/g), so the limit can be checked before the multiplications. The numerator
        // may cancel, so it is only checked afterwards; its cost is bounded by the operands.
        var g = ad.IsOne || bd.IsOne ? BigInteger.One : IntegerMath.Gcd(ad, bd);
        var adg = g.IsOne ? ad : ad / g;
        var bdg = g.IsOne ? bd : bd / g;
        Precheck(Log10(adg) + Log10(bdg), ctx);
        var t = (an * bdg) + (bn * adg);
        if (g.IsOne)
        {
            return CheckResult(FromNormalized(t, ad * bd), ctx);
        }

        var g2 = IntegerMath.Gcd(t, g);
        return CheckResult(g2.IsOne ? FromNormalized(t, adg * bd) : FromNormalized(t / g2, adg * (bd / g2)), ctx);
    }

    /// <summary>The difference, refused when it would exceed the digit limit.</summary>
    /// <param name="a">The minuend.</param>
    /// <param name="b">The subtrahend.</param>
    /// <param name="ctx">Supplies the digit limit.</param>
    /// <exception cref="NumericException">The result would exceed the digit limit.</exception>
    public static Rational Subtract(Rational a, Rational b, NumericContext ctx) => Add(a, -b, ctx);

    /// <summary>The product, refused before multiplying when it would exceed the digit limit.</summary>
    /// <param name="a">The first factor.</param>
    /// <param name="b">The second factor.</param>
    /// <param name="ctx">Supplies the digit limit.</param>
    /// <exception cref="NumericException">The result would exceed the digit limit.</exception>
    public static Rational Multiply(Rational a, Rational b, NumericContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return a.IsSmall && b.IsSmall ? CheckResult(a * b, ctx) : MultiplyLarge(a, b, ctx);
    }

    // Apart from Multiply for the reason given at AddLarge.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Rational MultiplyLarge(Rational a, Rational b, NumericContext ctx)
    {
        if (a.IsZero || b.IsZero)
        {
            return Zero;
        }

        var an = a.Numerator;
        var ad = a.Denominator;
        var bn = b.Numerator;
        var bd = b.Denominator;
        var g1 = bd.IsOne ? BigInteger.One : IntegerMath.Gcd(an, bd);
        var g2 = ad.IsOne ? BigInteger.One : IntegerMath.Gcd(bn, ad);
        if (!g1.IsOne)
        {
            an /= g1;
            bd /= g1;
        }

        if (!g2.IsOne)
        {
            bn /= g2;
            ad /= g2;
        }

        // After cross-cancelling, the products are the normalised result, so their estimated
        // size is the result's size and a refusal here is never premature.
        Precheck(Log10(an) + Log10(bn), ctx);
        Precheck(Log10(ad) + Log10(bd), ctx);
        return CheckResult(FromNormalized(an * bn, ad * bd), ctx);
    }

    /// <summary>The quotient, refused when it would exceed the digit limit.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <param name="ctx">Supplies the digit limit.</param>
    /// <exception cref="NumericException">
    /// <paramref name="b"/> is zero (<see cref="NumericErrorKind.DivisionByZero"/>) or the result
    /// would exceed the digit limit (<see cref="NumericErrorKind.Limit"/>).
    /// </exception>
    public static Rational Divide(Rational a, Rational b, NumericContext ctx) => Multiply(a, b.Reciprocal(), ctx);

    /// <summary>
    /// The exact power <paramref name="b"/>^<paramref name="exponent"/>. The digit count is
    /// estimated from logarithms before any multiplication, so any exponent, however large,
    /// is answered or refused at once.
    /// </summary>
    /// <param name="b">The base.</param>
    /// <param name="exponent">The integer exponent, of any size or sign.</param>
    /// <param name="ctx">Supplies the digit limit.</param>
    /// <exception cref="NumericException">
    /// Zero to a negative power (<see cref="NumericErrorKind.DivisionByZero"/>) or a result over
    /// the digit limit (<see cref="NumericErrorKind.Limit"/>).
    /// </exception>
    public static Rational Pow(Rational b, BigInteger exponent, NumericContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (exponent.IsZero)
        {
            return One;
        }

        if (b.IsZero)
        {
            return exponent.Sign > 0 ? Zero : throw DivisionByZero();
        }

        if (ctx.MaxDigits >= 19 && exponent.Sign > 0 && exponent <= 63 && b.TryGetSmall(out var smallNum, out var smallDen) &&
            TryPowSmall(smallNum, smallDen, (int)exponent, out var smallPower))
        {
            return smallPower;
        }

        var num = b.Numerator;
        var den = b.Denominator;
        if (den.IsOne && (num.IsOne || num == BigInteger.MinusOne))
        {
            return num.IsOne || exponent.IsEven ? One : -One;
        }

        var magnitude = BigInteger.Abs(exponent);
        var log10Base = Math.Max(BigInteger.Log10(BigInteger.Abs(num)), BigInteger.Log10(den));
        var log10Digits = BigInteger.Log10(magnitude) + Math.Log10(log10Base);
        if (log10Digits > 15)
        {
            throw new NumericException(NumericErrorKind.Limit, NumericMessages.TooManyDigitsLog10(log10Digits));
        }

        var digits = Math.Floor((double)magnitude * log10Base) + 1;
        ctx.CheckDigits(digits);
        if (magnitude > int.MaxValue)
        {
            // Only reachable with a digit limit near int.MaxValue; BigInteger.Pow takes an int.
            throw new NumericException(NumericErrorKind.Limit, NumericMessages.TooManyDigits(digits));
        }

        var e = (int)magnitude;
        var pn = BigInteger.Pow(num, e);
        var pd = BigInteger.Pow(den, e);

        // Powers of coprime integers stay coprime, so no gcd is needed.
        if (exponent.Sign > 0)
        {
            return CheckResult(FromNormalized(pn, pd), ctx);
        }

        return CheckResult(pn.Sign < 0 ? FromNormalized(-pd, -pn) : FromNormalized(pd, pn), ctx);
    }

    /// <summary>
    /// <see cref="Pow(Rational, BigInteger, NumericContext)"/> for an integer exponent held as a
    /// rational; a small power of a small base (x^2) is computed on longs without making a
    /// <see cref="BigInteger"/> of the exponent.
    /// </summary>
    /// <param name="b">The base.</param>
    /// <param name="integerExponent">The exponent, an integer.</param>
    /// <param name="ctx">Supplies the digit limit.</param>
    /// <exception cref="NumericException">As the other overload.</exception>
    public static Rational Pow(Rational b, Rational integerExponent, NumericContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.MaxDigits >= 19 && integerExponent.TryGetSmall(out var e, out var one) && one == 1 && e is > 0 and <= 63 &&
            b.TryGetSmall(out var num, out var den) && TryPowSmall(num, den, (int)e, out var power)
            ? power
            : Pow(b, integerExponent.Numerator, ctx);
    }

    /// <summary>
    /// num^e/den^e on longs when both powers surely fit: |x| below 2^bits gives |x|^e below 2^(bits·e).
    /// Powers of coprime integers stay coprime, so the result is normalised. No logarithms: a
    /// power this small is within any digit limit of 19 or more, which the caller ensures.
    /// </summary>
    private static bool TryPowSmall(long num, long den, int exponent, out Rational power)
    {
        var magnitude = (ulong)Math.Abs(num) | (ulong)den;
        var bits = 64 - BitOperations.LeadingZeroCount(magnitude);
        if ((long)bits * exponent > 63)
        {
            power = Zero;
            return false;
        }

        long pn = 1;
        long pd = 1;
        for (var i = 0; i < exponent; i++)
        {
            pn *= num;
            pd *= den;
        }

        power = new Rational(pn, pd);
        return true;
    }

    /// <summary>Throws the limit error unless numerator and denominator are within the digit limit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Rational CheckResult(Rational value, NumericContext ctx)
    {
        if (value.IsSmall && ctx.MaxDigits >= 19)
        {
            return value;
        }

        CheckLarge(value, ctx);
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckLarge(Rational value, NumericContext ctx)
    {
        CheckInteger(value.Numerator, ctx);
        CheckInteger(value.Denominator, ctx);
    }

    private static void CheckInteger(BigInteger x, NumericContext ctx)
    {
        var bits = IntegerMath.BitLength(x);
        var atMost = (long)(bits * IntegerMath.Log10Of2) + 1;
        if (atMost <= ctx.MaxDigits)
        {
            return;
        }

        ctx.CheckDigits(IntegerMath.DigitCount(x));
    }

    /// <summary>
    /// Refuses a result whose size is estimated from its base-10 logarithm when it is clearly over
    /// the limit; one digit of slack absorbs rounding in the logarithm, and the exact check after
    /// the work catches the rest.
    /// </summary>
    private static void Precheck(double log10Value, NumericContext ctx)
    {
        var digits = Math.Floor(log10Value) + 1;
        if (digits > ctx.MaxDigits + 1.0)
        {
            ctx.CheckDigits(digits);
        }
    }

    private static double Log10(BigInteger x) => x.IsZero ? 0 : BigInteger.Log10(BigInteger.Abs(x));

    /// <summary>A cheap upper bound on the trailing decimal zeros of x, capped at <paramref name="cap"/>.</summary>
    private static long TrailingDecimalZerosAtMost(BigInteger x, long cap)
    {
        // 10^z divides x only if 2^z does.
        var z = (long)BigInteger.TrailingZeroCount(x);
        return Math.Min(z, cap);
    }

    /// <summary>
    /// significand / 10^k in lowest terms, by stripping the factors 2 and 5 the significand
    /// shares with 10^k; a general gcd of a long literal with 10^k would be quadratic.
    /// </summary>
    private static Rational ReduceByPowerOfTen(BigInteger significand, int k, NumericContext ctx)
    {
        if (significand.IsZero)
        {
            return Zero;
        }

        if (k <= 18 && FitsSmall(significand))
        {
            return CreateSmall((long)significand, (long)IntegerMath.Pow10(k));
        }

        var twos = (int)Math.Min((long)BigInteger.TrailingZeroCount(significand), k);
        significand >>= twos;

        // Divide out 5s in chunks of 5^27 (the largest power of 5 in a long), then singly.
        const long FivePow27 = 7450580596923828125;
        var fives = 0;
        while (k - fives >= 27)
        {
            var q = BigInteger.DivRem(significand, FivePow27, out var r);
            if (!r.IsZero)
            {
                break;
            }

            significand = q;
            fives += 27;
        }

        while (fives < k)
        {
            var q = BigInteger.DivRem(significand, 5, out var r);
            if (!r.IsZero)
            {
                break;
            }

            significand = q;
            fives++;
        }

        var twoExp = k - twos;
        var fiveExp = k - fives;
        ctx.CheckDigits(Math.Floor((twoExp * IntegerMath.Log10Of2) + (fiveExp * Log10Of5)) + 1);
        var den = BigInteger.Pow(5, fiveExp) << twoExp;
        return CheckResult(FromNormalized(significand, den), ctx);
    }

    private const double Log10Of5 = 0.69897000433601880479;
}
