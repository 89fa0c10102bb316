using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// The integer functions of SPEC §4 on <see cref="Number"/>: modular arithmetic, primes, xor and
/// combinatorics. Each argument must be an exact integer; a failure names the argument at fault
/// through <see cref="NumericArgumentException"/>.
/// </summary>
internal static class IntegerFunctions
{
    /// <summary>
    /// The largest argument of isprime. The work grows with about the cube of the size (modular
    /// powers on numbers of that size): isprime(2^9941-1), 2993 digits, takes seconds
    /// (docs/performance.md), where a million digits would take days.
    /// </summary>
    public const int MaxPrimeTestDigits = 4_000;

    /// <summary>
    /// The largest argument of nextprime and prevprime: a search tests some tens of candidates, so
    /// its size stays smaller; nextprime(10^1000) takes seconds.
    /// </summary>
    public const int MaxPrimeSearchDigits = 1_200;

    /// <summary>The largest modulus of powmod and modinv (extended Euclid is quadratic).</summary>
    public const int MaxModulusDigits = 10_000;

    /// <summary>
    /// The budget of powmod: exponent bits × (modulus size in 32-bit words)². One unit is a few
    /// nanoseconds, so the budget is a few seconds: powmod(3, 10^999, 10^999+7) uses a tenth of it.
    /// </summary>
    private const double PowModBudget = 6e8;

    /// <summary><c>powmod(a, b, m)</c>: a^b mod m with the sign of m, as <c>a^b % m</c>; a negative b needs a invertible mod m.</summary>
    public static Number PowMod(Number a, Number b, Number m, NumericContext ctx)
    {
        const string name = "powmod";
        var x = Integer(a, 0, name);
        var e = Integer(b, 1, name);
        var modulus = Integer(m, 2, name);
        RequireModulus(modulus, 2, name);
        var words = Math.Max(IntegerMath.BitLength(modulus) / 32.0, 4);
        if (IntegerMath.BitLength(e) * words * words > PowModBudget)
        {
            throw NumericArgumentException.At(1, NumericErrorKind.Limit, NumericMessages.PowModTooLarge);
        }

        var size = BigInteger.Abs(modulus);
        if (e.Sign < 0)
        {
            if (!NumberTheory.TryModInverse(x, size, out x))
            {
                throw NumericArgumentException.At(0, NumericErrorKind.Domain, NumericMessages.NotInvertible);
            }

            e = -e;
        }

        return WithSignOf(modulus, NumberTheory.PowMod(x, e, size));
    }

    /// <summary><c>modinv(a, m)</c>: the x with a·x ≡ 1 (mod m), with the sign of m.</summary>
    public static Number ModInverse(Number a, Number m, NumericContext ctx)
    {
        const string name = "modinv";
        var x = Integer(a, 0, name);
        var modulus = Integer(m, 1, name);
        RequireModulus(modulus, 1, name);
        return NumberTheory.TryModInverse(x, BigInteger.Abs(modulus), out var inverse)
            ? WithSignOf(modulus, inverse)
            : throw NumericArgumentException.At(0, NumericErrorKind.Domain, NumericMessages.NotInvertible);
    }

    /// <summary><c>isprime(n)</c>; false below 2.</summary>
    public static bool IsPrime(Number n, NumericContext ctx)
    {
        const string name = "isprime";
        var x = Integer(n, 0, name, arity: 1);
        RequireAtMost(x, MaxPrimeTestDigits, 0, name);
        return NumberTheory.IsPrime(x);
    }

    /// <summary><c>nextprime(n)</c>: the least prime above n (2 for any n below 2).</summary>
    public static Number NextPrime(Number n, NumericContext ctx)
    {
        const string name = "nextprime";
        var x = Integer(n, 0, name, arity: 1);
        RequireAtMost(x, MaxPrimeSearchDigits, 0, name);
        return Number.Exact(NumberTheory.NextPrime(x));
    }

    /// <summary><c>prevprime(n)</c>: the greatest prime below n; a domain error for n ≤ 2.</summary>
    public static Number PrevPrime(Number n, NumericContext ctx)
    {
        const string name = "prevprime";
        var x = Integer(n, 0, name, arity: 1);
        if (x <= 2)
        {
            throw NumericArgumentException.At(0, NumericErrorKind.Domain, NumericMessages.NoPrimeBelow);
        }

        RequireAtMost(x, MaxPrimeSearchDigits, 0, name);
        return Number.Exact(NumberTheory.PrevPrime(x));
    }

    /// <summary><c>xor(a, b)</c> on two's-complement integers of any size, as Python's <c>a ^ b</c>.</summary>
    public static Number Xor(Number a, Number b, NumericContext ctx) =>
        Number.Exact(Integer(a, 0, "xor") ^ Integer(b, 1, "xor"));

    /// <summary><c>binomial(n, k)</c>; see <see cref="Combinatorics.Binomial"/>.</summary>
    public static Number Binomial(Number n, Number k, NumericContext ctx) =>
        Number.Exact(Combinatorics.Binomial(Integer(n, 0, "binomial"), Integer(k, 1, "binomial"), ctx));

    /// <summary><c>perm(n, k)</c>, the falling factorial; a domain error for k &lt; 0.</summary>
    public static Number Perm(Number n, Number k, NumericContext ctx)
    {
        var top = Integer(n, 0, "perm");
        var count = Integer(k, 1, "perm");
        if (count.Sign < 0)
        {
            throw NumericArgumentException.At(1, NumericErrorKind.Domain, NumericMessages.NegativeCount);
        }

        return Number.Exact(Combinatorics.Perm(top, count, ctx));
    }

    /// <summary>The exact integer value of argument <paramref name="index"/>, or a domain error there.</summary>
    private static BigInteger Integer(Number n, int index, string function, int arity = 2)
    {
        if (!n.TryGetExact(out var value))
        {
            throw NumericArgumentException.At(index, NumericErrorKind.Domain, NumericMessages.ExactIntegersNeeded(function, arity));
        }

        return value.IsInteger
            ? value.Numerator
            : throw NumericArgumentException.At(index, NumericErrorKind.Domain, NumericMessages.IntegersNeeded(function, arity));
    }

    private static void RequireModulus(BigInteger modulus, int index, string function)
    {
        if (modulus.IsZero)
        {
            throw NumericArgumentException.At(index, NumericErrorKind.DivisionByZero, NumericMessages.DivisionByZero);
        }

        RequireAtMost(modulus, MaxModulusDigits, index, function);
    }

    private static void RequireAtMost(BigInteger value, int maxDigits, int index, string function)
    {
        if (IntegerMath.DigitCount(value) > maxDigits)
        {
            throw NumericArgumentException.At(index, NumericErrorKind.Limit, NumericMessages.ArgumentTooLarge(function, maxDigits));
        }
    }

    /// <summary>A residue r in [0, |m|) moved to the range with the sign of m, as the floored <c>%</c>.</summary>
    private static Number WithSignOf(BigInteger modulus, BigInteger residue) =>
        Number.Exact(modulus.Sign < 0 && !residue.IsZero ? residue + modulus : residue);
}
