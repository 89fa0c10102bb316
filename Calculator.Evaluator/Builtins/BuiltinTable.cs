using System.Collections.Frozen;
using Calculator.Evaluator.Numerics;

namespace Calculator.Evaluator.Builtins;

/// <summary>The body of a built-in function: arguments already evaluated and counted.</summary>
internal delegate Val BuiltinBody(ReadOnlySpan<Number> arguments, NumericContext context);

/// <summary>A built-in function with its arity (<see cref="int.MaxValue"/> for "any number").</summary>
internal sealed record Builtin(string Name, int MinArity, int MaxArity, BuiltinBody Body);

/// <summary>The built-in functions and constants of SPEC §4, as tables.</summary>
internal static class BuiltinTable
{
    public static readonly FrozenDictionary<string, Builtin> Functions = new[]
    {
        Unary("sqrt", NumberMath.Sqrt),
        Unary("cbrt", NumberMath.Cbrt),
        Unary("abs", NumberMath.Abs),
        Unary("sign", NumberMath.Sign),
        Unary("floor", NumberMath.Floor),
        Unary("ceil", NumberMath.Ceiling),
        new Builtin("round", 1, 2, static (a, c) => Val.Of(a.Length == 1 ? NumberMath.Round(a[0], c) : NumberMath.Round(a[0], a[1], c))),
        Unary("trunc", NumberMath.Truncate),
        Unary("exp", NumberMath.Exp),
        Unary("ln", NumberMath.Ln),
        new Builtin("log", 1, 2, static (a, c) => Val.Of(a.Length == 1 ? NumberMath.Ln(a[0], c) : NumberMath.Log(a[0], a[1], c))),
        Unary("log10", NumberMath.Log10),
        Unary("log2", NumberMath.Log2),
        Unary("sin", NumberMath.Sin),
        Unary("cos", NumberMath.Cos),
        Unary("tan", NumberMath.Tan),
        Unary("asin", NumberMath.Asin),
        Unary("acos", NumberMath.Acos),
        Unary("atan", NumberMath.Atan),
        Binary("atan2", NumberMath.Atan2),
        Unary("sinh", NumberMath.Sinh),
        Unary("cosh", NumberMath.Cosh),
        Unary("tanh", NumberMath.Tanh),
        Unary("asinh", NumberMath.Asinh),
        Unary("acosh", NumberMath.Acosh),
        Unary("atanh", NumberMath.Atanh),
        Variadic("min", 1, NumberMath.Min),
        Variadic("max", 1, NumberMath.Max),
        Binary("gcd", NumberMath.Gcd),
        Binary("lcm", NumberMath.Lcm),
        Binary("hypot", NumberMath.Hypot),
        Binary("mod", NumberMath.Modulo),
        Unary("factorial", NumberMath.Factorial),
        Ternary("powmod", IntegerFunctions.PowMod),
        Binary("modinv", IntegerFunctions.ModInverse),
        new Builtin("isprime", 1, 1, static (a, c) => Val.Of(IntegerFunctions.IsPrime(a[0], c))),
        Unary("nextprime", IntegerFunctions.NextPrime),
        Unary("prevprime", IntegerFunctions.PrevPrime),
        Binary("xor", IntegerFunctions.Xor),
        Binary("binomial", IntegerFunctions.Binomial),
        Binary("perm", IntegerFunctions.Perm),
        Variadic("sum", 1, Statistics.Sum),
        Variadic("prod", 1, Statistics.Product),
        Variadic("mean", 1, Statistics.Mean),
        Variadic("median", 1, Statistics.Median),
        Variadic("var", 2, Statistics.Variance),
        Variadic("stdev", 2, Statistics.StandardDeviation),
        Unary("gamma", NumberMath.Gamma),
        Unary("lgamma", NumberMath.LnGamma),
        Unary("erf", NumberMath.Erf),
        Unary("erfc", NumberMath.Erfc),
        Unary("deg", NumberMath.RadiansToDegrees),
        Unary("rad", NumberMath.DegreesToRadians),
    }.ToFrozenDictionary(b => b.Name, StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, Number> Constants =
        new Dictionary<string, Number>(StringComparer.Ordinal)
        {
            ["pi"] = NumberMath.Pi,
            ["e"] = NumberMath.E,
            ["tau"] = NumberMath.Tau,
            ["phi"] = NumberMath.Phi,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Names that can be neither assigned nor defined.</summary>
    public static bool IsReserved(string name) =>
        Functions.ContainsKey(name) || Constants.ContainsKey(name) || name is "true" or "false" or "ans";

    private static Builtin Unary(string name, Func<Number, NumericContext, Number> body) =>
        new(name, 1, 1, (a, c) => Val.Of(body(a[0], c)));

    private static Builtin Binary(string name, Func<Number, Number, NumericContext, Number> body) =>
        new(name, 2, 2, (a, c) => Val.Of(body(a[0], a[1], c)));

    private static Builtin Ternary(string name, Func<Number, Number, Number, NumericContext, Number> body) =>
        new(name, 3, 3, (a, c) => Val.Of(body(a[0], a[1], a[2], c)));

    /// <summary>A function of <paramref name="min"/> or more arguments.</summary>
    private static Builtin Variadic(string name, int min, VariadicBody body) =>
        new(name, min, int.MaxValue, (a, c) => Val.Of(body(a, c)));

    private delegate Number VariadicBody(ReadOnlySpan<Number> arguments, NumericContext context);
}
