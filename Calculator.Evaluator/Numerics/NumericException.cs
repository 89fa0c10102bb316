using System.Globalization;

namespace Calculator.Evaluator.Numerics;

/// <summary>The kinds of expected numeric failure (SPEC §6).</summary>
internal enum NumericErrorKind
{
    /// <summary>The argument is outside the function's domain, e.g. <c>sqrt(-1)</c>.</summary>
    Domain,

    /// <summary>A division, modulo or negative power of zero.</summary>
    DivisionByZero,

    /// <summary>The result would break a SPEC §8 limit, e.g. too many digits.</summary>
    Limit,
}

/// <summary>
/// An expected numeric failure. The message has no position; the evaluator catches this
/// exception and attaches the source span.
/// </summary>
internal sealed class NumericException : Exception
{
    /// <summary>Creates a numeric failure of the given kind.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">A short lowercase English message without position.</param>
    public NumericException(NumericErrorKind kind, string message)
        : base(message) => Kind = kind;

    /// <summary>What went wrong.</summary>
    public NumericErrorKind Kind { get; }
}

/// <summary>
/// All message texts of numeric failures, in one place so they stay consistent.
/// Partial so other numeric files can add their own texts.
/// </summary>
internal static partial class NumericMessages
{
    /// <summary>The message of a division, modulo or negative power of zero.</summary>
    public const string DivisionByZero = "division by zero";

    /// <summary>The message of <c>factorial</c> of a negative number.</summary>
    public const string FactorialOfNegative = "factorial of a negative number";

    /// <summary>The message of <c>factorial</c> of a non-integer.</summary>
    public const string FactorialOfNonInteger = "factorial of a non-integer";

    /// <summary>The message of a result whose numerator or denominator would exceed the digit limit.</summary>
    /// <param name="estimatedDigits">The estimated decimal digit count; rounded for the message.</param>
    public static string TooManyDigits(double estimatedDigits) =>
        double.IsFinite(estimatedDigits) && estimatedDigits < 1e15
            ? $"result would have about {((long)Math.Round(estimatedDigits)).ToString(CultureInfo.InvariantCulture)} digits"
            : TooManyDigitsLog10(Math.Log10(estimatedDigits));

    /// <summary>
    /// The message of a result whose digit count is itself too large for a double, given as its
    /// base-10 logarithm; the count is shown in scientific form, e.g. <c>about 3.2e+19728 digits</c>.
    /// </summary>
    /// <param name="log10OfDigits">log10 of the estimated decimal digit count.</param>
    public static string TooManyDigitsLog10(double log10OfDigits)
    {
        if (!double.IsFinite(log10OfDigits))
        {
            return "result would have too many digits";
        }

        if (log10OfDigits < 15)
        {
            return TooManyDigits(Math.Pow(10, log10OfDigits));
        }

        var exponent = Math.Floor(log10OfDigits);
        var mantissa = Math.Pow(10, log10OfDigits - exponent);
        if (mantissa >= 9.95)
        {
            mantissa = 1;
            exponent++;
        }

        var m = mantissa.ToString("0.#", CultureInfo.InvariantCulture);
        var e = exponent.ToString("0", CultureInfo.InvariantCulture);
        return $"result would have about {m}e+{e} digits";
    }
}
