using System.Numerics;
using Calculator.Evaluator.Builtins;
using Calculator.Evaluator.Numerics;
using Calculator.Parser;

namespace Calculator.Evaluator;

/// <summary>Settings of a session. Defaults follow SPEC §4 and §8.</summary>
public sealed record SessionOptions
{
    /// <summary>Significant decimal digits of approximate results (1 to 100 000).</summary>
    public int Precision { get; init; } = 20;

    /// <summary>Most decimal digits an exact result may have.</summary>
    public int MaxDigits { get; init; } = Limits.MaxDigits;

    /// <summary>Deepest user-function recursion.</summary>
    public int MaxRecursionDepth { get; init; } = Limits.MaxRecursionDepth;

    /// <summary>How long one statement may run (<see cref="Timeout.InfiniteTimeSpan"/> for no limit).</summary>
    public TimeSpan StatementTimeLimit { get; init; } = Limits.StatementTimeLimit;
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
/// <param name="Kind">What happened.</param>
/// <param name="Value">The value of an expression or assignment.</param>
/// <param name="Name">The name bound by an assignment or definition.</param>
/// <param name="Error">The failure, with its place in the statement's text.</param>
public sealed record Outcome(OutcomeKind Kind, Value? Value, string? Name, Diagnostic? Error);

/// <summary>
/// A scope of variables and functions in which statements run one after another, as in a calc session.
/// Parse once with <see cref="CalcParser"/>, then execute as often as needed, changing variables in between.
/// </summary>
public sealed class Session
{
    private readonly Scope _scope = new();
    private readonly NumericContext _context;
    private readonly Evaluator _evaluator;

    /// <summary>Creates a session with the given options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The precision is outside 1 to 100 000.</exception>
    public Session(SessionOptions? options = null)
    {
        Options = options ?? new SessionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.Precision, Limits.MinPrecision);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Options.Precision, Limits.MaxPrecision);
        _context = new NumericContext(Options.Precision, Options.MaxDigits);
        _evaluator = new Evaluator(_scope, _context, Options.MaxRecursionDepth);
    }

    /// <summary>The options this session runs with.</summary>
    public SessionOptions Options { get; }

    /// <summary>Parses and runs every statement of <paramref name="text"/>, in order. Never throws.</summary>
    public IReadOnlyList<Outcome> Run(string text)
    {
        var statements = CalcParser.ParseProgram(text);
        var outcomes = new Outcome[statements.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = Execute(statements[i]);
        }
        return outcomes;
    }

    /// <summary>Runs a parsed statement, or reports its syntax error. Never throws.</summary>
    public Outcome Execute(ParsedStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return statement.Syntax is { } syntax ? Execute(syntax) : new Outcome(OutcomeKind.Error, null, null, statement.Error);
    }

    /// <summary>Runs one parsed statement. Never throws for any statement; errors come back as outcomes.</summary>
    public Outcome Execute(Statement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        _evaluator.StartStatement(Options.StatementTimeLimit);
        try
        {
            switch (statement)
            {
                case ExpressionStatement s:
                {
                    var value = Settle(_evaluator.EvaluateStatement(s.Expression), s.Span);
                    _scope.Ans = value;
                    return new Outcome(OutcomeKind.Value, new Value(value, _context), null, null);
                }
                case Assignment a:
                {
                    var name = a.Name.Text;
                    if (BuiltinTable.IsReserved(name))
                    {
                        throw Evaluator.Fail(DiagnosticKind.Syntax, a.Name.Span, Messages.CannotAssign(name));
                    }
                    var value = Settle(_evaluator.EvaluateStatement(a.Value), a.Span);
                    _scope.Variables[name] = value;
                    return new Outcome(OutcomeKind.Assignment, new Value(value, _context), name, null);
                }
                case FunctionDefinition f:
                    return Define(f);
                default:
                    throw new System.Diagnostics.UnreachableException();
            }
        }
        catch (EvaluationException e)
        {
            return new Outcome(OutcomeKind.Error, null, null, e.Diagnostic);
        }
        catch (InsufficientExecutionStackException)
        {
            return new Outcome(OutcomeKind.Error, null, null,
                new Diagnostic(DiagnosticKind.Limit, statement.Span, Messages.NestedTooDeeply));
        }
    }

    /// <summary>Evaluates one expression in this session's scope without changing <c>ans</c>.</summary>
    /// <returns>The value, or null with <paramref name="error"/> set.</returns>
    public Value? Evaluate(Expr expression, out Diagnostic? error)
    {
        ArgumentNullException.ThrowIfNull(expression);
        _evaluator.StartStatement(Options.StatementTimeLimit);
        try
        {
            error = null;
            return new Value(Settle(_evaluator.EvaluateStatement(expression), expression.Span), _context);
        }
        catch (EvaluationException e)
        {
            error = e.Diagnostic;
            return null;
        }
    }

    /// <summary>Binds <paramref name="name"/> to the exact value numerator/denominator.</summary>
    public void SetVariable(string name, BigInteger numerator, BigInteger denominator)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (BuiltinTable.IsReserved(name))
        {
            throw new ArgumentException(Messages.CannotAssign(name), nameof(name));
        }
        _scope.Variables[name] = Val.Of(Number.Exact(Rational.Create(numerator, denominator)));
    }

    /// <summary>Binds <paramref name="name"/> to a value computed earlier (in this or another session).</summary>
    public void SetVariable(string name, Value value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (BuiltinTable.IsReserved(name))
        {
            throw new ArgumentException(Messages.CannotAssign(name), nameof(name));
        }
        _scope.Variables[name] = value.Inner;
    }

    /// <summary>
    /// Computes an approximate value to the digits it prints with, so that a limit or an undecidable
    /// digit found on the way is this statement's error rather than an exception from <see cref="Value.Format(bool)"/>.
    /// The digits are memoised, so printing later costs nothing more.
    /// </summary>
    private Val Settle(Val value, TextSpan span)
    {
        if (!value.IsBoolean && !value.Number.IsExact)
        {
            try
            {
                _ = ApproxFormat.Printed(value.Number, _context);
            }
            catch (NumericException e)
            {
                throw Evaluator.Fail(e, span);
            }
        }
        return value;
    }

    private Outcome Define(FunctionDefinition definition)
    {
        var name = definition.Name.Text;
        if (BuiltinTable.IsReserved(name))
        {
            throw Evaluator.Fail(DiagnosticKind.Syntax, definition.Name.Span, Messages.CannotRedefine(name));
        }
        var parameters = new string[definition.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = definition.Parameters[i];
            if (Array.IndexOf(parameters, parameter.Text, 0, i) >= 0)
            {
                throw Evaluator.Fail(DiagnosticKind.Syntax, parameter.Span, Messages.DuplicateParameter(parameter.Text));
            }
            parameters[i] = parameter.Text;
        }
        _scope.Functions[name] = new UserFunction(name, parameters, definition.Body);
        return new Outcome(OutcomeKind.Definition, null, name, null);
    }
}
