using System.Diagnostics;
using Xunit;
using Calculator.Evaluator;
using Calculator.Parser;
using Calculator.Tests.Support;

namespace Calculator.Tests.Evaluator;

public sealed class SemanticsTests
{
    [Theory]
    [InlineData("-2^2", "-4")]
    [InlineData("2^-1", "0.5")]
    [InlineData("2^3^2", "512")]
    [InlineData("2^3!", "64")]
    [InlineData("-3!", "-6")]
    [InlineData("7 - 2 - 1", "4")]
    [InlineData("8 / 2 / 2", "2")]
    [InlineData("2pi == 2*pi", "true")]
    [InlineData("6/2(1+2)", "9")]
    [InlineData("(1+2)(3+4)", "21")]
    [InlineData("3!!", "720")]
    [InlineData("--3", "3")]
    [InlineData("-+-+2", "2")]
    [InlineData("2^-(1+1)", "0.25")]
    public void Spec_consequence_holds(string expression, string expected)
    {
        Assert.Equal(expected, Calc.Last(expression));
    }

    [Theory]
    [InlineData("2 3")]
    [InlineData("1 < 2 < 3")]
    public void Spec_syntax_error_is_rejected(string expression)
    {
        Assert.Equal("error:syntax", Calc.Last(expression));
    }

    [Theory]
    [InlineData("0.1 + 0.2 == 0.3", "true")]
    [InlineData("1/3*3", "1")]
    [InlineData("2^200", "1606938044258990275541962092341162602522202993782792835301376")]
    [InlineData("1/3", "0.33333333333333333333")]
    [InlineData("0.1+0.2", "0.3")]
    [InlineData("1/8", "0.125")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("1.5e-9", "1.5e-9")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("-7 % 3", "2")]
    [InlineData("mod(-7, 3)", "2")]
    [InlineData("7 % -3", "-2")]
    [InlineData("round(2.5)", "3")]
    [InlineData("round(-2.5)", "-3")]
    [InlineData("round(pi, 2)", "3.14")]
    [InlineData("0^0", "1")]
    [InlineData("sqrt(9/4)", "1.5")]
    [InlineData("8^(1/3)", "2")]
    [InlineData("log10(1000)", "3")]
    [InlineData("log2(8)", "3")]
    [InlineData("exp(0)", "1")]
    [InlineData("sin(0)", "0")]
    [InlineData("ln(1)", "0")]
    [InlineData("floor(sqrt(2)*100)", "141")]
    [InlineData("sin(pi)", "0")]
    [InlineData("cos(pi/2)", "0")]
    [InlineData("tan(pi)", "0")]
    [InlineData("ln(exp(2)) - 2", "0")]
    [InlineData("sqrt(2)^2 - 2", "0")]
    [InlineData("sqrt(2)^2", "2")]
    [InlineData("sqrt(2)^2 == 2", "true")]
    [InlineData("exp(1e-30) - 1", "1e-30")]
    [InlineData("(1 + 1e-25) - 1", "1e-25")]
    [InlineData("sin(1e100)", "-0.37237612366127668826")]
    [InlineData("true && !false", "true")]
    [InlineData("1 < 2 ? 10 : 20", "10")]
    public void Spec_value_prints_as_specified(string expression, string expected)
    {
        Assert.Equal(expected, Calc.Last(expression));
    }

    [Theory]
    [InlineData("tanh(-2611/149)", 15, "-0.999999999999999")]
    [InlineData("0.9999999999999987968 + 0*pi", 15, "0.999999999999999")]
    [InlineData("0.99999999999999949 + 0*pi", 15, "0.999999999999999")]
    [InlineData("0.99999999999999951 + 0*pi", 15, "1")]
    [InlineData("9.9999999999999987968 + 0*pi", 15, "10")]
    [InlineData("9.9999999999999947968 + 0*pi", 15, "9.99999999999999")]
    [InlineData("0.0099999999999999879 + 0*pi", 15, "0.00999999999999999")]
    [InlineData("1.0000000000000012 + 0*pi", 15, "1")]
    public void Approximate_value_just_below_a_power_of_ten_rounds_at_its_own_decade(string expression, int precision, string expected)
    {
        Assert.Equal(expected, Calc.Last(expression, precision));
    }

    [Theory]
    [InlineData("1/3", "1/3")]
    [InlineData("-7/2", "-7/2")]
    [InlineData("6/3", "2")]
    public void Fraction_option_prints_p_over_q(string expression, string expected)
    {
        Assert.Equal(expected, Calc.Last(expression, fraction: true));
    }

    [Fact]
    public void Floor_ceil_round_trunc_sign_of_approximate_are_exact()
    {
        foreach (var expression in new[] { "floor(pi)", "ceil(pi)", "round(pi)", "trunc(pi)", "sign(pi)", "round(pi, 3)" })
        {
            var outcome = Calc.LastOutcome(expression);
            Assert.True(outcome.Value!.IsExact, expression);
        }
    }

    [Theory]
    [InlineData("0^-1", "division-by-zero")]
    [InlineData("1/0", "division-by-zero")]
    [InlineData("5 % 0", "division-by-zero")]
    [InlineData("(-8)^(1/3)", "domain")]
    [InlineData("sqrt(-1)", "domain")]
    [InlineData("ln(0)", "domain")]
    [InlineData("factorial(2.5)", "domain")]
    [InlineData("asin(2)", "domain")]
    [InlineData("1 + true", "type")]
    [InlineData("1 ? 2 : 3", "type")]
    [InlineData("!1", "type")]
    [InlineData("1 && true", "type")]
    [InlineData("sqrt(1, 2)", "arity")]
    [InlineData("atan2(1)", "arity")]
    [InlineData("min()", "arity")]
    [InlineData("foo + 1", "unknown-name")]
    [InlineData("foo(1)", "unknown-name")]
    [InlineData("ans", "unknown-name")]
    [InlineData("pi = 3", "syntax")]
    [InlineData("sqrt(x) = x", "syntax")]
    [InlineData("9^9^9", "limit")]
    [InlineData("10^10^10", "limit")]
    [InlineData("2^2^2^2^2^2", "limit")]
    [InlineData("100000000!", "limit")]
    public void Error_has_the_spec_kind(string expression, string kind)
    {
        Assert.Equal("error:" + kind, Calc.Last(expression));
    }

    [Fact]
    public void Unknown_name_close_to_a_builtin_gets_a_hint()
    {
        var error = Calc.LastOutcome("sqr(4)").Error!;
        Assert.Equal("unknown function 'sqr'; did you mean 'sqrt'?", error.Message);
        Assert.Equal(new TextSpan(0, 3), error.Span);
    }

    [Fact]
    public void Ans_before_any_result_says_so()
    {
        var error = Calc.LastOutcome("ans + 1").Error!;
        Assert.Equal("'ans' has no value yet: no expression has been evaluated", error.Message);
        Assert.Equal(new TextSpan(0, 3), error.Span);
    }

    [Fact]
    public void Division_by_zero_points_at_the_operator()
    {
        var error = Calc.LastOutcome("1 + 2 / 0").Error!;
        Assert.Equal(new TextSpan(6, 1), error.Span);
    }

    [Fact]
    public void Statements_share_scope_and_ans()
    {
        Assert.Equal(["x=3", "9", "1.7320508075688772935"], Calc.All("x = 3; x^2; sqrt(x)"));
        Assert.Equal(["5", "10"], Calc.All("2+3\nans*2"));
    }

    [Fact]
    public void User_functions_shadow_and_bind_late()
    {
        Assert.Equal("100", Calc.Last("x=100\nf(x) = x^2\nf(3)\nx"));
        Assert.Equal("9", Calc.Last("x=100\nf(x) = x^2\nf(3)"));
        Assert.Equal("15", Calc.Last("g(y) = y * k\nk = 5\ng(3)"));
        Assert.Equal("6", Calc.Last("f(a) = a + 1\nf(a) = a * 2\nf(3)"));
    }

    [Fact]
    public void Recursion_works_through_the_conditional()
    {
        Assert.Equal("3628800", Calc.Last("fact(n) = n < 2 ? 1 : n*fact(n-1)\nfact(10)"));
    }

    [Fact]
    public void Recursion_5000_deep_succeeds_and_runaway_recursion_is_a_limit()
    {
        var results = Calc.OnLargeStack(() => Calc.All("f(n) = n == 0 ? 0 : 1 + f(n-1)\nf(5000)\ng(n) = g(n+1)\ng(1)\nh(n) = k(n)\nk(n) = h(n)\nh(1)"));
        Assert.Equal(["f()", "5000", "g()", "error:limit", "h()", "k()", "error:limit"], results);
    }

    // A call made again with the same arguments while it is in progress can never end (functions
    // are pure, and the scope cannot change within a statement): found by the fuzzer, this ran for
    // the whole 60 s statement limit, computing 3^233333 at each of thousands of levels.
    [Fact]
    public void Call_repeated_with_the_same_arguments_inside_itself_is_a_limit_at_once()
    {
        var session = new Session();
        var watch = Stopwatch.StartNew();
        var outcomes = session.Run("f(x) = x^233333 f(3)\nf(3)\nh(n) = k(n)\nk(n) = h(n)\nh(true)");
        Assert.Equal(OutcomeKind.Error, outcomes[1].Kind);
        Assert.Equal("limit: recursion too deep", outcomes[1].Error!.Message);
        Assert.Equal("limit: recursion too deep", outcomes[4].Error!.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void The_same_call_made_twice_in_sequence_is_no_recursion()
    {
        Assert.Equal("4", Calc.Last("g(n) = n + 1\ng(1) + g(1)"));
        Assert.Equal("9", Calc.Last("d(n) = n\nt(n) = d(n) + d(n) + d(d(n))\nt(3)"));
    }

    [Fact]
    public void Statement_that_runs_past_its_time_limit_is_a_limit_error()
    {
        var session = new Session(new SessionOptions { StatementTimeLimit = TimeSpan.FromMilliseconds(50) });
        var text = string.Join('+', Enumerable.Repeat("3000!", 20_000));
        var watch = Stopwatch.StartNew();
        var outcome = session.Run(text)[0];
        Assert.Equal(OutcomeKind.Error, outcome.Kind);
        Assert.Equal("limit: the statement ran for more than 0.05 s", outcome.Error!.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Equal("2", session.Run("1+1")[0].Value!.Format());
    }

    [Fact]
    public void Long_flat_sum_evaluates_without_recursion()
    {
        var text = string.Join('+', Enumerable.Repeat("1", 250_000));
        Assert.Equal("250000", Calc.Last(text));
    }

    [Fact]
    public void Digit_limit_is_checked_before_the_work()
    {
        var watch = Stopwatch.StartNew();
        Assert.Equal("error:limit", Calc.Last("x = 10^999999\nx*x"));
        Assert.Equal("error:limit", Calc.Last("9^9^9"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Session_evaluates_a_parsed_expression_with_changing_variables()
    {
        var session = new Session();
        var expression = ((ExpressionStatement)CalcParser.ParseProgram("x^2 + 1")[0].Syntax!).Expression;
        var results = new List<string>();
        for (var x = 1; x <= 3; x++)
        {
            session.SetVariable("x", x, 1);
            results.Add(session.Evaluate(expression, out _)!.Format());
        }
        Assert.Equal(["2", "5", "10"], results);
    }
}
