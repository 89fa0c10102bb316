using System.Diagnostics;
using System.Runtime.CompilerServices;
using Calculator.Evaluator.Builtins;
using Calculator.Evaluator.Numerics;
using Calculator.Parser;

namespace Calculator.Evaluator;

/// <summary>The one exception of the evaluator: an expected failure with its place, caught in <see cref="Session"/>.</summary>
internal sealed class EvaluationException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; private set; } = diagnostic;

    /// <summary>
    /// An error from a user function's body points at the call (the body's spans index its
    /// definition's text, not the statement's); the innermost place in a definition becomes the note.
    /// Returns false so that it can run as an exception filter.
    /// </summary>
    public bool PointAtCall(TextSpan call, string function)
    {
        Diagnostic = Diagnostic with { Span = call, Note = Diagnostic.Note ?? new DiagnosticNote(function, Diagnostic.Span) };
        return false;
    }
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

    // The statement's time and memory budget: each limit bounds one result, but a long statement
    // of big results (184710! + 184710! + …) could otherwise run for hours, and a recursion holds
    // its arguments at every level (f(9999, 10^999999) held 4 GB). The same budget is checked
    // inside numeric loops (see StatementBudget).
    private readonly StatementBudget _budget = new();
    private int _ticks;

    /// <summary>
    /// Starts a statement; evaluation fails once it has run for <paramref name="limit"/>, its heap has
    /// grown by more than <paramref name="memoryLimit"/> bytes, or <paramref name="token"/> is cancelled.
    /// The clock starts when the general evaluation starts. Dispose the result when the statement ends.
    /// </summary>
    public StatementBudget.Scope StartStatement(TimeSpan limit, long memoryLimit = long.MaxValue, CancellationToken token = default) =>
        _budget.Start(limit, memoryLimit, token);

    /// <summary>Evaluates a statement's expression.</summary>
    public Val EvaluateStatement(Expr expression)
    {
        _budget.Arm();
        return Evaluate(expression);
    }

    /// <summary>
    /// Evaluates a statement's expression bound to the scope (<see cref="BoundExpression"/>). The clock
    /// starts at the first budget check rather than here: a host evaluating a small formula a million
    /// times would otherwise read it a million times.
    /// </summary>
    public Val EvaluateStatement(BoundExpression expression) => expression.Evaluate(this);

    /// <summary>The settings this evaluator computes with.</summary>
    internal NumericContext Context => context;

    /// <summary>Counts one node; every 256th checks the time, cancellation and memory budgets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Tick(TextSpan span)
    {
        // Checking the budgets every 256 nodes costs nothing measurable on small lines.
        if ((++_ticks & 0xFF) == 0)
        {
            CheckBudgets(span);
        }
    }

    // Apart from Tick, so that the counter inlines into every node without the handler.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckBudgets(TextSpan span)
    {
        try
        {
            StatementBudget.Check(long.MaxValue);
        }
        catch (NumericException e)
        {
            throw Fail(e, span);
        }
    }

    public Val Evaluate(Expr expression)
    {
        Tick(expression.Span);
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
        UnaryOperator.BitwiseNot => Val.Of(IntegerOperators.Not(u, ExpectNumber(u.Operand))),
        // √x is sqrt(x), and its errors stand on the whole expression, as sqrt's would.
        UnaryOperator.SquareRoot => Val.Of(Numeric(u.Span, NumberMath.Sqrt, ExpectNumber(u.Operand))),
        _ => Val.Of(!ExpectBoolean(u.Operand, Messages.NumberInLogic)),
    };

    private Number Negate(Unary u) => Negate(u, ExpectNumber(u.Operand));

    /// <summary>The negation <paramref name="u"/> of its evaluated operand <paramref name="x"/>.</summary>
    internal Number Negate(Unary u, Number x)
    {
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
            return Combine(node, Operand(node.Left));
        }
        if (left.Left is not Binary)
        {
            // A chain of two (a * b - c), the commonest case after one, needs no spine.
            return Combine(node, Combine(left, Operand(left.Left)));
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
                return Val.Of(AreEqual(node, left) == (node.Operator == BinaryOperator.Equal));
        }

        var x = AsNumber(left, node.Left.Span);
        var y = ExpectNumber(node.Right);
        return node.Operator is BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater
            or BinaryOperator.GreaterOrEqual
            ? Val.Of(Order(node, x, y))
            : Val.Of(Arithmetic(node, x, y));
    }

    // The operations are called directly rather than through delegates: a delegate call per
    // operator was a measurable share of a simple line under Native AOT. They sit apart from
    // Combine because every result temporary of a method is zeroed each time it is called.
    internal Number Arithmetic(Binary node, Number x, Number y)
    {
        try
        {
            return Arithmetic(node, x, y, context);
        }
        catch (NumericException e)
        {
            throw Fail(e, node.OperatorSpan);
        }
    }

    /// <summary>The operation of an arithmetic operator's node; a <see cref="NumericException"/> when it fails.</summary>
    internal static Number Arithmetic(Binary node, Number x, Number y, NumericContext context) => node.Operator switch
    {
        BinaryOperator.Add => NumberMath.Add(x, y, context),
        BinaryOperator.Subtract => NumberMath.Subtract(x, y, context),
        BinaryOperator.Multiply => NumberMath.Multiply(x, y, context),
        BinaryOperator.Divide => NumberMath.Divide(x, y, context),
        BinaryOperator.Modulo => NumberMath.Modulo(x, y, context),
        BinaryOperator.Power => NumberMath.Power(x, y, context),
        BinaryOperator.FloorDivide => NumberMath.Floor(NumberMath.Divide(x, y, context), context),
        BinaryOperator.BitwiseAnd or BinaryOperator.BitwiseOr or BinaryOperator.ShiftLeft or BinaryOperator.ShiftRight =>
            IntegerOperators.Apply(node, x, y, context),
        _ => throw new UnreachableException(),
    };

    private bool AreEqual(Binary node, Val left)
    {
        var right = Evaluate(node.Right);
        if (left.IsBoolean && right.IsBoolean)
        {
            return left.Boolean == right.Boolean;
        }
        var a = AsNumber(left, node.Left.Span);
        var b = AsNumber(right, node.Right.Span);
        return Compare(node.OperatorSpan, a, b) == 0;
    }

    private bool Order(Binary node, Number x, Number y)
    {
        var order = Compare(node.OperatorSpan, x, y);
        return node.Operator switch
        {
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            _ => order >= 0,
        };
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
        if (scope.Variables.TryGetValue(name, out var slot))
        {
            return slot.Value;
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
        return CallBuiltin(call, builtin);
    }

    // Apart from EvaluateCall, which every user-function call passes through: its frame stays
    // small, so deep recursion fits the stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Val CallBuiltin(FunctionCall call, Builtin builtin)
    {
        var arguments = call.Arguments;
        if (arguments.Count < builtin.MinArity || arguments.Count > builtin.MaxArity)
        {
            throw Fail(DiagnosticKind.Arity, call.Span, Messages.Arity(builtin.Name, builtin.MinArity, builtin.MaxArity, arguments.Count));
        }
        var values = new Number[arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ExpectNumber(arguments[i]);
        }
        try
        {
            return builtin.Body(values, context);
        }
        catch (NumericException e)
        {
            throw Fail(e, call.Span);
        }
        catch (NumericArgumentException e)
        {
            throw Fail(e.Error, arguments[e.Index].Span);
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
        // The filter runs before the stack unwinds, innermost call first, and never catches:
        // catching and rethrowing at each of 10 000 levels would cost time quadratic in the depth.
        catch (EvaluationException e) when (e.PointAtCall(call.Span, function.Name))
        {
            throw new UnreachableException();
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
        if (_budget.Token.IsCancellationRequested)
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
        catch (OperationCanceledException) when (_budget.Token.IsCancellationRequested)
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

    // A literal operand (most operands of real input) is a leaf: it needs no stack check or clock.
    private Val Operand(Expr expression) => expression is NumberLiteral literal ? Val.Of(Literal(literal)) : Evaluate(expression);

    private Number ExpectNumber(Expr expression) =>
        expression is NumberLiteral literal ? Literal(literal) : AsNumber(Evaluate(expression), expression.Span);

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
        // An interrupted statement is a limit error whose message is just "interrupted" (SPEC §7).
        _ when e.Message == NumericMessages.StatementCancelled => Fail(DiagnosticKind.Limit, span, Messages.Interrupted),
        _ => Fail(DiagnosticKind.Limit, span, Messages.Limit(e.Message)),
    };
}
