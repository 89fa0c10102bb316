using System.Numerics;
using Calculator.Evaluator;
using Calculator.Parser;
using Xunit;

namespace Calculator.Tests.Hosting;

public sealed class HostApiTests
{
    [Fact]
    public void Parse_then_evaluate_with_changing_variables_gives_exact_values()
    {
        var quadratic = CalcExpression.Parse("a*x^2 + b*x + c");
        var session = new Session();
        session.SetVariable("a", Value.FromInteger(2));
        session.SetVariable("b", Value.FromFraction(1, 3));
        session.SetVariable("c", Value.FromDecimal(0.1m));
        var results = new List<string>();
        for (var x = 0; x < 3; x++)
        {
            session.SetVariable("x", Value.FromInteger(x));
            results.Add(session.Evaluate(quadratic).ToString());
        }
        Assert.Equal(["0.1", "2.4333333333333333333", "8.7666666666666666667"], results);
        Assert.Equal(["a", "x", "b", "c"], quadratic.Variables);
        Assert.Empty(quadratic.Functions);
        Assert.Equal("a*x^2 + b*x + c", quadratic.Text);
    }

    [Fact]
    public void Variables_and_functions_exclude_built_in_names()
    {
        var expression = CalcExpression.Parse("sqrt(r) * pi + f(t, ans) + g(1) + f(2) + true ? 1 : r");
        Assert.Equal(["r", "t"], expression.Variables);
        Assert.Equal(["f", "g"], expression.Functions);
    }

    [Theory]
    [InlineData("1+*2", 1, 3)]
    [InlineData("x = 3", 1, 1)]
    [InlineData("1; 2", 1, 4)]
    [InlineData("", 1, 1)]
    [InlineData("1;\n2", 2, 1)]
    [InlineData("255 to hex", 1, 5)]
    [InlineData("x*2   to bin", 1, 7)]
    public void Parse_rejects_text_that_is_not_one_expression_with_its_place(string text, int line, int column)
    {
        var e = Assert.Throws<CalcSyntaxException>(() => CalcExpression.Parse(text));
        Assert.Equal(DiagnosticKind.Syntax, e.Diagnostic.Kind);
        Assert.Equal((line, column), (e.Diagnostic.Line, e.Diagnostic.Column));
        Assert.False(CalcExpression.TryParse(text, out var expression, out var diagnostic));
        Assert.Null(expression);
        Assert.Equal(e.Diagnostic, diagnostic);
        Assert.StartsWith($"{line}:{column}: error: ", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_refuses_a_conversion_suffix_and_says_why()
    {
        var e = Assert.Throws<CalcSyntaxException>(() => CalcExpression.Parse("255 to hex"));
        Assert.Equal(new TextSpan(4, 6), e.Diagnostic.Span);
        Assert.Contains("'to' converts printed results", e.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_factories_are_exact()
    {
        Assert.True(Value.FromDecimal(0.1m).TryGetFraction(out var n, out var d));
        Assert.Equal((BigInteger.One, new BigInteger(10)), (n, d));
        Assert.True(Value.FromDouble(0.1).TryGetFraction(out n, out d));
        Assert.Equal((new BigInteger(3602879701896397), BigInteger.Pow(2, 55)), (n, d));
        Assert.True(Value.FromDouble(-1.5e300).TryGetInteger(out var big));
        Assert.Equal(-1.5e300, (double)big);
        Assert.True(Value.FromDouble(double.Epsilon).TryGetFraction(out n, out d));
        Assert.Equal((BigInteger.One, BigInteger.Pow(2, 1074)), (n, d));
        Assert.True(Value.FromFraction(6, -4).TryGetFraction(out n, out d));
        Assert.Equal((new BigInteger(-3), new BigInteger(2)), (n, d));
        Assert.Equal("-79228162514264337593543950335", Value.FromDecimal(decimal.MinValue).ToString());
        Assert.True(Value.FromBoolean(true).TryGetBoolean(out var b) && b);
        Assert.True(Value.FromBoolean(false).IsBoolean);
        foreach (var integer in new[] { long.MinValue, long.MinValue + 1, -1L, 0L, long.MaxValue })
        {
            Assert.True(Value.FromInteger(integer).TryGetInteger(out var exact));
            Assert.Equal(new BigInteger(integer), exact);
            Assert.Equal(Value.FromInteger(new BigInteger(integer)).ToString(), Value.FromInteger(integer).ToString());
        }
    }

    [Fact]
    public void Value_factories_reject_what_is_not_a_number()
    {
        Assert.Throws<ArgumentException>(() => Value.FromFraction(1, 0));
        Assert.Throws<ArgumentException>(() => Value.FromDouble(double.NaN));
        Assert.Throws<ArgumentException>(() => Value.FromDouble(double.PositiveInfinity));
        Assert.Throws<InvalidOperationException>(() => Value.FromBoolean(true).ToDouble());
        Assert.Throws<InvalidOperationException>(() => Value.FromBoolean(true).ToDecimal());
    }

    [Theory]
    [InlineData("1/3", 1.0 / 3)]
    [InlineData("2/3", 2.0 / 3)]
    [InlineData("0.1", 0.1)]
    [InlineData("-0.3", -0.3)]
    [InlineData("10^400", double.PositiveInfinity)]
    [InlineData("-10^400", double.NegativeInfinity)]
    [InlineData("1/10^400", 0.0)]
    [InlineData("3/2^1075", 1e-323)]
    [InlineData("1/2^1074", 5e-324)]
    [InlineData("1/2^1075", 0.0)]
    [InlineData("2^53 + 1", 9007199254740992.0)]
    [InlineData("2^53 + 3", 9007199254740996.0)]
    [InlineData("sqrt(2)", 1.4142135623730951)]
    [InlineData("pi", Math.PI)]
    [InlineData("exp(1)", Math.E)]
    [InlineData("-ln(2)", -0.6931471805599453)]
    public void ToDouble_is_correctly_rounded(string text, double expected)
    {
        Assert.Equal(expected, new Session().Evaluate(text).ToDouble());
    }

    [Theory]
    [InlineData("1/3", "0.3333333333333333333333333333")]
    [InlineData("2/3", "0.6666666666666666666666666667")]
    [InlineData("12345678901234567890.5", "12345678901234567890.5")]
    [InlineData("-1/8", "-0.125")]
    [InlineData("pi", "3.1415926535897932384626433833")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void ToDecimal_rounds_to_the_digits_a_decimal_holds(string text, string expected)
    {
        var value = new Session().Evaluate(text).ToDecimal();
        Assert.Equal(expected, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("79228162514264337593543950336")]
    [InlineData("-10^29")]
    [InlineData("exp(1000)")]
    public void ToDecimal_overflows_out_of_range(string text)
    {
        var value = new Session().Evaluate(text);
        Assert.Throws<OverflowException>(() => value.ToDecimal());
    }

    [Fact]
    public void Integer_and_exactness_accessors()
    {
        var session = new Session();
        Assert.True(session.Evaluate("2^100").TryGetInteger(out var n));
        Assert.Equal(BigInteger.Pow(2, 100), n);
        Assert.True(session.Evaluate("2^100").IsInteger);
        Assert.False(session.Evaluate("1/2").IsInteger);
        Assert.False(session.Evaluate("1/2").TryGetInteger(out _));
        Assert.False(session.Evaluate("sqrt(2)").IsExact);
        Assert.False(session.Evaluate("sqrt(2)").TryGetFraction(out _, out _));
        Assert.True(session.Evaluate("1 < 2").TryGetBoolean(out var b) && b);
        Assert.False(session.Evaluate("3").TryGetBoolean(out _));
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("π")]
    [InlineData("é")]
    [InlineData("pi")]
    [InlineData("sqrt")]
    [InlineData("ans")]
    [InlineData("true")]
    public void SetVariable_rejects_names_that_cannot_be_bound(string name)
    {
        var session = new Session();
        Assert.Throws<ArgumentException>(() => session.SetVariable(name, Value.FromInteger(1)));
        Assert.Throws<ArgumentException>(() => session.DefineFunction(name, 1, a => a[0]));
    }

    [Fact]
    public void SetVariable_with_a_zero_denominator_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => new Session().SetVariable("z", 1, 0));
    }

    [Fact]
    public void TryGetVariable_sees_host_and_statement_bindings()
    {
        var session = new Session();
        Assert.False(session.TryGetVariable("y", out _));
        session.SetVariable("_y1", Value.FromInteger(7));
        session.Run("z = _y1 * 2");
        Assert.True(session.TryGetVariable("z", out var z));
        Assert.Equal("14", z.ToString());
    }

    [Fact]
    public void Host_functions_are_called_with_evaluated_arguments()
    {
        var session = new Session();
        session.DefineFunction("twice", 1, args => Value.FromDouble(args[0].ToDouble() * 2));
        session.DefineFunction("count", 0, int.MaxValue, args => Value.FromInteger(args.Count));
        Assert.Equal("5", session.Evaluate("twice(2.5)").ToString());
        Assert.Equal("3", session.Evaluate("count(1, 1 < 2, pi)").ToString());
        Assert.Equal("0", session.Evaluate("count()").ToString());
        var e = Assert.Throws<CalcException>(() => session.Evaluate("twice(1, 2)"));
        Assert.Equal(DiagnosticKind.Arity, e.Diagnostic.Kind);
        Assert.Equal("twice takes 1 argument, got 2", e.Diagnostic.Message);
    }

    [Fact]
    public void Host_function_exceptions_become_errors_at_the_call()
    {
        var session = new Session();
        session.DefineFunction("arg", 1, _ => throw new ArgumentOutOfRangeException("x", "must be small"));
        session.DefineFunction("div", 1, _ => throw new DivideByZeroException("no"));
        session.DefineFunction("bug", 1, _ => throw new InvalidOperationException("broken"));
        session.DefineFunction("none", 1, _ => null!);

        var arg = Assert.Throws<CalcException>(() => session.Evaluate("1 + arg(2)")).Diagnostic;
        Assert.Equal((DiagnosticKind.Domain, 4, 6), (arg.Kind, arg.Span.Start, arg.Span.Length));
        Assert.Contains("must be small", arg.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticKind.Domain, Assert.Throws<CalcException>(() => session.Evaluate("div(1)")).Diagnostic.Kind);
        var bug = Assert.Throws<CalcException>(() => session.Evaluate("bug(1)")).Diagnostic;
        Assert.Equal(DiagnosticKind.Host, bug.Kind);
        Assert.Equal("host", bug.KindName);
        Assert.Contains("broken", bug.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticKind.Host, Assert.Throws<CalcException>(() => session.Evaluate("none(1)")).Diagnostic.Kind);
        // The session goes on.
        Assert.Equal("2", session.Evaluate("1+1").ToString());
    }

    [Fact]
    public void A_host_function_may_evaluate_in_its_own_session_but_not_without_end()
    {
        var session = new Session();
        session.SetVariable("k", Value.FromInteger(10));
        session.DefineFunction("inner", 1, args =>
        {
            session.SetVariable("t", args[0]);
            return session.Evaluate("t * k");
        });
        session.Run("f(x) = inner(x) + x");
        Assert.Equal("33", session.Evaluate("f(3)").ToString());

        session.DefineFunction("forever", 0, _ => session.Evaluate("forever()"));
        var e = Assert.Throws<CalcException>(() => session.Evaluate("forever()"));
        Assert.Equal(DiagnosticKind.Host, e.Diagnostic.Kind);
        Assert.Equal("2", session.Evaluate("1+1").ToString());
    }

    [Fact]
    public void A_statement_definition_replaces_a_host_function_and_back()
    {
        var session = new Session();
        session.DefineFunction("f", 1, a => a[0]);
        session.Run("f(x) = x + 1");
        Assert.Equal("2", session.Evaluate("f(1)").ToString());
        session.DefineFunction("f", 1, a => a[0]);
        Assert.Equal("1", session.Evaluate("f(1)").ToString());
    }

    [Fact]
    public void Variable_resolver_supplies_missing_names_each_time()
    {
        var session = new Session();
        var asked = new List<string>();
        session.VariableResolver = name =>
        {
            asked.Add(name);
            return name == "rate" ? Value.FromDecimal(0.05m) : null;
        };
        session.SetVariable("x", Value.FromInteger(200));
        Assert.Equal("10", session.Evaluate("x * rate").ToString());
        Assert.Equal("10", session.Evaluate("x * rate").ToString());
        Assert.Equal(["rate", "rate"], asked);
        var unknown = Assert.Throws<CalcException>(() => session.Evaluate("x * tax")).Diagnostic;
        Assert.Equal(DiagnosticKind.UnknownName, unknown.Kind);
        Assert.Equal((1, 5), (unknown.Line, unknown.Column));

        session.VariableResolver = _ => throw new KeyNotFoundException("lookup failed");
        Assert.Equal(DiagnosticKind.Host, Assert.Throws<CalcException>(() => session.Evaluate("y")).Diagnostic.Kind);
    }

    [Fact]
    public void Evaluation_errors_carry_kind_message_and_position()
    {
        var session = new Session();
        Assert.False(session.TryEvaluate(CalcExpression.Parse("1 + sqrt(-1)"), out var value, out var diagnostic));
        Assert.Null(value);
        Assert.Equal(DiagnosticKind.Domain, diagnostic.Kind);
        Assert.Equal((1, 5), (diagnostic.Line, diagnostic.Column));
        Assert.StartsWith("1:5: error: ", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.True(session.TryEvaluate(CalcExpression.Parse("2^64 - 1"), out value, out diagnostic));
        Assert.Null(diagnostic);
        Assert.Equal("18446744073709551615", value.ToString());
    }

    [Fact]
    public void A_cancelled_token_is_a_limit_error()
    {
        var session = new Session();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var e = Assert.Throws<CalcException>(() => session.Evaluate("1+1", cancelled.Token));
        Assert.Equal(DiagnosticKind.Limit, e.Diagnostic.Kind);
        Assert.Equal("2", session.Evaluate("1+1").ToString());
    }

    [Fact]
    public void Cancellation_stops_a_long_evaluation()
    {
        var session = new Session(new SessionOptions { StatementTimeLimit = Timeout.InfiniteTimeSpan });
        session.Run("fib(n) = n < 2 ? n : fib(n-1) + fib(n-2)");
        using var source = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<CalcException>(() => session.Evaluate("fib(40)", source.Token));
        Assert.Equal(DiagnosticKind.Limit, e.Diagnostic.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_host_function_that_blocks_until_cancelled_ends_with_a_limit_error()
    {
        var session = new Session();
        using var source = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        session.DefineFunction("wait", 0, _ =>
        {
            source.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            source.Token.ThrowIfCancellationRequested();
            return Value.FromInteger(0);
        });
        var e = Assert.Throws<CalcException>(() => session.Evaluate("wait() + 1", source.Token));
        Assert.Equal(DiagnosticKind.Limit, e.Diagnostic.Kind);
    }

    [Fact]
    public void One_expression_is_shared_by_sessions_on_many_threads()
    {
        var expression = CalcExpression.Parse("n^2 - 1");
        var results = new string[8];
        Parallel.For(0, results.Length, i =>
        {
            var session = new Session();
            for (var n = 0; n <= 1000; n++)
            {
                session.SetVariable("n", Value.FromInteger(n + i));
                results[i] = session.Evaluate(expression).ToString();
            }
        });
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal((BigInteger.Pow(1000 + i, 2) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), results[i]);
        }
    }
}
