using System.Diagnostics;
using System.Runtime.CompilerServices;
using Calculator.Evaluator.Builtins;
using Calculator.Evaluator.Numerics;
using Calculator.Parser;

namespace Calculator.Evaluator;

/// <summary>The one exception of the evaluator: an expected failure with its place, caught in <see cref="Session"/>.</summary>
internal sealed class EvaluationException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}

/// <summary>
/// Walks a tree and computes its value. It never sees text: names, numbers and spans come from the tree.
/// Left-associative chains are walked with an explicit stack, so a flat sum of any length costs no recursion.
/// </summary>
internal sealed class Evaluator(Scope scope, NumericContext context, int maxRecursion)
{
    // The parameters and arguments of the user-function call being evaluated, if any.
    private string[]? _parameters;
    private Val[]? _arguments;
    private int _callDepth;

    // The user-function calls in progress. Functions are pure and the scope cannot change within a
    // statement, so a call made again with the same arguments while it is in progress never ends.
    private readonly HashSet<ActiveCall> _activeCalls = [];

    // Shared stack of left spines; each EvaluateBinary uses the part above the count it found.
    private readonly List<Binary> _spine = [];

    // The statement's time budget: each limit bounds one result, but a long statement of
    // big results (184710! + 184710! + …) could otherwise run for hours.
    private long _deadline = long.MaxValue;
    private int _ticks;
    private TimeSpan _timeLimit;
    private bool _clockPending;
    private CancellationToken _cancellation;

    /// <summary>
    /// Starts a statement; <see cref="Evaluate"/> fails once it has run for <paramref name="limit"/>.
    /// The clock is read when the general evaluation starts: the small path before it is bounded and
    /// takes nanoseconds, and reading the clock for every line of a big file cost 3% of its time.
    /// </summary>
    public void StartStatement(TimeSpan limit, CancellationToken cancellation = default)
    {
        _cancellation = cancellation;
        _timeLimit = limit;
        _deadline = long.MaxValue;
        _clockPending = limit != Timeout.InfiniteTimeSpan;
    }

    /// <summary>
    /// Evaluates a statement's expression. Plain arithmetic on small exact numbers (most lines of
    /// real input) is tried first on longs; anything else, and any error, takes <see cref="Evaluate"/>.
    /// </summary>
    public Val EvaluateStatement(Expr expression)
    {
        if (context.MaxDigits >= SmallPathMinDigits && TryEvaluateSmall(expression, 0, out var small))
        {
            return Val.Of(Number.Exact(small.ToRational()));
        }
        if (_clockPending)
        {
            _clockPending = false;
            _deadline = Stopwatch.GetTimestamp() + (long)(_timeLimit.TotalSeconds * Stopwatch.Frequency);
        }
        return Evaluate(expression);
    }

    public Val Evaluate(Expr expression)
    {
        // Reading the clock every 256 nodes costs nothing measurable on small lines.
        if ((++_ticks & 0xFF) == 0)
        {
            if (Stopwatch.GetTimestamp() > _deadline)
            {
                throw Fail(DiagnosticKind.Limit, expression.Span, Messages.TooLong(_timeLimit));
            }
            if (_cancellation.IsCancellationRequested)
            {
                throw Fail(DiagnosticKind.Limit, expression.Span, Messages.Interrupted);
            }
        }
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Fail(DiagnosticKind.Limit, expression.Span, _callDepth > 0 ? Messages.RecursionTooDeep : Messages.NestedTooDeeply);
        }
        return expression switch
        {
            NumberLiteral n => Val.Of(Literal(n)),
            Variable v => Lookup(v),
            Unary u => EvaluateUnary(u),
            Factorial f => Val.Of(Numeric(f.Span, NumberMath.Factorial, ExpectNumber(f.Operand))),
            Binary b => EvaluateBinary(b),
            FunctionCall c => EvaluateCall(c),
            Conditional c => ExpectBoolean(c.Condition, Messages.ConditionNotBoolean)
                ? Evaluate(c.WhenTrue)
                : Evaluate(c.WhenFalse),
            _ => throw new UnreachableException(),
        };
    }

    // SmallFraction results have at most 19 digits, within this limit with no check.
    private const int SmallPathMinDigits = 19;

    // Deeper trees take the general path, which guards the stack.
    private const int SmallPathMaxDepth = 64;

    /// <summary>
    /// Literals, signs and + − · / ^ on small exact numbers, without Val, Number or delegates.
    /// It has no effects, so when it declines (other nodes, big values, division by zero) the
    /// caller evaluates the whole expression again on the general path, which reports any error.
    /// Only statements start it, so a declined subtree is never retried.
    /// </summary>
    private static bool TryEvaluateSmall(Expr expression, int depth, out SmallFraction value)
    {
        value = default;
        if (depth > SmallPathMaxDepth)
        {
            return false;
        }
        switch (expression)
        {
            case NumberLiteral n:
                return SmallFraction.TryFromDecimal(n.Significand, n.Exponent10, out value);
            case Unary u when u.Operator is UnaryOperator.Negate or UnaryOperator.Plus:
                if (!TryEvaluateSmall(u.Operand, depth + 1, out value))
                {
                    return false;
                }
                if (u.Operator == UnaryOperator.Negate)
                {
                    value = SmallFraction.Negate(value);
                }
                return true;
            case Binary b when b.Operator is BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply
                or BinaryOperator.Divide or BinaryOperator.Power:
                if (!TryEvaluateSmall(b.Left, depth + 1, out var x) || !TryEvaluateSmall(b.Right, depth + 1, out var y))
                {
                    return false;
                }
                return b.Operator switch
                {
                    BinaryOperator.Add => SmallFraction.TryAdd(x, y, out value),
                    BinaryOperator.Subtract => SmallFraction.TryAdd(x, SmallFraction.Negate(y), out value),
                    BinaryOperator.Multiply => SmallFraction.TryMultiply(x, y, out value),
                    BinaryOperator.Divide => SmallFraction.TryDivide(x, y, out value),
                    _ => SmallFraction.TryPower(x, y, out value),
                };
            default:
                return false;
        }
    }

    private Number Literal(NumberLiteral literal)
    {
        try
        {
            return Number.FromDecimal(literal.Significand, literal.Exponent10, context);
        }
        catch (NumericException e)
        {
            throw Fail(e, literal.Span);
        }
    }

    private Val EvaluateUnary(Unary u) => u.Operator switch
    {
        UnaryOperator.Negate => Val.Of(Negate(u)),
        UnaryOperator.Plus => Val.Of(ExpectNumber(u.Operand)),
        _ => Val.Of(!ExpectBoolean(u.Operand, Messages.NumberInLogic)),
    };

    private Number Negate(Unary u)
    {
        var x = ExpectNumber(u.Operand);
        try
        {
            return NumberMath.Negate(x, context);
        }
        catch (NumericException e)
        {
            throw Fail(e, u.Span);
        }
    }

    private Val EvaluateBinary(Binary node)
    {
        if (node.Left is not Binary left)
        {
            return Combine(node, Evaluate(node.Left));
        }
        if (left.Left is not Binary)
        {
            // A chain of two (a * b - c), the commonest case after one, needs no spine.
            return Combine(node, Combine(left, Evaluate(left.Left)));
        }
        var bottom = _spine.Count;
        Expr current = node;
        while (current is Binary binary)
        {
            _spine.Add(binary);
            current = binary.Left;
        }
        try
        {
            var value = Evaluate(current);
            for (var i = _spine.Count - 1; i >= bottom; i--)
            {
                value = Combine(_spine[i], value);
            }
            return value;
        }
        finally
        {
            _spine.RemoveRange(bottom, _spine.Count - bottom);
        }
    }

    // Applies node's operator to an evaluated left operand, evaluating the right one only when needed.
    private Val Combine(Binary node, Val left)
    {
        switch (node.Operator)
        {
            case BinaryOperator.And:
                return Val.Of(AsBoolean(left, node.Left.Span) && ExpectBoolean(node.Right, Messages.NumberInLogic));
            case BinaryOperator.Or:
                return Val.Of(AsBoolean(left, node.Left.Span) || ExpectBoolean(node.Right, Messages.NumberInLogic));
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
            {
                var right = Evaluate(node.Right);
                bool equal;
                if (left.IsBoolean && right.IsBoolean)
                {
                    equal = left.Boolean == right.Boolean;
                }
                else
                {
                    var a = AsNumber(left, node.Left.Span);
                    var b = AsNumber(right, node.Right.Span);
                    equal = Compare(node.OperatorSpan, a, b) == 0;
                }
                return Val.Of(equal == (node.Operator == BinaryOperator.Equal));
            }
        }

        var x = AsNumber(left, node.Left.Span);
        var y = ExpectNumber(node.Right);
        try
        {
            return node.Operator switch
            {
                BinaryOperator.Add => Val.Of(NumberMath.Add(x, y, context)),
                BinaryOperator.Subtract => Val.Of(NumberMath.Subtract(x, y, context)),
                BinaryOperator.Multiply => Val.Of(NumberMath.Multiply(x, y, context)),
                BinaryOperator.Divide => Val.Of(NumberMath.Divide(x, y, context)),
                BinaryOperator.Modulo => Val.Of(NumberMath.Modulo(x, y, context)),
                BinaryOperator.Power => Val.Of(NumberMath.Power(x, y, context)),
                BinaryOperator.Less => Val.Of(NumberMath.Compare(x, y, context) < 0),
                BinaryOperator.LessOrEqual => Val.Of(NumberMath.Compare(x, y, context) <= 0),
                BinaryOperator.Greater => Val.Of(NumberMath.Compare(x, y, context) > 0),
                BinaryOperator.GreaterOrEqual => Val.Of(NumberMath.Compare(x, y, context) >= 0),
                _ => throw new UnreachableException(),
            };
        }
        catch (NumericException e)
        {
            // The operations are called directly rather than through delegates: a delegate call
            // per operator was a measurable share of a simple line under Native AOT.
            throw Fail(e, node.OperatorSpan);
        }
    }

    private Val Lookup(Variable variable)
    {
        var name = variable.Name;
        if (_parameters is not null)
        {
            var index = Array.IndexOf(_parameters, name);
            if (index >= 0)
            {
                return _arguments![index];
            }
        }
        if (scope.Variables.TryGetValue(name, out var value))
        {
            return value;
        }
        if (BuiltinTable.Constants.TryGetValue(name, out var constant))
        {
            return Val.Of(constant);
        }
        switch (name)
        {
            case "true":
                return Val.Of(true);
            case "false":
                return Val.Of(false);
            case "ans":
                return scope.Ans ?? throw Fail(DiagnosticKind.UnknownName, variable.Span, Messages.AnsBeforeAnyResult);
        }
        if (BuiltinTable.Functions.ContainsKey(name) || scope.Functions.ContainsKey(name) || scope.HostFunctions.ContainsKey(name))
        {
            throw Fail(DiagnosticKind.UnknownName, variable.Span, Messages.FunctionAsValue(name));
        }
        if (scope.VariableResolver is { } resolver && Resolve(resolver, name, variable.Span) is { } resolved)
        {
            return resolved.Inner;
        }
        throw Fail(DiagnosticKind.UnknownName, variable.Span, Messages.UnknownName(name, Suggest(name, functions: false)));
    }

    private Val EvaluateCall(FunctionCall call)
    {
        var name = call.Function.Text;
        var arguments = call.Arguments;
        if (scope.Functions.TryGetValue(name, out var user))
        {
            return CallUser(call, user);
        }
        if (scope.HostFunctions.TryGetValue(name, out var host))
        {
            return CallHost(call, host);
        }
        if (!BuiltinTable.Functions.TryGetValue(name, out var builtin))
        {
            if (scope.Variables.ContainsKey(name) || BuiltinTable.Constants.ContainsKey(name))
            {
                throw Fail(DiagnosticKind.UnknownName, call.Function.Span, Messages.NotAFunction(name));
            }
            throw Fail(DiagnosticKind.UnknownName, call.Function.Span, Messages.UnknownFunction(name, Suggest(name, functions: true)));
        }
        if (arguments.Count < builtin.MinArity || arguments.Count > builtin.MaxArity)
        {
            throw Fail(DiagnosticKind.Arity, call.Span, Messages.Arity(name, builtin.MinArity, builtin.MaxArity, arguments.Count));
        }
        var values = new Number[arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ExpectNumber(arguments[i]);
        }
        try
        {
            return Val.Of(builtin.Body(values, context));
        }
        catch (NumericException e)
        {
            throw Fail(e, call.Span);
        }
    }

    private Val CallUser(FunctionCall call, UserFunction function)
    {
        var arguments = call.Arguments;
        if (arguments.Count != function.Parameters.Length)
        {
            var n = function.Parameters.Length;
            throw Fail(DiagnosticKind.Arity, call.Span, Messages.Arity(function.Name, n, n, arguments.Count));
        }
        if (_callDepth >= maxRecursion)
        {
            throw Fail(DiagnosticKind.Limit, call.Span, Messages.RecursionTooDeep);
        }
        var values = new Val[arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Evaluate(arguments[i]);
        }
        // It would recurse until the depth limit, or for a minute when each level is costly
        // (f(x) = x^233333 * f(3)); its end is known now.
        var active = new ActiveCall(function, values);
        if (!_activeCalls.Add(active))
        {
            throw Fail(DiagnosticKind.Limit, call.Span, Messages.RecursionTooDeep);
        }
        var (savedParameters, savedArguments) = (_parameters, _arguments);
        _parameters = function.Parameters;
        _arguments = values;
        _callDepth++;
        try
        {
            return Evaluate(function.Body);
        }
        finally
        {
            _callDepth--;
            (_parameters, _arguments) = (savedParameters, savedArguments);
            _activeCalls.Remove(active);
        }
    }

    // A host function's failures are the user's errors at the call; nothing it throws escapes.
    private Val CallHost(FunctionCall call, HostFunction function)
    {
        var arguments = call.Arguments;
        if (arguments.Count < function.MinArity || arguments.Count > function.MaxArity)
        {
            throw Fail(DiagnosticKind.Arity, call.Span, Messages.Arity(function.Name, function.MinArity, function.MaxArity, arguments.Count));
        }
        var values = new Value[arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new Value(Evaluate(arguments[i]), context);
        }
        var result = RunHost(call.Span, function.Name, () => function.Body(values), Messages.HostFailed);
        // Host functions may be slow: a cancellation during one ends the statement at once.
        if (_cancellation.IsCancellationRequested)
        {
            throw Fail(DiagnosticKind.Limit, call.Span, Messages.Interrupted);
        }
        return result is null
            ? throw Fail(DiagnosticKind.Host, call.Span, Messages.HostReturnedNull(function.Name))
            : result.Inner;
    }

    private Value? Resolve(Func<string, Value?> resolver, string name, TextSpan span) =>
        RunHost(span, name, () => resolver(name), Messages.ResolverFailed);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031",
        Justification = "Whatever host code throws becomes this statement's error; none of it may end the session.")]
    private Value? RunHost(TextSpan span, string name, Func<Value?> run, Func<string, string, string> failed)
    {
        try
        {
            return run();
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            throw Fail(DiagnosticKind.Limit, span, Messages.Interrupted);
        }
        catch (ArgumentException e)
        {
            throw Fail(DiagnosticKind.Domain, span, e.Message);
        }
        catch (ArithmeticException e)
        {
            throw Fail(DiagnosticKind.Domain, span, e.Message);
        }
        catch (InsufficientExecutionStackException)
        {
            throw;
        }
        catch (CalcException e)
        {
            throw Fail(DiagnosticKind.Host, span, failed(name, e.Diagnostic.Message));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Fail(DiagnosticKind.Host, span, failed(name, e.Message));
        }
    }

    /// <summary>A user-function call and its argument values, equal when both are.</summary>
    private readonly struct ActiveCall(UserFunction function, Val[] arguments) : IEquatable<ActiveCall>
    {
        public bool Equals(ActiveCall other)
        {
            if (!ReferenceEquals(function, other.Function) || arguments.Length != other.Arguments.Length)
            {
                return false;
            }
            for (var i = 0; i < arguments.Length; i++)
            {
                var (a, b) = (arguments[i], other.Arguments[i]);
                if (a.IsBoolean != b.IsBoolean || (a.IsBoolean ? a.Boolean != b.Boolean : !a.Number.Equals(b.Number)))
                {
                    return false;
                }
            }
            return true;
        }

        private UserFunction Function => function;

        private Val[] Arguments => arguments;

        public override bool Equals(object? obj) => obj is ActiveCall other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(RuntimeHelpers.GetHashCode(function));
            foreach (var argument in arguments)
            {
                hash.Add(argument.IsBoolean ? argument.Boolean.GetHashCode() : argument.Number.GetHashCode());
            }
            return hash.ToHashCode();
        }
    }

    private Number ExpectNumber(Expr expression) => AsNumber(Evaluate(expression), expression.Span);

    private bool ExpectBoolean(Expr expression, string message)
    {
        var value = Evaluate(expression);
        return value.IsBoolean ? value.Boolean : throw Fail(DiagnosticKind.Type, expression.Span, message);
    }

    private static Number AsNumber(Val value, TextSpan span) =>
        value.IsBoolean ? throw Fail(DiagnosticKind.Type, span, Messages.BooleanInArithmetic) : value.Number;

    private static bool AsBoolean(Val value, TextSpan span) =>
        value.IsBoolean ? value.Boolean : throw Fail(DiagnosticKind.Type, span, Messages.NumberInLogic);

    private string? Suggest(string name, bool functions)
    {
        IEnumerable<string> candidates = functions
            ? BuiltinTable.Functions.Keys.Concat(scope.Functions.Keys)
            : BuiltinTable.Constants.Keys.Concat(scope.Variables.Keys).Concat(_parameters ?? []).Append("ans")
                .Concat(BuiltinTable.Functions.Keys).Concat(scope.Functions.Keys);
        return NameSuggestions.Closest(name, candidates);
    }

    // Run numeric operations, attaching the span to their expected failures.
    private Number Numeric(TextSpan span, Func<Number, NumericContext, Number> operation, Number x)
    {
        try
        {
            return operation(x, context);
        }
        catch (NumericException e)
        {
            throw Fail(e, span);
        }
    }

    private int Compare(TextSpan span, Number x, Number y)
    {
        try
        {
            return NumberMath.Compare(x, y, context);
        }
        catch (NumericException e)
        {
            throw Fail(e, span);
        }
    }

    internal static EvaluationException Fail(DiagnosticKind kind, TextSpan span, string message) =>
        new(new Diagnostic(kind, span, message));

    internal static EvaluationException Fail(NumericException e, TextSpan span) => e.Kind switch
    {
        NumericErrorKind.Domain => Fail(DiagnosticKind.Domain, span, e.Message),
        NumericErrorKind.DivisionByZero => Fail(DiagnosticKind.DivisionByZero, span, e.Message),
        _ => Fail(DiagnosticKind.Limit, span, Messages.Limit(e.Message)),
    };
}
