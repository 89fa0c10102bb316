using System.Globalization;
using System.Numerics;
using Calculator.Evaluator.Numerics;
using Calculator.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Calculator.Tests.Evaluator.Numerics.RationalGenerators;

namespace Calculator.Tests.Properties;

/// <summary>Laws of the integer, combinatorial and statistical functions, checked through a session.</summary>
public class IntegerFunctionProperties
{
    private static string Text(BigInteger x) => x.ToString(CultureInfo.InvariantCulture);

    private static string Text(Rational x) =>
        "(" + Text(x.Numerator) + "/" + Text(x.Denominator) + ")";

    private static readonly Gen<int> Small = Gen.Choose(-60, 60);

    [Property(MaxTest = 200)]
    public Property Xor_is_or_minus_and() =>
        Prop.ForAll(AnyInteger, AnyInteger, (a, b) =>
            Calc.Last($"xor({Text(a)}, {Text(b)})") == Text((a | b) - (a & b)));

    [Property(MaxTest = 200)]
    public Property Powmod_is_the_power_modulo_m() =>
        Prop.ForAll(Small.ToArbitrary(), Gen.Choose(0, 40).ToArbitrary(), Small.Where(m => m != 0).ToArbitrary(), (a, b, m) =>
            Calc.Last($"powmod({a}, {b}, {m}) == ({a})^{b} % ({m})") == "true");

    [Property(MaxTest = 200)]
    public Property Powmod_with_a_negative_exponent_inverts() =>
        Prop.ForAll(Gen.Choose(-1000, 1000).ToArbitrary(), Gen.Choose(1, 30).ToArbitrary(), Gen.Choose(2, 1000).ToArbitrary(), (a, b, m) =>
        {
            var result = Calc.Last($"powmod({a}, -{b}, {m}) * powmod({a}, {b}, {m}) % {m}");
            return BigInteger.GreatestCommonDivisor(a, m).IsOne ? result == "1" : result == "error:domain";
        });

    [Property(MaxTest = 300)]
    public Property Isprime_agrees_with_trial_division_below_a_million() =>
        Prop.ForAll(Gen.Choose(-10, 1_000_000).ToArbitrary(), n =>
            NumberTheory.IsPrime(n) == ByTrialDivision(n));

    [Property(MaxTest = 300)]
    public Property Baillie_psw_agrees_with_trial_division_on_odd_numbers() =>
        Prop.ForAll(Gen.Choose(50, 500_000).Select(i => (2 * i) + 1).ToArbitrary(), n =>
            (NumberTheory.IsStrongProbablePrime(n, 2) && NumberTheory.IsStrongLucasProbablePrime(n)) == ByTrialDivision(n));

    [Property(MaxTest = 100)]
    public Property Nextprime_and_prevprime_bracket_n_with_no_prime_between() =>
        Prop.ForAll(Gen.Choose(3, 2_000_000).ToArbitrary(), n =>
        {
            var next = (int)NumberTheory.NextPrime(n);
            var previous = (int)NumberTheory.PrevPrime(n);
            return ByTrialDivision(next) && ByTrialDivision(previous) && previous < n && n < next
                && Enumerable.Range(previous + 1, next - previous - 1).All(k => k == n || !ByTrialDivision(k));
        });

    [Property(MaxTest = 200)]
    public Property Binomial_is_symmetric() =>
        Prop.ForAll(Gen.Choose(0, 300).ToArbitrary(), Gen.Choose(-5, 305).ToArbitrary(), (n, k) =>
            Calc.Last($"binomial({n}, {k}) == binomial({n}, {n} - {k})") == "true");

    [Property(MaxTest = 200)]
    public Property Binomial_follows_pascals_rule_for_every_integer_n() =>
        Prop.ForAll(Gen.Choose(-300, 300).ToArbitrary(), Gen.Choose(-5, 300).ToArbitrary(), (n, k) =>
            Calc.Last($"binomial({n}, {k}) == binomial({n} - 1, {k} - 1) + binomial({n} - 1, {k})") == "true");

    [Property(MaxTest = 100)]
    public Property Perm_is_binomial_times_factorial() =>
        Prop.ForAll(Gen.Choose(-300, 3000).ToArbitrary(), Gen.Choose(0, 300).ToArbitrary(), (n, k) =>
            Calc.Last($"perm({n}, {k}) == binomial({n}, {k}) * {k}!") == "true");

    [Property(MaxTest = 150)]
    public Property Statistics_of_rationals_are_exact() =>
        Prop.ForAll(Gen.ListOf(RationalGen).Where(l => l.Count >= 2).Select(l => l.Take(8).ToList()).ToArbitrary(), values =>
        {
            var list = string.Join(", ", values.Select(Text));
            var n = values.Count;
            var sum = values.Aggregate(Rational.Zero, (s, x) => s + x);
            var mean = sum / n;
            var variance = values.Aggregate(Rational.Zero, (s, x) => s + ((x - mean) * (x - mean))) / (n - 1);
            var sorted = values.OrderBy(x => x).ToList();
            var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
            var varianceIsSquare = Rational.TryRoot(variance, 2, out var root);
            var stdev = Calc.LastOutcome($"stdev({list})").Value!;
            return Calc.Last($"sum({list}) == {Text(sum)}") == "true"
                && Calc.Last($"mean({list}) == {Text(mean)}") == "true"
                && Calc.Last($"var({list}) == {Text(variance)}") == "true"
                && Calc.Last($"median({list}) == {Text(median)}") == "true"
                && stdev.IsExact == varianceIsSquare
                && (!varianceIsSquare || Calc.Last($"stdev({list}) == {Text(root)}") == "true")
                && Calc.LastOutcome($"var({list})").Value!.IsExact;
        });

    [Property(MaxTest = 100)]
    public Property Stdev_of_an_evenly_spaced_triple_is_its_spacing_exactly() =>
        Prop.ForAll(AnyRational, AnyRational, (x, d) =>
        {
            var stdev = Calc.LastOutcome($"stdev({Text(x - d)}, {Text(x)}, {Text(x + d)})").Value!;
            return stdev.IsExact && stdev.TryGetFraction(out var p, out var q) && Rational.Create(p, q) == d.Abs();
        });

    private static bool ByTrialDivision(long n)
    {
        if (n < 2)
        {
            return false;
        }

        for (long d = 2; d * d <= n; d++)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }
}
