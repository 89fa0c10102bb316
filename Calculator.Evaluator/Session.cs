using Calculator.Parser;

namespace Calculator.Evaluator;

/// <summary>Settings of a session. Defaults follow SPEC §4 and §8.</summary>
public sealed record SessionOptions
{
    /// <summary>Significant decimal digits of approximate results (1 to 100 000).</summary>
    public int Precision { get; init; } = 20;
}

/// <summary>What a statement produced.</summary>
public enum OutcomeKind
{
    /// <summary>An expression's value, to print.</summary>
    Value,
    /// <summary>A variable was bound; nothing is printed.</summary>
    Assignment,
    /// <summary>A function was defined; nothing is printed.</summary>
    Definition,
    /// <summary>The statement failed; see <see cref="Outcome.Error"/>.</summary>
    Error,
}

/// <summary>The result of executing one statement.</summary>
public sealed record Outcome(OutcomeKind Kind, Value? Value, string? Name, Diagnostic? Error);

/// <summary>A computed value: a number (exact or approximate) or a boolean.</summary>
public sealed class Value
{
    /// <summary>True for booleans and exact numbers.</summary>
    public bool IsExact => throw new NotImplementedException();

    /// <summary>The value as SPEC §5 prints it at the session's precision.</summary>
    public string Format(bool fraction = false) => throw new NotImplementedException();
}

/// <summary>A scope of variables and functions in which statements run one after another.</summary>
public sealed class Session
{
    /// <summary>Creates a session with the given options.</summary>
    public Session(SessionOptions? options = null) => Options = options ?? new SessionOptions();

    /// <summary>The options this session runs with.</summary>
    public SessionOptions Options { get; }

    /// <summary>Runs one parsed statement. Never throws for any statement; errors come back as outcomes.</summary>
    public Outcome Execute(Statement statement) => throw new NotImplementedException();
}
