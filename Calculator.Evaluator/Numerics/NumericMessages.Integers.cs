using System.Globalization;

namespace Calculator.Evaluator.Numerics;

// Messages of the integer, combinatorial and statistical functions of SPEC §4.
internal static partial class NumericMessages
{
    /// <summary>The message of <c>modinv</c>, or <c>powmod</c> with a negative exponent, on a base sharing a factor with the modulus.</summary>
    public const string NotInvertible = "no inverse: the number and the modulus share a factor";

    /// <summary>The message of <c>powmod</c> whose exponent and modulus together are too large to finish in seconds.</summary>
    public const string PowModTooLarge = "powmod with an exponent and a modulus this large would take too long";

    /// <summary>The message of <c>prevprime(n)</c> for n ≤ 2.</summary>
    public const string NoPrimeBelow = "there is no prime below 2";

    /// <summary>The message of <c>perm(n, k)</c> with a negative k.</summary>
    public const string NegativeCount = "perm needs a count k of at least 0";

    /// <summary>The message of an integer function given a non-integer, e.g. "powmod needs integers".</summary>
    /// <param name="function">The function's name.</param>
    /// <param name="arity">How many arguments the function takes, for the grammar of the message.</param>
    public static string IntegersNeeded(string function, int arity) =>
        function + (arity == 1 ? " needs an integer" : " needs integers");

    /// <summary>
    /// The message of an integer function given an approximate number: its value is known only to
    /// some digits, so whether it is an integer (or prime) cannot be decided.
    /// </summary>
    /// <param name="function">The function's name.</param>
    /// <param name="arity">How many arguments the function takes, for the grammar of the message.</param>
    public static string ExactIntegersNeeded(string function, int arity) =>
        function + (arity == 1 ? " needs an exact integer" : " needs exact integers") + ", not an approximate value";

    /// <summary>The message of an argument too large for a function whose work grows faster than its size.</summary>
    /// <param name="function">The function's name.</param>
    /// <param name="maxDigits">The most decimal digits the argument may have.</param>
    public static string ArgumentTooLarge(string function, int maxDigits) =>
        string.Create(CultureInfo.InvariantCulture, $"{function} works on numbers of at most {maxDigits} digits");
}
