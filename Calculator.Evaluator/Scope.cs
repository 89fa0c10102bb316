using System.Runtime.InteropServices;
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

/// <summary>
/// Where a session variable's value lives. A bound expression holds the slot itself, so reading the
/// variable costs no look-up by name, and rebinding the name writes the same slot.
/// </summary>
internal sealed class VariableSlot(Val value)
{
    public Val Value { get; set; } = value;
}

/// <summary>The global names of a session: variables, user and host functions, and <c>ans</c>.</summary>
internal sealed class Scope
{
    public Dictionary<string, HostFunction> HostFunctions { get; } = new(StringComparer.Ordinal);

    /// <summary>Asked for names the scope lacks (NCalc's <c>EvaluateParameter</c>).</summary>
    public Func<string, Value?>? VariableResolver { get; set; }

    /// <summary>The variables; a name, once bound, keeps its slot for the session's lifetime.</summary>
    public Dictionary<string, VariableSlot> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Changes whenever a variable name is added: expressions bound before then may read that name
    /// by look-up and are bound again (<see cref="BoundExpression"/>).
    /// </summary>
    public int NamesVersion { get; private set; }

    /// <summary>Binds <paramref name="name"/>, writing its slot when it has one.</summary>
    public void SetVariable(string name, Val value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(Variables, name, out var exists);
        if (exists)
        {
            slot!.Value = value;
            return;
        }
        slot = new VariableSlot(value);
        NamesVersion++;
    }

    public Dictionary<string, UserFunction> Functions { get; } = new(StringComparer.Ordinal);

    public Val? Ans { get; set; }
}
