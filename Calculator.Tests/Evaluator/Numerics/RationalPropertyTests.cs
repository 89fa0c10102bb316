using System.Numerics;
using Calculator.Evaluator.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Calculator.Tests.Evaluator.Numerics.RationalGenerators;

namespace Calculator.Tests.Evaluator.Numerics;

public sealed class RationalPropertyTests
{
    private static readonly NumericContext Ctx = NumericContext.Default;

    [Property(MaxTest = 300)]
    public Property Addition_is_commutative() =>
        Prop.ForAll(AnyRational, AnyRational, (a, b) => a + b == b + a);

    [Property(MaxTest = 300)]
    public Property Addition_is_associative() =>
        Prop.ForAll(AnyRational, AnyRational, AnyRational, (a, b, c) => (a + b) + c == a + (b + c));

    [Property(MaxTest = 300)]
    public Property Multiplication_is_commutative() =>
        Prop.ForAll(AnyRational, AnyRational, (a, b) => a * b == b * a);

    [Property(MaxTest = 300)]
    public Property Multiplication_is_associative() =>
        Prop.ForAll(AnyRational, AnyRational, AnyRational, (a, b, c) => (a * b) * c == a * (b * c));

    [Property(MaxTest = 300)]
    public Property Multiplication_distributes_over_addition() =>
        Prop.ForAll(AnyRational, AnyRational, AnyRational, (a, b, c) => a * (b + c) == (a * b) + (a * c));

    [Property(MaxTest = 300)]
    public Property Dividing_then_multiplying_returns_the_dividend() =>
        Prop.ForAll(AnyRational, AnyNonZeroRational, (a, b) => a / b * b == a);

    [Property(MaxTest = 300)]
    public Property Subtracting_a_value_from_itself_gives_zero() =>
        Prop.ForAll(AnyRational, a => (a - a).IsZero && a - a == Rational.Zero);

    [Property(MaxTest = 300)]
    public Property Values_are_always_normalised() =>
        Prop.ForAll(AnyRational, AnyRational, (a, b) =>
        {
            var sum = a + b;
            var product = a * b;
            return IsNormalised(sum) && IsNormalised(product) && IsNormalised(a - b);
        });

    [Property(MaxTest = 300)]
    public Property Fast_path_agrees_with_BigInteger_path() =>
        Prop.ForAll(AnyRational, AnyRational, (a, b) =>
            a + b == Rational.AddSlow(a, b) &&
            a * b == Rational.MultiplySlow(a, b) &&
            Math.Sign(a.CompareTo(b)) == Math.Sign(Rational.CompareSlow(a, b)));

    [Property(MaxTest = 300)]
    public Property Equal_values_hash_equally_whichever_path_built_them() =>
        Prop.ForAll(AnyRational, AnyRational, (a, b) =>
        {
            var fast = a + b;
            var slow = Rational.AddSlow(a, b);
            var rebuilt = Rational.Create(fast.Numerator * 7, fast.Denominator * 7);
            return fast.Equals(slow) && fast.GetHashCode() == slow.GetHashCode() &&
                   rebuilt.Equals(fast) && rebuilt.GetHashCode() == fast.GetHashCode();
        });

    [Property(MaxTest = 300)]
    public Property Comparison_agrees_with_subtraction_sign() =>
        Prop.ForAll(AnyRational, AnyRational, (a, b) => Math.Sign(a.CompareTo(b)) == (a - b).Sign);

    [Property(MaxTest = 300)]
    public Property Floored_mod_satisfies_division_identity() =>
        Prop.ForAll(AnyRational, AnyNonZeroRational, (a, b) =>
        {
            var m = Rational.FlooredMod(a, b, Ctx);
            return a == (b * (a / b).Floor()) + m;
        });

    [Property(MaxTest = 300)]
    public Property Floored_mod_has_sign_of_divisor_and_is_smaller() =>
        Prop.ForAll(AnyRational, AnyNonZeroRational, (a, b) =>
        {
            var m = Rational.FlooredMod(a, b, Ctx);
            return m.Abs() < b.Abs() && (m.IsZero || m.Sign == b.Sign);
        });

    [Property(MaxTest = 300)]
    public Property Floor_and_ceiling_bracket_the_value() =>
        Prop.ForAll(AnyRational, a =>
        {
            var floor = a.Floor();
            var ceiling = a.Ceiling();
            return floor.IsInteger && ceiling.IsInteger && floor <= a && a <= ceiling &&
                   ceiling - floor == (a.IsInteger ? Rational.Zero : Rational.One);
        });

    [Property(MaxTest = 300)]
    public Property Round_is_nearest_with_halves_away_from_zero() =>
        Prop.ForAll(AnyRational, a =>
        {
            var r = a.Round();
            var distance = (a - r).Abs();
            var half = Rational.Create(1, 2);
            var halfwayAwayFromZero = distance != half || r.Abs() > a.Abs();
            return r.IsInteger && distance <= half && halfwayAwayFromZero;
        });

    [Property(MaxTest = 300)]
    public Property Round_is_odd_symmetric() =>
        Prop.ForAll(AnyRational, a => (-a).Round() == -a.Round() && (-a).Truncate() == -a.Truncate());

    [Property(MaxTest = 200)]
    public Property Pow_agrees_with_repeated_multiplication() =>
        Prop.ForAll(SmallRational, Gen.Choose(-12, 12).ToArbitrary(), (b, e) =>
        {
            if (b.IsZero && e < 0)
            {
                return true;
            }

            var expected = Rational.One;
            for (var i = 0; i < Math.Abs(e); i++)
            {
                expected *= b;
            }

            if (e < 0)
            {
                expected = Rational.One / expected;
            }

            return Rational.Pow(b, e, Ctx) == expected;
        });

    [Property(MaxTest = 200)]
    public Property Root_of_a_power_gives_the_base() =>
        Prop.ForAll(AnyRational, Gen.Choose(1, 7).ToArbitrary(), (x, n) =>
        {
            var power = Rational.Pow(x, n, Ctx);
            var expected = n % 2 == 0 ? x.Abs() : x;
            return Rational.TryRoot(power, n, out var root) && root == expected;
        });

    [Property(MaxTest = 200)]
    public Property Root_of_a_non_power_is_not_exact() =>
        Prop.ForAll(Gen.Choose(2, 100_000).ToArbitrary(), Gen.Choose(2, 5).ToArbitrary(), (x, n) =>
        {
            var value = (Rational)(long)x;
            var isPower = Math.Abs(Math.Round(Math.Pow(x, 1.0 / n)) - Math.Pow(x, 1.0 / n)) < 1e-9;
            return Rational.TryRoot(value, n, out _) == isPower;
        });

    [Property(MaxTest = 200)]
    public Property Log_of_a_power_gives_the_exponent() =>
        Prop.ForAll(SmallRational, Gen.Choose(-30, 30).ToArbitrary(), (b, k) =>
        {
            var positive = b.Abs();
            if (positive.IsZero || positive == Rational.One)
            {
                return true;
            }

            var x = Rational.Pow(positive, k, Ctx);
            return Rational.TryLog(x, positive, out var log) && log == k;
        });

    [Property(MaxTest = 200)]
    public Property Log_of_a_power_plus_one_is_not_exact() =>
        Prop.ForAll(Gen.Choose(2, 50).ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (b, k) =>
        {
            var x = Rational.Pow(b, k, Ctx) + Rational.One;
            return !Rational.TryLog(x, b, out _);
        });

    [Property(MaxTest = 200)]
    public Property Create_then_parts_round_trips() =>
        Prop.ForAll(AnyInteger, NonZeroIntegerGen.ToArbitrary(), (n, d) =>
        {
            var r = Rational.Create(n, d);
            return r.Numerator * d == n * r.Denominator;
        });

    private static bool IsNormalised(Rational r) =>
        r.Denominator.Sign > 0 && BigInteger.GreatestCommonDivisor(r.Numerator, r.Denominator).IsOne;
}

/// <summary>
/// Random integers and rationals spread over both representations of <see cref="Rational"/>:
/// small values, values near the edge of <see cref="long"/>, and values far beyond it.
/// </summary>
internal static class RationalGenerators
{
    public static Gen<long> LongGen { get; } =
        Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue))
            .Select(p => ((long)p.Item1 << 32) | (uint)p.Item2);

    public static Gen<long> NearLongEdgeGen { get; } =
        Gen.Zip(Gen.Choose(0, 1000), Gen.Elements(true, false))
            .Select(p => p.Item2 ? long.MaxValue - p.Item1 : long.MinValue + p.Item1);

    public static Gen<BigInteger> IntegerGen { get; } = Gen.Frequency(
        (6, Gen.Choose(-1000, 1000).Select(i => (BigInteger)i)),
        (3, LongGen.Select(l => (BigInteger)l)),
        (2, NearLongEdgeGen.Select(l => (BigInteger)l)),
        (3, Gen.Zip(LongGen, Gen.Choose(1, 200)).Select(p => (BigInteger)p.Item1 << p.Item2)),
        (1, Gen.Zip(Gen.Zip(LongGen, LongGen), LongGen).Select(p => (BigInteger)p.Item1.Item1 * p.Item1.Item2 * p.Item2)));

    public static Gen<BigInteger> NonZeroIntegerGen { get; } = IntegerGen.Where(i => !i.IsZero);

    public static Gen<Rational> RationalGen { get; } = Gen.Frequency(
        (2, IntegerGen.Select(Rational.FromInteger)),
        (5, Gen.Zip(IntegerGen, NonZeroIntegerGen).Select(p => Rational.Create(p.Item1, p.Item2))));

    public static Gen<Rational> NonZeroRationalGen { get; } = RationalGen.Where(r => !r.IsZero);

    public static Arbitrary<Rational> AnyRational { get; } = RationalGen.ToArbitrary();

    public static Arbitrary<Rational> AnyNonZeroRational { get; } = NonZeroRationalGen.ToArbitrary();

    public static Arbitrary<BigInteger> AnyInteger { get; } = IntegerGen.ToArbitrary();

    /// <summary>A rational with small parts, so powers of it stay cheap.</summary>
    public static Arbitrary<Rational> SmallRational { get; } =
        Gen.Zip(Gen.Choose(-50, 50), Gen.Choose(1, 50))
            .Select(p => Rational.Create(p.Item1, p.Item2))
            .ToArbitrary();
}
