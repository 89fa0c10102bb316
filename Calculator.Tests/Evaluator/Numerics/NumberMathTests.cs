using System.Globalization;
using System.Numerics;
using Calculator.Evaluator.Numerics;
using Xunit;
using static Calculator.Tests.Evaluator.Numerics.NumberTesting;

namespace Calculator.Tests.Evaluator.Numerics;

/// <summary>Shared helpers: decimal literals as numbers, and the built-ins by name.</summary>
internal static class NumberTesting
{
    public static readonly NumericContext P20 = new(20);

    /// <summary>A decimal literal such as <c>-1.5e-7</c> as the exact number the parser would make.</summary>
    public static Number Parse(string text)
    {
        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        var exponent = 0;
        var e = body.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exponent = int.Parse(body[(e + 1)..], CultureInfo.InvariantCulture);
            body = body[..e];
        }

        var dot = body.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            exponent -= body.Length - dot - 1;
            body = body.Remove(dot, 1);
        }

        var significand = BigInteger.Parse(body, CultureInfo.InvariantCulture);
        return Number.FromDecimal(negative ? -significand : significand, exponent, NumericContext.Default);
    }

    public static string Print(Number n, NumericContext? ctx = null) => NumberMath.Format(n, ctx ?? P20, fraction: false);

    public static Number Unary(string name, Number x, NumericContext ctx) => name switch
    {
        "sqrt" => NumberMath.Sqrt(x, ctx),
        "cbrt" => NumberMath.Cbrt(x, ctx),
        "exp" => NumberMath.Exp(x, ctx),
        "ln" => NumberMath.Ln(x, ctx),
        "log" => NumberMath.Log(x, ctx),
        "log10" => NumberMath.Log10(x, ctx),
        "log2" => NumberMath.Log2(x, ctx),
        "sin" => NumberMath.Sin(x, ctx),
        "cos" => NumberMath.Cos(x, ctx),
        "tan" => NumberMath.Tan(x, ctx),
        "asin" => NumberMath.Asin(x, ctx),
        "acos" => NumberMath.Acos(x, ctx),
        "atan" => NumberMath.Atan(x, ctx),
        "sinh" => NumberMath.Sinh(x, ctx),
        "cosh" => NumberMath.Cosh(x, ctx),
        "tanh" => NumberMath.Tanh(x, ctx),
        "asinh" => NumberMath.Asinh(x, ctx),
        "acosh" => NumberMath.Acosh(x, ctx),
        "atanh" => NumberMath.Atanh(x, ctx),
        "abs" => NumberMath.Abs(x, ctx),
        "sign" => NumberMath.Sign(x, ctx),
        "floor" => NumberMath.Floor(x, ctx),
        "ceil" => NumberMath.Ceiling(x, ctx),
        "round" => NumberMath.Round(x, ctx),
        "trunc" => NumberMath.Truncate(x, ctx),
        "factorial" => NumberMath.Factorial(x, ctx),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    public static Number Binary(string name, Number a, Number b, NumericContext ctx) => name switch
    {
        "pow" => NumberMath.Power(a, b, ctx),
        "atan2" => NumberMath.Atan2(a, b, ctx),
        "hypot" => NumberMath.Hypot(a, b, ctx),
        "log" => NumberMath.Log(a, b, ctx),
        "gcd" => NumberMath.Gcd(a, b, ctx),
        "lcm" => NumberMath.Lcm(a, b, ctx),
        "mod" => NumberMath.Mod(a, b, ctx),
        "round" => NumberMath.Round(a, b, ctx),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    public static Number Sqrt2 => NumberMath.Sqrt(Parse("2"), P20);

    public static Number Squared(Number x) => NumberMath.Power(x, Parse("2"), P20);
}

public sealed class NumberMathTests
{
    [Theory]
    [InlineData("sqrt", "2.25", "1.5")]
    [InlineData("sqrt", "0", "0")]
    [InlineData("cbrt", "-27", "-3")]
    [InlineData("cbrt", "0.125", "0.5")]
    [InlineData("log10", "1000", "3")]
    [InlineData("log10", "0.001", "-3")]
    [InlineData("log2", "8", "3")]
    [InlineData("exp", "0", "1")]
    [InlineData("ln", "1", "0")]
    [InlineData("log", "1", "0")]
    [InlineData("sin", "0", "0")]
    [InlineData("cos", "0", "1")]
    [InlineData("tan", "0", "0")]
    [InlineData("asin", "0", "0")]
    [InlineData("acos", "1", "0")]
    [InlineData("atan", "0", "0")]
    [InlineData("sinh", "0", "0")]
    [InlineData("cosh", "0", "1")]
    [InlineData("tanh", "0", "0")]
    [InlineData("asinh", "0", "0")]
    [InlineData("acosh", "1", "0")]
    [InlineData("atanh", "0", "0")]
    [InlineData("factorial", "5", "120")]
    [InlineData("factorial", "0", "1")]
    [InlineData("round", "2.5", "3")]
    [InlineData("round", "-2.5", "-3")]
    [InlineData("floor", "-2.5", "-3")]
    [InlineData("ceil", "-2.5", "-2")]
    [InlineData("trunc", "-2.5", "-2")]
    [InlineData("sign", "-0.1", "-1")]
    public void Cheap_rational_results_stay_exact(string function, string argument, string expected)
    {
        var result = Unary(function, Parse(argument), P20);
        Assert.True(result.IsExact);
        Assert.Equal(expected, Print(result));
    }

    [Theory]
    [InlineData("pow", "8", "0.333333", null)]
    [InlineData("log", "8", "2", "3")]
    [InlineData("log", "0.125", "2", "-3")]
    [InlineData("hypot", "3", "4", "5")]
    [InlineData("pow", "2.25", "0.5", "1.5")]
    [InlineData("pow", "4", "1.5", "8")]
    [InlineData("pow", "0", "0", "1")]
    [InlineData("pow", "0", "2.3", "0")]
    [InlineData("pow", "2", "-1", "0.5")]
    [InlineData("gcd", "12", "18", "6")]
    [InlineData("gcd", "0", "0", "0")]
    [InlineData("lcm", "4", "6", "12")]
    [InlineData("mod", "-7", "3", "2")]
    [InlineData("round", "3.14159", "2", "3.14")]
    [InlineData("atan2", "0", "0", "0")]
    [InlineData("atan2", "0", "5", "0")]
    public void Binary_exact_cases(string function, string left, string right, string? expected)
    {
        var result = Binary(function, Parse(left), Parse(right), P20);
        if (expected is null)
        {
            Assert.False(result.IsExact);
            return;
        }

        Assert.True(result.IsExact);
        Assert.Equal(expected, Print(result));
    }

    [Fact]
    public void Rational_exponent_with_a_perfect_root_is_exact()
    {
        var third = NumberMath.Divide(Parse("1"), Parse("3"), P20);
        var result = NumberMath.Power(Parse("8"), third, P20);
        Assert.True(result.IsExact);
        Assert.Equal("2", Print(result));
        var half = NumberMath.Divide(Parse("1"), Parse("2"), P20);
        Assert.Equal("1.5", Print(NumberMath.Power(NumberMath.Divide(Parse("9"), Parse("4"), P20), half, P20)));
    }

    [Theory]
    [InlineData("sqrt", "-1")]
    [InlineData("ln", "0")]
    [InlineData("ln", "-1")]
    [InlineData("log2", "0")]
    [InlineData("asin", "2")]
    [InlineData("acos", "-1.5")]
    [InlineData("acosh", "0.5")]
    [InlineData("atanh", "1")]
    [InlineData("atanh", "-1")]
    [InlineData("factorial", "2.5")]
    [InlineData("factorial", "-1")]
    public void Unary_domain_errors(string function, string argument)
    {
        var error = Assert.Throws<NumericException>(() => Unary(function, Parse(argument), P20));
        Assert.Equal(NumericErrorKind.Domain, error.Kind);
    }

    [Theory]
    [InlineData("log", "8", "1", "Domain")]
    [InlineData("log", "8", "0", "Domain")]
    [InlineData("log", "8", "-2", "Domain")]
    [InlineData("pow", "-8", "0.5", "Domain")]
    [InlineData("pow", "0", "-1", "DivisionByZero")]
    [InlineData("pow", "0", "-0.5", "DivisionByZero")]
    [InlineData("gcd", "2.5", "5", "Domain")]
    [InlineData("lcm", "2", "0.5", "Domain")]
    [InlineData("mod", "1", "0", "DivisionByZero")]
    [InlineData("round", "1", "0.5", "Domain")]
    public void Binary_errors(string function, string left, string right, string kind)
    {
        var error = Assert.Throws<NumericException>(() => Binary(function, Parse(left), Parse(right), P20));
        Assert.Equal(kind, error.Kind.ToString());
    }

    [Fact]
    public void Negative_base_with_a_third_is_a_domain_error()
    {
        var third = NumberMath.Divide(Parse("1"), Parse("3"), P20);
        var error = Assert.Throws<NumericException>(() => NumberMath.Power(Parse("-8"), third, P20));
        Assert.Equal(NumericErrorKind.Domain, error.Kind);
    }

    [Fact]
    public void Negative_base_with_an_approximate_non_integer_exponent_is_a_domain_error()
    {
        var error = Assert.Throws<NumericException>(() => NumberMath.Power(Parse("-2"), NumberMath.Pi, P20));
        Assert.Equal(NumericErrorKind.Domain, error.Kind);
    }

    [Fact]
    public void Negative_base_with_an_exponent_that_prints_as_an_integer_is_allowed()
    {
        Assert.Equal("4", Print(NumberMath.Power(Parse("-2"), Squared(Sqrt2), P20)));
    }

    [Fact]
    public void Cancellation_is_refined_until_the_digits_are_correct()
    {
        var x = NumberMath.Exp(Parse("1e-30"), P20);
        Assert.Equal("1e-30", Print(NumberMath.Subtract(x, Parse("1"), P20)));
        Assert.Equal("1e-30", Print(NumberMath.Subtract(NumberMath.Exp(Parse("1e-30"), P20), Parse("1"), P20)));
    }

    [Fact]
    public void Results_zero_within_the_working_precision_print_zero()
    {
        var pi = NumberMath.Pi;
        Assert.Equal("0", Print(NumberMath.Sin(pi, P20)));
        Assert.Equal("0", Print(NumberMath.Cos(NumberMath.Divide(pi, Parse("2"), P20), P20)));
        Assert.Equal("0", Print(NumberMath.Tan(pi, P20)));
        Assert.Equal("0", Print(NumberMath.Subtract(NumberMath.Ln(NumberMath.Exp(Parse("2"), P20), P20), Parse("2"), P20)));
        Assert.Equal("0", Print(NumberMath.Subtract(Squared(Sqrt2), Parse("2"), P20)));
        Assert.Equal("2", Print(Squared(Sqrt2)));
    }

    [Fact]
    public void Approximate_values_that_round_to_integers_print_like_integers()
    {
        var sixteen = NumberMath.Multiply(NumberMath.Sqrt(Parse("8"), P20), Sqrt2, P20);
        Assert.False(sixteen.IsExact);
        Assert.Equal("4", Print(sixteen));
        Assert.Equal("2.6881171418161354484e+43", Print(NumberMath.Exp(Parse("100"), P20)));
    }

    [Fact]
    public void Rounding_functions_of_approximate_values_are_exact()
    {
        var scaled = NumberMath.Multiply(Sqrt2, Parse("100"), P20);
        var floor = NumberMath.Floor(scaled, P20);
        Assert.True(floor.IsExact);
        Assert.Equal("141", Print(floor));
        Assert.Equal("142", Print(NumberMath.Ceiling(scaled, P20)));
        Assert.Equal("141", Print(NumberMath.Round(scaled, P20)));
        Assert.Equal("-141", Print(NumberMath.Truncate(NumberMath.Negate(scaled, P20), P20)));
        Assert.Equal("3.14", Print(NumberMath.Round(NumberMath.Pi, Parse("2"), P20)));
        Assert.Equal("1", Print(NumberMath.Sign(NumberMath.Pi, P20)));
    }

    [Fact]
    public void Rounding_a_value_on_a_boundary_uses_the_printed_value()
    {
        var two = Squared(Sqrt2);
        Assert.Equal("2", Print(NumberMath.Floor(two, P20)));
        Assert.Equal("2", Print(NumberMath.Ceiling(two, P20)));
        Assert.Equal("0", Print(NumberMath.Sign(NumberMath.Sin(NumberMath.Pi, P20), P20)));
    }

    [Fact]
    public void Comparisons_use_the_printed_values()
    {
        Assert.Equal(0, NumberMath.Compare(Squared(Sqrt2), Parse("2"), P20));
        Assert.True(NumberMath.Compare(Sqrt2, Parse("1.4142135623730950488"), P20) == 0);
        Assert.True(NumberMath.Compare(Sqrt2, Parse("1.4142135623730950489"), P20) < 0);
        Assert.True(NumberMath.Compare(NumberMath.Pi, NumberMath.E, P20) > 0);
        Assert.True(NumberMath.Compare(Parse("1"), Parse("2"), P20) < 0);
    }

    [Fact]
    public void Min_and_max_return_the_chosen_operand()
    {
        var values = new[] { NumberMath.Pi, Parse("3"), NumberMath.E };
        Assert.Equal(NumberMath.Pi, NumberMath.Max(values, P20));
        Assert.Equal(NumberMath.E, NumberMath.Min(values, P20));
        Assert.Equal("3", Print(NumberMath.Max([Parse("3")], P20)));
    }

    [Fact]
    public void Factorial_of_an_approximate_integer_is_exact()
    {
        var result = NumberMath.Factorial(NumberMath.Multiply(Squared(Sqrt2), Parse("2"), P20), P20);
        Assert.True(result.IsExact);
        Assert.Equal("24", Print(result));
        var error = Assert.Throws<NumericException>(() => NumberMath.Factorial(NumberMath.Pi, P20));
        Assert.Equal(NumericErrorKind.Domain, error.Kind);
    }

    [Fact]
    public void Division_by_an_approximate_zero_is_a_division_by_zero()
    {
        var zero = NumberMath.Sin(NumberMath.Pi, P20);
        var error = Assert.Throws<NumericException>(() => NumberMath.Divide(Parse("1"), zero, P20));
        Assert.Equal(NumericErrorKind.DivisionByZero, error.Kind);
    }

    [Fact]
    public void Tan_at_a_pole_is_a_domain_error()
    {
        var halfPi = NumberMath.Divide(NumberMath.Pi, Parse("2"), P20);
        var error = Assert.Throws<NumericException>(() => NumberMath.Tan(halfPi, P20));
        Assert.Equal(NumericErrorKind.Domain, error.Kind);
    }

    [Theory]
    [InlineData("exp", "1e10")]
    [InlineData("exp", "-1e10")]
    [InlineData("sinh", "1e12")]
    [InlineData("cosh", "1e100")]
    [InlineData("sin", "1e400000")]
    public void Huge_results_are_limit_errors_at_once(string function, string argument)
    {
        var error = Assert.Throws<NumericException>(() => Unary(function, Parse(argument), P20));
        Assert.Equal(NumericErrorKind.Limit, error.Kind);
    }

    [Fact]
    public void Huge_approximate_arguments_are_limit_errors_not_undetermined()
    {
        var exponent = NumberMath.Divide(Parse("6e226"), NumberMath.Cosh(Parse("2.4"), P20), P20);
        var error = Assert.Throws<NumericException>(() => NumberMath.Power(Parse("62.9"), exponent, P20));
        Assert.Equal(NumericErrorKind.Limit, error.Kind);
        error = Assert.Throws<NumericException>(() => NumberMath.Sinh(Parse("2.75e9"), P20));
        Assert.Equal(NumericErrorKind.Limit, error.Kind);
        error = Assert.Throws<NumericException>(() => NumberMath.Sin(NumberMath.Cosh(Parse("4e7"), P20), P20));
        Assert.Equal(NumericErrorKind.Limit, error.Kind);
    }

    [Fact]
    public void Arguments_just_outside_a_domain_that_print_on_its_edge_use_the_edge()
    {
        var ctx = new NumericContext(50);
        var justBelowOne = NumberMath.Exp(NumberMath.Sin(NumberMath.Add(Parse("2e-129"), NumberMath.Pi, ctx), ctx), ctx);
        Assert.Equal("1", Print(justBelowOne, ctx));
        Assert.Equal("0", Print(NumberMath.Acosh(justBelowOne, ctx), ctx));
        var justAboveOne = NumberMath.Exp(Parse("1e-200"), P20);
        Assert.Equal("0", Print(NumberMath.Acos(justAboveOne, P20)));
        Assert.Equal("1.5707963267948966192", Print(NumberMath.Asin(justAboveOne, P20)));
    }

    [Fact]
    public void Exp_of_ten_billion_names_the_digit_count()
    {
        var error = Assert.Throws<NumericException>(() => NumberMath.Exp(Parse("1e10"), P20));
        Assert.Equal("result would have about 4342944819 digits", error.Message);
    }

    [Fact]
    public void Approximate_power_with_a_huge_exponent_is_a_limit_error()
    {
        var error = Assert.Throws<NumericException>(() => NumberMath.Power(NumberMath.Pi, Parse("1e12"), P20));
        Assert.Equal(NumericErrorKind.Limit, error.Kind);
        error = Assert.Throws<NumericException>(() => NumberMath.Power(Parse("2"), Parse("1000000000000.5"), P20));
        Assert.Equal(NumericErrorKind.Limit, error.Kind);
    }

    [Fact]
    public void Large_logarithms_and_powers_are_exact_or_correct()
    {
        var tenToThousand = NumberMath.Power(Parse("10"), Parse("1000"), P20);
        Assert.Equal("2302.585092994045684", Print(NumberMath.Ln(tenToThousand, P20)));
        var twoToTwoThousand = NumberMath.Power(Parse("2"), Parse("2000"), P20);
        var log2 = NumberMath.Log2(twoToTwoThousand, P20);
        Assert.True(log2.IsExact);
        Assert.Equal("2000", Print(log2));
        Assert.Equal("2000", Print(NumberMath.Divide(NumberMath.Ln(twoToTwoThousand, P20), NumberMath.Ln(Parse("2"), P20), P20)));
    }

    [Fact]
    public void Documented_examples_print_their_digits()
    {
        Assert.Equal("1.6245047927124710452", Print(NumberMath.Power(Parse("2"), Parse("0.7"), P20)));
        var tower = NumberMath.Power(Parse("0.6"), Parse("0.5"), P20);
        tower = NumberMath.Power(Parse("0.7"), tower, P20);
        tower = NumberMath.Power(Parse("0.8"), tower, P20);
        tower = NumberMath.Power(Parse("0.9"), tower, P20);
        Assert.Equal("0.91488833860759321094", Print(tower));
        Assert.Equal("-0.37237612366127668826", Print(NumberMath.Sin(Parse("1e100"), P20)));
    }

    [Fact]
    public void A_long_chain_of_approximate_additions_does_not_overflow_the_stack()
    {
        var sum = NumberMath.Pi;
        for (var i = 1; i < 250_000; i++)
        {
            sum = NumberMath.Add(sum, NumberMath.Pi, P20);
        }

        Assert.True(sum.ToReal().Depth <= Real.MaxDepth);
        Assert.Equal("785398.16339744830962", Print(sum));
    }

    [Fact]
    public void Deep_nesting_of_functions_is_materialised()
    {
        var x = Parse("0.5");
        for (var i = 0; i < 5000; i++)
        {
            x = NumberMath.Sin(x, P20);
        }

        Assert.Equal("0.02445667523880387638", Print(x));
    }

    [Fact]
    public void Approximate_numbers_combined_with_exact_ones_stay_approximate()
    {
        Assert.False(NumberMath.Add(NumberMath.Pi, Parse("1"), P20).IsExact);
        Assert.False(NumberMath.Multiply(Parse("0"), NumberMath.Pi, P20).IsExact);
        Assert.Equal("0", Print(NumberMath.Multiply(Parse("0"), NumberMath.Pi, P20)));
        Assert.Equal("4.1415926535897932385", Print(NumberMath.Add(NumberMath.Pi, Parse("1"), P20)));
        Assert.Equal("0.14159265358979323846", Print(NumberMath.Modulo(NumberMath.Pi, Parse("1"), P20)));
        Assert.Equal("0.85840734641020676154", Print(NumberMath.Modulo(NumberMath.Negate(NumberMath.Pi, P20), Parse("1"), P20)));
    }

    [Fact]
    public void Constants_print_at_the_default_precision()
    {
        Assert.Equal("3.1415926535897932385", Print(NumberMath.Pi));
        Assert.Equal("2.7182818284590452354", Print(NumberMath.E));
        Assert.Equal("6.2831853071795864769", Print(NumberMath.Tau));
        Assert.Equal("1.6180339887498948482", Print(NumberMath.Phi));
    }
}
