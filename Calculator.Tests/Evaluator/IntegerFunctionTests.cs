using System.Diagnostics;
using Calculator.Parser;
using Calculator.Tests.Support;
using Xunit;

namespace Calculator.Tests.Evaluator;

/// <summary>The integer, combinatorial and statistical functions of SPEC §4, through a session.</summary>
public sealed class IntegerFunctionTests
{
    [Theory]
    [InlineData("powmod(2, 10, 1000)", "24")]
    [InlineData("powmod(3, -1, 7)", "5")]
    [InlineData("powmod(3, -2, 7)", "4")]
    [InlineData("powmod(2, 3, -5)", "-2")]
    [InlineData("powmod(-2, 3, 5)", "2")]
    [InlineData("powmod(0, 0, 7)", "1")]
    [InlineData("powmod(5, 0, 1)", "0")]
    [InlineData("powmod(2, 10^100, 10^9+7)", "314344290")]
    [InlineData("modinv(3, 7)", "5")]
    [InlineData("modinv(-3, 7)", "2")]
    [InlineData("modinv(3, -7)", "-2")]
    [InlineData("modinv(5, 1)", "0")]
    [InlineData("isprime(2^127-1)", "true")]
    [InlineData("isprime(2^128+1)", "false")]
    [InlineData("isprime(2)", "true")]
    [InlineData("isprime(1)", "false")]
    [InlineData("isprime(0)", "false")]
    [InlineData("isprime(-7)", "false")]
    [InlineData("isprime(561)", "false")]
    [InlineData("nextprime(10^100) - 10^100", "267")]
    [InlineData("nextprime(-10)", "2")]
    [InlineData("nextprime(2)", "3")]
    [InlineData("nextprime(13)", "17")]
    [InlineData("prevprime(3)", "2")]
    [InlineData("prevprime(17)", "13")]
    [InlineData("10^100 - prevprime(10^100)", "797")]
    [InlineData("xor(12, 10)", "6")]
    [InlineData("xor(-5, 3)", "-8")]
    [InlineData("xor(-1, 2^100)", "-1267650600228229401496703205377")]
    [InlineData("xor(0, 0)", "0")]
    public void Modular_and_prime_functions_give_exact_results(string expression, string expected) =>
        Assert.Equal(expected, Calc.Last(expression));

    [Theory]
    [InlineData("binomial(50, 25)", "126410606437752")]
    [InlineData("binomial(5, 0)", "1")]
    [InlineData("binomial(5, 5)", "1")]
    [InlineData("binomial(5, 6)", "0")]
    [InlineData("binomial(5, -1)", "0")]
    [InlineData("binomial(0, 0)", "1")]
    [InlineData("binomial(-3, 2)", "6")]
    [InlineData("binomial(-3, 3)", "-10")]
    [InlineData("binomial(-1, 7)", "-1")]
    [InlineData("binomial(-3, -1)", "0")]
    [InlineData("binomial(10^30, 2)", "499999999999999999999999999999500000000000000000000000000000")]
    [InlineData("perm(5, 2)", "20")]
    [InlineData("perm(5, 0)", "1")]
    [InlineData("perm(5, 6)", "0")]
    [InlineData("perm(10, 10)", "3628800")]
    [InlineData("perm(-3, 2)", "12")]
    [InlineData("perm(-3, 3)", "-60")]
    public void Combinatorics_are_exact(string expression, string expected) =>
        Assert.Equal(expected, Calc.Last(expression));

    [Fact]
    public void Binomial_of_many_thousands_uses_the_factorisation_and_agrees_with_the_product()
    {
        // binomial(3000, 1500) goes through Legendre's formula; perm/factorial through products.
        Assert.Equal("true", Calc.Last("binomial(3000, 1500) == perm(3000, 1500) / 1500!"));
        Assert.Equal("true", Calc.Last("binomial(100000, 3000) * 3000! == perm(100000, 3000)"));
    }

    [Theory]
    [InlineData("sum(1, 2, 3)", "6")]
    [InlineData("sum(0.1, 0.2)", "0.3")]
    [InlineData("sum(7)", "7")]
    [InlineData("prod(1, 2, 3, 4)", "24")]
    [InlineData("prod(1/2, 2/3)", "0.33333333333333333333")]
    [InlineData("mean(1, 2, 3, 4)", "2.5")]
    [InlineData("mean(1, 2)", "1.5")]
    [InlineData("mean(5)", "5")]
    [InlineData("median(3, 1, 2)", "2")]
    [InlineData("median(4, 1, 3, 2)", "2.5")]
    [InlineData("median(-1, 1/3)", "-0.33333333333333333333")]
    [InlineData("var(1, 2, 3, 4)", "1.6666666666666666667")]
    [InlineData("var(2, 2)", "0")]
    [InlineData("stdev(2, 4, 4, 4, 5, 5, 7, 9)", "2.1380899352993950775")]
    [InlineData("stdev(1, 3)", "1.4142135623730950488")]
    [InlineData("stdev(1, 5, 9)", "4")]
    [InlineData("stdev(0, 1/2)", "0.3535533905932737622")]
    [InlineData("mean(pi, pi)", "3.1415926535897932385")]
    [InlineData("median(pi, 3, 4)", "3.1415926535897932385")]
    [InlineData("sum(sqrt(2), -sqrt(2))", "0")]
    public void Statistics_are_exact_where_the_maths_is(string expression, string expected) =>
        Assert.Equal(expected, Calc.Last(expression));

    [Theory]
    [InlineData("stdev(1, 5, 9)", true)]
    [InlineData("var(1, 2, 3, 4)", true)]
    [InlineData("stdev(1, 2, 3, 4)", false)]
    [InlineData("mean(pi, 3)", false)]
    [InlineData("median(pi, 3, 4)", false)]
    [InlineData("median(sqrt(2), 3, 4)", true)]
    public void Exactness_follows_the_operands(string expression, bool exact) =>
        Assert.Equal(exact, Calc.LastOutcome(expression).Value!.IsExact);

    [Theory]
    // (expression, kind, start and length of the underlined argument, message)
    [InlineData("powmod(2, 3, 0)", "division-by-zero", 13, 1, "division by zero")]
    [InlineData("powmod(2, -1, 4)", "domain", 7, 1, "no inverse: the number and the modulus share a factor")]
    [InlineData("powmod(2.5, 3, 4)", "domain", 7, 3, "powmod needs integers")]
    [InlineData("powmod(2, 1/2, 4)", "domain", 10, 3, "powmod needs integers")]
    [InlineData("powmod(2, 3, pi)", "domain", 13, 2, "powmod needs exact integers, not an approximate value")]
    [InlineData("powmod(3, 10^5000, 10^5000+7)", "limit", 10, 7, "limit: powmod with an exponent and a modulus this large would take too long")]
    [InlineData("modinv(6, 9)", "domain", 7, 1, "no inverse: the number and the modulus share a factor")]
    [InlineData("modinv(3, 0)", "division-by-zero", 10, 1, "division by zero")]
    [InlineData("isprime(2.5)", "domain", 8, 3, "isprime needs an integer")]
    [InlineData("isprime(sqrt(2)^3)", "domain", 8, 9, "isprime needs an exact integer, not an approximate value")]
    [InlineData("isprime(10^4000)", "limit", 8, 7, "limit: isprime works on numbers of at most 4000 digits")]
    [InlineData("nextprime(10^1200)", "limit", 10, 7, "limit: nextprime works on numbers of at most 1200 digits")]
    [InlineData("prevprime(2)", "domain", 10, 1, "there is no prime below 2")]
    [InlineData("prevprime(-5)", "domain", 10, 2, "there is no prime below 2")]
    [InlineData("xor(1, 0.5)", "domain", 7, 3, "xor needs integers")]
    [InlineData("binomial(5, 2.5)", "domain", 12, 3, "binomial needs integers")]
    [InlineData("perm(5, -1)", "domain", 8, 2, "perm needs a count k of at least 0")]
    [InlineData("perm(e, 1)", "domain", 5, 1, "perm needs exact integers, not an approximate value")]
    public void Errors_point_at_the_argument_at_fault(string expression, string kind, int start, int length, string message)
    {
        var error = Calc.LastOutcome(expression).Error!;
        Assert.Equal(kind, error.KindName);
        Assert.Equal(new TextSpan(start, length), error.Span);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("var(1)", "var takes at least 2 arguments, got 1")]
    [InlineData("stdev(1)", "stdev takes at least 2 arguments, got 1")]
    [InlineData("sum()", "sum takes at least 1 argument, got 0")]
    [InlineData("powmod(1, 2)", "powmod takes 3 arguments, got 2")]
    [InlineData("isprime(1, 2)", "isprime takes 1 argument, got 2")]
    public void Wrong_argument_counts_are_arity_errors(string expression, string message)
    {
        var error = Calc.LastOutcome(expression).Error!;
        Assert.Equal("arity", error.KindName);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("binomial(10^7, 5*10^6)", "limit: result would have about 3010297 digits")]
    [InlineData("perm(10^6, 10^6)", "limit: result would have about 5565709 digits")]
    [InlineData("binomial(10^100, 10^90)", "limit: result would have about 1e+91 digits")]
    public void Combinatorics_past_the_digit_limit_fail_at_once(string expression, string message)
    {
        var clock = Stopwatch.StartNew();
        var error = Calc.LastOutcome(expression).Error!;
        Assert.Equal(message, error.Message);
        Assert.True(clock.ElapsedMilliseconds < 2000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Isprime_of_a_large_mersenne_prime_is_quick()
    {
        var clock = Stopwatch.StartNew();
        Assert.Equal("true", Calc.Last("isprime(2^1279-1)"));
        Assert.Equal("false", Calc.Last("isprime(2^1277-1)"));
        Assert.True(clock.ElapsedMilliseconds < 5000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void New_names_are_reserved()
    {
        Assert.Equal("error:syntax", Calc.Last("isprime = 3"));
        Assert.Equal("error:syntax", Calc.Last("sum(x) = x"));
    }
}
