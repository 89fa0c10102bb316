using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// How many bytes the heap may grow during one statement (<see cref="long.MaxValue"/> for no limit).
    /// The heap is the process's: sessions running at the same time count each other's allocations.
    /// </summary>
    public long StatementMemoryLimit { get; init; } = Limits.StatementMemoryLimit;
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
/// Parse once (<see cref="CalcExpression.Parse"/>), then evaluate as often as needed, changing variables in between.
/// </summary>
/// <remarks>
/// Not thread-safe: use one session per thread (a <see cref="CalcExpression"/> and a <see cref="Value"/> may be
/// shared between them). Host functions may evaluate in their own session, up to 64 levels deep.
/// </remarks>
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

    /// <summary>The built-in constants and functions, in the order SPEC §4 lists them.</summary>
    public static IEnumerable<string> BuiltinNames => BuiltinTable.Constants.Keys.Concat(BuiltinTable.Functions.Keys);

    /// <summary>Every name a statement may use now: built in, <c>true</c>, <c>false</c>, <c>ans</c>, and defined in this session.</summary>
    public IEnumerable<string> Names =>
        BuiltinNames.Concat(["true", "false", "ans"]).Concat(_scope.Variables.Keys).Concat(_scope.Functions.Keys);

    /// <summary>Parses and runs every statement of <paramref name="text"/>, in order. Never throws.</summary>
    /// <param name="text">The program.</param>
    public IReadOnlyList<Outcome> Run(string text) => Run(text, CancellationToken.None);

    /// <summary>Parses and runs every statement of <paramref name="text"/>, in order. Never throws.</summary>
    /// <param name="text">The program.</param>
    /// <param name="cancellationToken">Once set, the running statement and every later one fail with an <c>interrupted</c> limit error.</param>
    public IReadOnlyList<Outcome> Run(string text, CancellationToken cancellationToken)
    {
        var statements = CalcParser.ParseProgram(text);
        var outcomes = new Outcome[statements.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = Execute(statements[i], cancellationToken);
        }
        return outcomes;
    }

    /// <summary>Runs a parsed statement, or reports its syntax error. Never throws.</summary>
    /// <param name="statement">The statement.</param>
    public Outcome Execute(ParsedStatement statement) => Execute(statement, CancellationToken.None);

    /// <summary>Runs a parsed statement, or reports its syntax error. Never throws.</summary>
    /// <param name="statement">The statement.</param>
    /// <param name="cancellationToken">Once set, the statement fails with an <c>interrupted</c> limit error.</param>
    public Outcome Execute(ParsedStatement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return statement.Syntax is { } syntax ? Execute(syntax, cancellationToken) : new Outcome(OutcomeKind.Error, null, null, statement.Error);
    }

    /// <summary>Runs one parsed statement. Never throws for any statement; errors come back as outcomes.</summary>
    /// <param name="statement">The statement.</param>
    public Outcome Execute(Statement statement) => Execute(statement, CancellationToken.None);

    /// <summary>Runs one parsed statement. Never throws for any statement; errors come back as outcomes.</summary>
    /// <param name="statement">The statement.</param>
    /// <param name="cancellationToken">Once set, the statement fails with an <c>interrupted</c> limit error.</param>
    public Outcome Execute(Statement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (cancellationToken.IsCancellationRequested)
        {
            return new Outcome(OutcomeKind.Error, null, null, new Diagnostic(DiagnosticKind.Limit, statement.Span, Messages.Interrupted));
        }
        if (_nesting >= MaxNesting)
        {
            return new Outcome(OutcomeKind.Error, null, null, new Diagnostic(DiagnosticKind.Limit, statement.Span, Messages.RecursionTooDeep));
        }
        var evaluator = EnterEvaluator();
        using var budget = evaluator.StartStatement(Options.StatementTimeLimit, Options.StatementMemoryLimit, cancellationToken);
        try
        {
            switch (statement)
            {
                case ExpressionStatement s:
                {
                    var value = Settle(evaluator.EvaluateStatement(s.Expression), s.Span);
                    var radix = s.Base is { } conversion ? IntegerOperators.Radix(value, conversion, s.Expression.Span) : 0;
                    _scope.Ans = value;
                    return new Outcome(OutcomeKind.Value, new Value(value, _context) { Radix = radix }, null, null);
                }
                case Assignment a:
                {
                    var name = a.Name.Text;
                    if (BuiltinTable.IsReserved(name))
                    {
                        throw Evaluator.Fail(DiagnosticKind.Syntax, a.Name.Span, Messages.CannotAssign(name));
                    }
                    var value = Settle(evaluator.EvaluateStatement(a.Value), a.Span);
                    _scope.SetVariable(name, value);
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
        catch (OutOfMemoryException)
        {
            // The heap's own limit (a container's memory, an address-space ulimit) came before the
            // statement's budget; the statement's values are garbage now, and the session goes on.
            return new Outcome(OutcomeKind.Error, null, null,
                new Diagnostic(DiagnosticKind.Limit, statement.Span, Messages.OutOfMemoryInRuntime));
        }
        finally
        {
            _nesting--;
        }
    }

    /// <summary>Evaluates one expression in this session's scope without changing <c>ans</c>.</summary>
    /// <param name="expression">The expression.</param>
    /// <param name="error">The failure, when the result is null.</param>
    /// <returns>The value, or null with <paramref name="error"/> set.</returns>
    public Value? Evaluate(Expr expression, out Diagnostic? error) => Evaluate(expression, out error, CancellationToken.None);

    /// <summary>Evaluates one expression in this session's scope without changing <c>ans</c>.</summary>
    /// <param name="expression">The expression.</param>
    /// <param name="error">The failure, when the result is null.</param>
    /// <param name="cancellationToken">Once set, the evaluation fails with an <c>interrupted</c> limit error.</param>
    /// <returns>The value, or null with <paramref name="error"/> set.</returns>
    public Value? Evaluate(Expr expression, out Diagnostic? error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Evaluate(expression, null, out error, cancellationToken);
    }

    // Evaluates bound when there is a binding (a CalcExpression), else the tree.
    private Value? Evaluate(Expr expression, BoundExpression? bound, out Diagnostic? error, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            error = new Diagnostic(DiagnosticKind.Limit, expression.Span, Messages.Interrupted);
            return null;
        }
        if (_nesting >= MaxNesting)
        {
            error = new Diagnostic(DiagnosticKind.Limit, expression.Span, Messages.RecursionTooDeep);
            return null;
        }
        var evaluator = EnterEvaluator();
        try
        {
            using var budget = evaluator.StartStatement(Options.StatementTimeLimit, Options.StatementMemoryLimit, cancellationToken);
            error = null;
            var value = bound is null ? evaluator.EvaluateStatement(expression) : evaluator.EvaluateStatement(bound);
            return new Value(Settle(value, expression.Span), _context);
        }
        catch (EvaluationException e)
        {
            error = e.Diagnostic;
            return null;
        }
        catch (InsufficientExecutionStackException)
        {
            error = new Diagnostic(DiagnosticKind.Limit, expression.Span, Messages.NestedTooDeeply);
            return null;
        }
        finally
        {
            _nesting--;
        }
    }

    /// <summary>
    /// Binds <paramref name="name"/> to a value (from <see cref="Value.FromInteger(long)"/> and its kin, or computed
    /// earlier in this or another session), replacing any earlier binding.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a calc name (SPEC §2: a letter or
    /// <c>_</c>, then letters, digits or <c>_</c>, ASCII) or is built in (<c>pi</c>, <c>sqrt</c>, <c>ans</c>, …).</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void SetVariable(string name, Value value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        // A name bound before was checked then: a host updating its variables pays one look-up.
        if (_scope.Variables.TryGetValue(name, out var slot))
        {
            slot.Value = value.Inner;
            return;
        }
        CheckBindable(name, Messages.CannotAssign);
        _scope.SetVariable(name, value.Inner);
    }

    /// <summary>Binds <paramref name="name"/> to the exact fraction <paramref name="numerator"/>/<paramref name="denominator"/>.</summary>
    /// <exception cref="ArgumentException">The name is not a calc name or is built in, or the denominator is zero.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public void SetVariable(string name, BigInteger numerator, BigInteger denominator) =>
        SetVariable(name, Value.FromFraction(numerator, denominator));

    /// <summary>The value bound to <paramref name="name"/> by <see cref="SetVariable(string, Value)"/> or an assignment, if any.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetVariable(string name, [MaybeNullWhen(false)] out Value value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_scope.Variables.TryGetValue(name, out var slot))
        {
            value = new Value(slot.Value, _context);
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>
    /// Asked for a variable name that is neither a parameter, a variable of this session nor built in,
    /// each time the name is evaluated (like NCalc's <c>EvaluateParameter</c>); return null for "unknown".
    /// Whatever it throws becomes the statement's error (see <see cref="DefineFunction(string, int, int, Func{IReadOnlyList{Value}, Value})"/>).
    /// </summary>
    public Func<string, Value?>? VariableResolver
    {
        get => _scope.VariableResolver;
        set => _scope.VariableResolver = value;
    }

    /// <summary>Defines a host function of exactly <paramref name="arity"/> arguments.</summary>
    /// <inheritdoc cref="DefineFunction(string, int, int, Func{IReadOnlyList{Value}, Value})"/>
    public void DefineFunction(string name, int arity, Func<IReadOnlyList<Value>, Value> body) =>
        DefineFunction(name, arity, arity, body);

    /// <summary>
    /// Defines a host function, replacing any function of that name defined earlier (by the host or by a
    /// <c>f(x) = …</c> statement). calc evaluates the arguments and calls <paramref name="body"/> on the
    /// session's thread. An <see cref="ArgumentException"/> or <see cref="ArithmeticException"/> thrown by it
    /// becomes a <see cref="DiagnosticKind.Domain"/> error at the call with the exception's message; a null
    /// result or any other exception a <see cref="DiagnosticKind.Host"/> error. Nothing it does ends the session.
    /// </summary>
    /// <param name="name">A calc name that is not built in.</param>
    /// <param name="minArity">The fewest arguments, at least 0.</param>
    /// <param name="maxArity">The most arguments (<see cref="int.MaxValue"/> for any number).</param>
    /// <param name="body">The function.</param>
    /// <exception cref="ArgumentException">The name is not a calc name or is built in, or the arities are not a range.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void DefineFunction(string name, int minArity, int maxArity, Func<IReadOnlyList<Value>, Value> body)
    {
        CheckBindable(name, Messages.CannotRedefine);
        ArgumentNullException.ThrowIfNull(body);
        if (minArity < 0 || maxArity < minArity)
        {
            throw new ArgumentException(Messages.NegativeArity(minArity, maxArity), nameof(maxArity));
        }
        _scope.Functions.Remove(name);
        _scope.HostFunctions[name] = new HostFunction(name, minArity, maxArity, body);
    }

    /// <summary>Evaluates an expression in this session's scope (without changing <c>ans</c>).</summary>
    /// <exception cref="CalcException">The evaluation failed; its <see cref="CalcException.Diagnostic"/> has the place in the expression's text.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="expression"/> is null.</exception>
    public Value Evaluate(CalcExpression expression) => Evaluate(expression, CancellationToken.None);

    /// <summary>
    /// Evaluates an expression; a cancelled <paramref name="cancellationToken"/> ends the evaluation with a
    /// <see cref="DiagnosticKind.Limit"/> error, as the statement time limit does.
    /// </summary>
    /// <exception cref="CalcException">The evaluation failed or was cancelled.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="expression"/> is null.</exception>
    public Value Evaluate(CalcExpression expression, CancellationToken cancellationToken) =>
        TryEvaluate(expression, cancellationToken, out var value, out var diagnostic) ? value : throw new CalcException(diagnostic);

    /// <summary>Parses and evaluates one expression.</summary>
    /// <exception cref="CalcSyntaxException">The text is not one expression.</exception>
    /// <exception cref="CalcException">The evaluation failed.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public Value Evaluate(string text) => Evaluate(CalcExpression.Parse(text), CancellationToken.None);

    /// <inheritdoc cref="Evaluate(string)"/>
    /// <param name="text">The expression.</param>
    /// <param name="cancellationToken">Ends the evaluation with a <see cref="DiagnosticKind.Limit"/> error when cancelled.</param>
    public Value Evaluate(string text, CancellationToken cancellationToken) => Evaluate(CalcExpression.Parse(text), cancellationToken);

    /// <summary>Evaluates an expression, reporting failure instead of throwing.</summary>
    /// <param name="expression">The expression.</param>
    /// <param name="value">The value, on success.</param>
    /// <param name="diagnostic">The error with its line and column in the expression's text, on failure.</param>
    /// <exception cref="ArgumentNullException"><paramref name="expression"/> is null.</exception>
    public bool TryEvaluate(CalcExpression expression, [NotNullWhen(true)] out Value? value, [NotNullWhen(false)] out Diagnostic? diagnostic) =>
        TryEvaluate(expression, CancellationToken.None, out value, out diagnostic);

    /// <inheritdoc cref="TryEvaluate(CalcExpression, out Value?, out Diagnostic?)"/>
    /// <param name="expression">The expression.</param>
    /// <param name="cancellationToken">Ends the evaluation with a <see cref="DiagnosticKind.Limit"/> error when cancelled.</param>
    /// <param name="value">The value, on success.</param>
    /// <param name="diagnostic">The error, on failure.</param>
    public bool TryEvaluate(CalcExpression expression, CancellationToken cancellationToken,
        [NotNullWhen(true)] out Value? value, [NotNullWhen(false)] out Diagnostic? diagnostic)
    {
        ArgumentNullException.ThrowIfNull(expression);
        value = Evaluate(expression.Syntax, Bind(expression), out var error, cancellationToken);
        diagnostic = error?.WithPositionIn(expression.Text);
        return value is not null;
    }

    // The bindings of the expressions this session evaluated; the last one is kept at hand, since
    // a host usually evaluates one expression many times in a row.
    private readonly ConditionalWeakTable<CalcExpression, BoundExpression> _bindings = new();
    private CalcExpression? _lastExpression;
    private BoundExpression? _lastBinding;

    private BoundExpression Bind(CalcExpression expression)
    {
        if (ReferenceEquals(expression, _lastExpression) && _lastBinding!.NamesVersion == _scope.NamesVersion)
        {
            return _lastBinding;
        }
        if (!_bindings.TryGetValue(expression, out var binding) || binding.NamesVersion != _scope.NamesVersion)
        {
            binding = BoundExpression.Bind(expression.Syntax, _scope, _context);
            _bindings.AddOrUpdate(expression, binding);
        }
        (_lastExpression, _lastBinding) = (expression, binding);
        return binding;
    }

    // How deep host functions may nest evaluations in their own session.
    private const int MaxNesting = 64;

    private int _nesting;

    // The session's evaluator, or a fresh one when a host function evaluates inside an evaluation
    // (whose state must not be disturbed). The caller leaves with _nesting--.
    private Evaluator EnterEvaluator() =>
        _nesting++ == 0 ? _evaluator : new Evaluator(_scope, _context, Options.MaxRecursionDepth);

    private static void CheckBindable(string name, Func<string, string> builtInMessage)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsCalcName(name))
        {
            throw new ArgumentException(Messages.NotAName(name), nameof(name));
        }
        if (BuiltinTable.IsReserved(name))
        {
            throw new ArgumentException(builtInMessage(name), nameof(name));
        }
    }

    private static bool IsCalcName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Computes an approximate value to the digits it prints with, so that a limit or an undecidable
    /// digit found on the way is this statement's error rather than an exception from <see cref="Value.Format"/>.
    /// The digits are memoised, so printing later costs nothing more.
    /// </summary>
    private Val Settle(Val value, TextSpan span)
    {
        if (!value.IsBoolean && !value.Number.IsExact)
        {
            SettleApproximate(value.Number, span);
        }
        return value;
    }

    // Apart from Settle, which every evaluation passes through with (mostly) an exact value.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SettleApproximate(Number number, TextSpan span)
    {
        try
        {
            _ = ApproxFormat.Printed(number, _context);
        }
        catch (NumericException e)
        {
            throw Evaluator.Fail(e, span);
        }
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
        _scope.HostFunctions.Remove(name);
        _scope.Functions[name] = new UserFunction(name, parameters, definition.Body);
        return new Outcome(OutcomeKind.Definition, null, name, null);
    }
}
