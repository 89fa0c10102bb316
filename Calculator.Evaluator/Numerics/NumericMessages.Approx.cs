using System.Globalization;

namespace Calculator.Evaluator.Numerics;

// Messages of approximate arithmetic and the built-in functions of SPEC §4.
internal static partial class NumericMessages
{
    /// <summary>The message of a square root of a negative number.</summary>
    public const string SqrtOfNegative = "square root of a negative number";

    /// <summary>The message of a logarithm of zero or a negative number.</summary>
    public const string LogOfNonPositive = "logarithm of a non-positive number";

    /// <summary>The message of a logarithm whose base is not positive or is 1.</summary>
    public const string InvalidLogBase = "logarithm base must be positive and not 1";

    /// <summary>The message of asin outside [−1, 1].</summary>
    public const string AsinOutOfRange = "asin of a number outside [-1, 1]";

    /// <summary>The message of acos outside [−1, 1].</summary>
    public const string AcosOutOfRange = "acos of a number outside [-1, 1]";

    /// <summary>The message of acosh below 1.</summary>
    public const string AcoshBelowOne = "acosh of a number below 1";

    /// <summary>The message of atanh outside (−1, 1).</summary>
    public const string AtanhOutOfRange = "atanh of a number outside (-1, 1)";

    /// <summary>The message of tan at an odd multiple of pi/2.</summary>
    public const string TanPole = "tan of an odd multiple of pi/2";

    /// <summary>The message of a negative base with a non-integer exponent (no complex numbers).</summary>
    public const string NegativeBaseFractionalExponent = "negative base with a non-integer exponent";

    /// <summary>The message of gcd or lcm of a non-integer.</summary>
    public const string GcdOfNonInteger = "gcd and lcm need integers";

    /// <summary>The message of round(x, n) with a non-integer n.</summary>
    public const string RoundPlacesNotInteger = "round needs an integer number of places";

    /// <summary>The message of a sin, cos or tan argument too large to reduce modulo pi.</summary>
    public const string TrigArgumentTooLarge = "argument too large for trigonometric reduction";

    /// <summary>The message of an approximate result that no affordable precision can pin down.</summary>
    public const string Undetermined = "result cannot be determined at this precision";

    /// <summary>The message of round(x, n) with more places than the digit limit.</summary>
    public const string TooManyRoundPlaces = "too many decimal places";

    /// <summary>The message of a statement that ran past its time limit (SPEC §8).</summary>
    /// <param name="limit">The limit.</param>
    public static string StatementTooLong(TimeSpan limit) =>
        string.Create(CultureInfo.InvariantCulture, $"the statement ran for more than {limit.TotalSeconds:0.###} s");

    /// <summary>The message of a statement refused before one long step that would end past its time limit.</summary>
    /// <param name="limit">The limit.</param>
    public static string StatementWouldRunTooLong(TimeSpan limit) =>
        string.Create(CultureInfo.InvariantCulture, $"the statement would run for more than {limit.TotalSeconds:0.###} s");

    /// <summary>The message of a statement whose heap grew past its memory budget (SPEC §8).</summary>
    /// <param name="limit">The budget in bytes.</param>
    public static string StatementOutOfMemory(long limit) =>
        string.Create(CultureInfo.InvariantCulture, $"the statement needed more than {limit / (1024 * 1024)} MiB of memory");

    /// <summary>The message of a statement cancelled by its caller (Ctrl-C, a host).</summary>
    public const string StatementCancelled = "interrupted";

    /// <summary>The message of min or max without arguments.</summary>
    public const string NoArguments = "needs at least one argument";

    /// <summary>The message of gamma or lgamma at a pole.</summary>
    /// <param name="function">The function's name.</param>
    public static string GammaPole(string function) => function + " is undefined at 0 and the negative integers";

    /// <summary>The message of gamma or lgamma at a precision whose Stirling series needs too many Bernoulli numbers.</summary>
    public const string GammaPrecisionTooHigh = "gamma and lgamma of this argument need too many terms at this precision";
}
