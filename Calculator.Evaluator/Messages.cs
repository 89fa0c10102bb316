using System.Globalization;

namespace Calculator.Evaluator;

/// <summary>Every message text the evaluator itself produces (numeric ones live in NumericMessages).</summary>
internal static class Messages
{
    public const string RecursionTooDeep = "limit: recursion too deep";
    public const string NestedTooDeeply = "limit: nested too deeply";
    public const string BooleanInArithmetic = "expected a number, got a boolean";
    public const string NumberInLogic = "expected a boolean, got a number";
    public const string ConditionNotBoolean = "the condition of '?:' must be a boolean, got a number";

    public const string AnsBeforeAnyResult = "'ans' has no value yet: no expression has been evaluated";

    // Host API (ArgumentException and CalcException texts).
    public const string ZeroDenominator = "the denominator must not be zero";
    public const string NotFinite = "NaN and infinities are not numbers calc can hold";
    public const string BooleanNotNumber = "the value is a boolean, not a number";
    public const string DecimalOverflow = "the value is outside the range of decimal";
    public const string NotOneExpression = "expected one expression";
    public const string ConversionInExpression =
        "'to' converts printed results; an expression gives a Value (format it in the host)";
    public const string Interrupted = "interrupted";

    public static string NotAName(string name) =>
        $"'{name}' is not a calc name: a letter or '_', then letters, digits or '_' (ASCII)";

    public static string NegativeArity(int min, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"the arity {min} to {max} is not a range of argument counts");

    public static string HostReturnedNull(string name) => $"the host function '{name}' returned no value";

    public static string HostFailed(string name, string message) => $"the host function '{name}' failed: {message}";

    public static string ResolverFailed(string name, string message) => $"the variable resolver failed for '{name}': {message}";

    public static string UnknownName(string name, string? suggestion) =>
        WithHint($"unknown name '{name}'", suggestion);

    public static string UnknownFunction(string name, string? suggestion) =>
        WithHint($"unknown function '{name}'", suggestion);

    public static string NotAFunction(string name) => $"'{name}' is not a function";

    public static string FunctionAsValue(string name) => $"'{name}' is a function; call it as {name}(…)";

    public static string CannotAssign(string name) => $"cannot assign to '{name}': it is built in";

    public static string CannotRedefine(string name) => $"cannot define '{name}': it is built in";

    public static string DuplicateParameter(string name) => $"parameter '{name}' appears twice";

    public static string Arity(string name, int min, int max, int got)
    {
        var expected = max == int.MaxValue ? $"at least {Count(min)}"
            : min == max ? Count(min)
            : $"{min.ToString(CultureInfo.InvariantCulture)} or {Count(max)}";
        return $"{name} takes {expected}, got {got.ToString(CultureInfo.InvariantCulture)}";
    }

    public static string Limit(string message) => "limit: " + message;

    public const string NegativeShift = "a shift count must not be negative";

    public static string IntegerOperand(string symbol, bool unary) => $"'{symbol}' needs {(unary ? "an integer" : "integers")}";

    public static string ExactIntegerOperand(string symbol, bool unary) =>
        $"'{symbol}' needs {(unary ? "an exact integer" : "exact integers")}, not an approximate value";

    public static string OnlyIntegersConvert(Parser.NumberBase radix) => "only integers print in " + BaseName(radix);

    public static string OnlyExactIntegersConvert(Parser.NumberBase radix) =>
        $"only exact integers print in {BaseName(radix)}, not an approximate value";

    private static string BaseName(Parser.NumberBase radix) => radix switch
    {
        Parser.NumberBase.Hex => "hex",
        Parser.NumberBase.Oct => "octal",
        Parser.NumberBase.Bin => "binary",
        _ => "decimal",
    };

    /// <summary>The runtime could not allocate, below the statement's own budget (a container's limit).</summary>
    public const string OutOfMemoryInRuntime = "limit: out of memory";



    private static string Count(int n) =>
        n == 1 ? "1 argument" : n.ToString(CultureInfo.InvariantCulture) + " arguments";

    private static string WithHint(string message, string? suggestion) =>
        suggestion is null ? message : $"{message}; did you mean '{suggestion}'?";
}
