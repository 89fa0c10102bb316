using System.Numerics;
using Calculator.Evaluator;
using Calculator.Parser;
using Xunit;

namespace Calculator.Tests.Hosting;

/// <summary>
/// A <see cref="CalcExpression"/> is bound to a session's variables once (issue 14, item 2); these pin
/// that the binding never changes what an evaluation gives, only how fast.
/// </summary>
public sealed class BindingTests
{
    [Fact]
    public void Evaluate_VariableChangedBetweenEvaluations_ReadsTheNewValue()
    {
        var expression = CalcExpression.Parse("a*x^2 + b*x + c");
        var session = QuadraticSession();
        for (var x = -3; x <= 3; x++)
        {
            session.SetVariable("x", Value.FromInteger(x));
            Assert.Equal((3 * x * x) - (7 * x) + 11, Integer(session.Evaluate(expression)));
        }
    }

    [Fact]
    public void Evaluate_VariableDefinedAfterAFailedEvaluation_IsFound()
    {
        var expression = CalcExpression.Parse("y * 2");
        var session = new Session();
        Assert.False(session.TryEvaluate(expression, out _, out var error));
        Assert.Equal(DiagnosticKind.UnknownName, error.Kind);
        session.SetVariable("y", Value.FromInteger(21));
        Assert.Equal(42, Integer(session.Evaluate(expression)));
        session.SetVariable("y", Value.FromInteger(5));
        Assert.Equal(10, Integer(session.Evaluate(expression)));
    }

    [Fact]
    public void Evaluate_VariableAssignedByAStatement_IsRead()
    {
        var expression = CalcExpression.Parse("x + 1");
        var session = new Session();
        session.Run("x = 41");
        Assert.Equal(42, Integer(session.Evaluate(expression)));
        session.Run("x = x * 2");
        Assert.Equal(83, Integer(session.Evaluate(expression)));
        session.SetVariable("x", Value.FromInteger(-1));
        Assert.Equal(0, Integer(session.Evaluate(expression)));
    }

    [Fact]
    public void Evaluate_ResolverName_IsAskedEveryTimeUntilTheSessionBindsIt()
    {
        var expression = CalcExpression.Parse("r + 1");
        var session = new Session();
        var asked = 0;
        session.VariableResolver = name => name == "r" ? Value.FromInteger(++asked * 10) : null;
        Assert.Equal(11, Integer(session.Evaluate(expression)));
        Assert.Equal(21, Integer(session.Evaluate(expression)));
        session.SetVariable("r", Value.FromInteger(100));
        Assert.Equal(101, Integer(session.Evaluate(expression)));
        Assert.Equal(2, asked);
    }

    [Fact]
    public void Evaluate_FunctionParameterNamedAsAVariable_ShadowsItOnlyInTheBody()
    {
        var session = new Session();
        session.Run("f(x) = x + 1");
        session.SetVariable("x", Value.FromInteger(100));
        var expression = CalcExpression.Parse("f(2) * x + f(x)");
        Assert.Equal((3 * 100) + 101, Integer(session.Evaluate(expression)));
        session.SetVariable("x", Value.FromInteger(7));
        Assert.Equal((3 * 7) + 8, Integer(session.Evaluate(expression)));
    }

    [Fact]
    public void Evaluate_OneExpressionInTwoSessions_ReadsEachSessionsVariables()
    {
        var expression = CalcExpression.Parse("x - 1");
        var (first, second) = (new Session(), new Session());
        first.SetVariable("x", Value.FromInteger(10));
        second.SetVariable("x", Value.FromInteger(20));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(9, Integer(first.Evaluate(expression)));
            Assert.Equal(19, Integer(second.Evaluate(expression)));
        }
    }

    [Fact]
    public void Evaluate_ExpressionsAlternating_EachKeepsItsBinding()
    {
        var session = QuadraticSession();
        var (sum, product) = (CalcExpression.Parse("a + x"), CalcExpression.Parse("a * x"));
        for (var x = 0; x < 5; x++)
        {
            session.SetVariable("x", Value.FromInteger(x));
            Assert.Equal(3 + x, Integer(session.Evaluate(sum)));
            Assert.Equal(3 * x, Integer(session.Evaluate(product)));
        }
    }

    [Theory]
    [InlineData("a*x^2 + b*x + c")]
    [InlineData("x^70 - x^69")]
    [InlineData("(x + 1/3) * (x - 1/3) / 7")]
    [InlineData("-x - -a + x % 7 - x % -7")]
    [InlineData("x^-2 + 2^x")]
    [InlineData("x / (x - x)")]
    [InlineData("a + (x > 2)")]
    [InlineData("(x > 2) + a")]
    [InlineData("-(x > 2)")]
    [InlineData("sqrt(x) * sqrt(x) + (x > 1 ? a : b)")]
    [InlineData("x * 1e1000001")]
    [InlineData("nope + x")]
    [InlineData("x^x^x^x")]
    [InlineData("sqrt + 1")]
    [InlineData("x // 3 + (x & 5) - (x | 2) + (x << 2) + (x >> 1)")]
    [InlineData("(x / 2) & 1")]
    [InlineData("~x + x << -1")]
    public void Evaluate_Bound_GivesWhatTheTreeWalkGives(string text)
    {
        var expression = CalcExpression.Parse(text);
        var session = QuadraticSession();
        BigInteger[] xs = [0, 1, 3, -5, BigInteger.Pow(10, 30) + 1];
        foreach (var x in xs)
        {
            session.SetVariable("x", Value.FromInteger(x));
            var boundOk = session.TryEvaluate(expression, out var bound, out var boundError);
            // The public tree entry point evaluates without a binding.
            var tree = session.Evaluate(expression.Syntax, out var treeError);
            Assert.Equal(tree?.ToString(), bound?.ToString());
            Assert.Equal(tree is not null, boundOk);
            Assert.Equal(treeError?.Kind, boundError?.Kind);
            Assert.Equal(treeError?.Span, boundError?.Span);
            Assert.Equal(treeError?.Message, boundError?.Message);
        }
    }

    [Fact]
    public void Evaluate_ChainDeeperThanTheBinding_IsExact()
    {
        // 100 000 terms: far deeper than the bound part, walked by the evaluator's own stack.
        var text = string.Join(" + ", Enumerable.Repeat("x", 100_000));
        var expression = CalcExpression.Parse(text);
        var session = new Session();
        session.SetVariable("x", Value.FromInteger(3));
        Assert.Equal(300_000, Integer(session.Evaluate(expression)));
        session.SetVariable("x", Value.FromFraction(1, 100_000));
        Assert.Equal(1, Integer(session.Evaluate(expression)));
    }

    [Fact]
    public void Evaluate_CancelledToken_IsALimitErrorOnTheBoundPath()
    {
        var expression = CalcExpression.Parse("a*x^2 + b*x + c");
        var session = QuadraticSession();
        session.SetVariable("x", Value.FromInteger(2));
        Assert.Equal(9, Integer(session.Evaluate(expression)));
        var error = Assert.Throws<CalcException>(() => session.Evaluate(expression, new CancellationToken(canceled: true)));
        Assert.Equal(DiagnosticKind.Limit, error.Diagnostic.Kind);
        Assert.Equal(9, Integer(session.Evaluate(expression)));
    }

    [Fact]
    public void Evaluate_SmallExactValues_AllocatesOnlyTheReturnedValue()
    {
        var expression = CalcExpression.Parse("a*x^2 + b*x + c");
        var session = QuadraticSession();
        var xs = new Value[64];
        for (var i = 0; i < xs.Length; i++)
        {
            xs[i] = Value.FromInteger(1_000_000 + i);
        }
        // One Value, as FromInteger makes it, is what an evaluation must return.
        var valueSize = Allocated(() => Value.FromInteger(12345), 10_000);
        // Taking the least of a few rounds leaves out the JIT's own allocations while methods tier up.
        var perEvaluation = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            perEvaluation = Math.Min(perEvaluation, Allocated(() =>
            {
                for (var i = 0; i < xs.Length; i++)
                {
                    session.SetVariable("x", xs[i]);
                    _ = session.Evaluate(expression);
                }
            }, 2_000) / xs.Length);
        }
        Assert.InRange(valueSize, 1, 128);
        Assert.True(perEvaluation <= valueSize + 1, $"{perEvaluation} bytes per evaluation; one Value is {valueSize}");
    }

    private static double Allocated(Action action, int times)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < times; i++)
        {
            action();
        }
        return (double)(GC.GetAllocatedBytesForCurrentThread() - before) / times;
    }

    private static Session QuadraticSession()
    {
        var session = new Session();
        session.SetVariable("a", Value.FromInteger(3));
        session.SetVariable("b", Value.FromInteger(-7));
        session.SetVariable("c", Value.FromInteger(11));
        return session;
    }

    private static BigInteger Integer(Value value) =>
        value.TryGetInteger(out var integer) ? integer : throw new InvalidOperationException(value.ToString());
}
