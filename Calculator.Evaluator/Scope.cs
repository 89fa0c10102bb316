using Calculator.Evaluator.Numerics;
using Calculator.Parser;

namespace Calculator.Evaluator;

/// <summary>A value while evaluating: a number or a boolean, without allocation.</summary>
internal readonly struct Val
{
    private Val(Number number, bool boolean, bool isBoolean)
    {
        Number = number;
        Boolean = boolean;
        IsBoolean = isBoolean;
    }

    public Number Number { get; }

    public bool Boolean { get; }

    public bool IsBoolean { get; }

    public static Val Of(Number number) => new(number, false, false);

    public static Val Of(bool boolean) => new(default, boolean, true);
}

/// <summary>A user function: parameters and body, looked up by name when called.</summary>
internal sealed record UserFunction(string Name, string[] Parameters, Expr Body);

/// <summary>A function supplied by the host program (<see cref="Session.DefineFunction(string, int, int, Func{IReadOnlyList{Value}, Value})"/>).</summary>
internal sealed record HostFunction(string Name, int MinArity, int MaxArity, Func<IReadOnlyList<Value>, Value> Body);

/// <summary>The global names of a session: variables, user and host functions, and <c>ans</c>.</summary>
internal sealed class Scope
{
    public Dictionary<string, HostFunction> HostFunctions { get; } = new(StringComparer.Ordinal);

    /// <summary>Asked for names the scope lacks (NCalc's <c>EvaluateParameter</c>).</summary>
    public Func<string, Value?>? VariableResolver { get; set; }

    public Dictionary<string, Val> Variables { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, UserFunction> Functions { get; } = new(StringComparer.Ordinal);

    public Val? Ans { get; set; }
}
