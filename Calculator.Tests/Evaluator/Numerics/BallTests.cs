using System.Numerics;
using Calculator.Evaluator.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Calculator.Tests.Evaluator.Numerics;

public sealed class BallTests
{
    private static Gen<Rational> SmallRational { get; } =
        Gen.Zip(Gen.Choose(-100_000, 100_000), Gen.Choose(1, 10_000)).Select(p => Rational.Create(p.Item1, p.Item2));

    private static Gen<int> Bits { get; } = Gen.Choose(8, 300);

    [Property(MaxTest = 300)]
    public Property Arithmetic_encloses_the_exact_result() =>
        Prop.ForAll(SmallRational.ToArbitrary(), SmallRational.ToArbitrary(), Bits.ToArbitrary(), (a, b, bits) =>
        {
            var x = Of(a, bits);
            var y = Of(b, bits);
            var ok = Encloses(Ball.Add(x, y, bits), a + b)
                && Encloses(Ball.Subtract(x, y, bits), a - b)
                && Encloses(Ball.Multiply(x, y, bits), a * b);
            var quotient = Ball.Divide(x, y, bits);
            return ok && (b.IsZero ? quotient.IsUnbounded : quotient.IsUnbounded || Encloses(quotient, a / b));
        });

    [Property(MaxTest = 300)]
    public Property Square_and_cube_roots_enclose_the_root() =>
        Prop.ForAll(SmallRational.ToArbitrary(), Bits.ToArbitrary(), (a, bits) =>
        {
            var root = Ball.Sqrt(Of(a.Abs(), bits), bits);
            var cube = Ball.Root(Of(a, bits), 3, bits);
            return Low(root) * Low(root) <= a.Abs() && a.Abs() <= High(root) * High(root)
                && Low(cube) * Low(cube) * Low(cube) <= a && a <= High(cube) * High(cube) * High(cube);
        });

    [Property(MaxTest = 150)]
    public Property Balls_at_two_precisions_of_any_function_intersect() =>
        Prop.ForAll(SmallRational.ToArbitrary(), Gen.Elements(Enumerable.Range(0, Functions.Length).ToArray()).ToArbitrary(), Bits.ToArbitrary(), (a, f, bits) =>
        {
            var (_, function) = Functions[f];
            var coarse = function(Of(a, bits), bits);
            var fine = function(Of(a, 4 * bits), 4 * bits);
            if (coarse.IsUnbounded || fine.IsUnbounded)
            {
                return true;
            }

            // Both enclose the true value, so they must overlap.
            return Low(coarse) <= High(fine) && Low(fine) <= High(coarse);
        });

    [Fact]
    public void Adding_a_tiny_value_does_not_build_huge_integers()
    {
        var one = Ball.One;
        var tiny = Ball.FromDyadic(BigInteger.One, -10_000_000);
        var sum = Ball.Add(one, tiny, 64);
        Assert.True(IntegerMath.BitLength(sum.Mid) <= 64);
        Assert.True(Encloses(sum, Rational.One));
    }

    [Fact]
    public void Division_by_a_ball_containing_zero_is_unbounded()
    {
        var aroundZero = new Ball(BigInteger.One, 2, 0);
        Assert.True(Ball.Divide(Ball.One, aroundZero, 64).IsUnbounded);
        Assert.True(aroundZero.ContainsZero);
        Assert.Equal(0, aroundZero.Sign);
    }

    [Fact]
    public void Magnitudes_beyond_a_billion_decimal_digits_are_limit_errors()
    {
        var huge = Ball.FromDyadic(BigInteger.One, 3_000_000_000);
        var error = Assert.Throws<NumericException>(() => Ball.Multiply(huge, huge, 64));
        Assert.Equal(NumericErrorKind.Limit, error.Kind);
    }

    [Fact]
    public void Integer_powers_enclose_the_exact_power()
    {
        var third = Rational.Create(1, 3);
        var power = Ball.Pow(Of(third, 80), 50, 90);
        Assert.True(Encloses(power, Rational.Pow(third, 50, NumericContext.Default)));
    }

    private static readonly (string Name, Func<Ball, int, Ball> Function)[] Functions =
    [
        ("exp", (x, b) => Elementary.Exp(Ball.Divide(x, 10_000, b), b)),
        ("ln", (x, b) => Elementary.Ln(x.Abs(), b)),
        ("sin", Elementary.Sin),
        ("cos", Elementary.Cos),
        ("tan", Elementary.Tan),
        ("atan", Elementary.Atan),
        ("asin", (x, b) => Elementary.Asin(Ball.Divide(x, 100_001, b), b)),
        ("acos", (x, b) => Elementary.Acos(Ball.Divide(x, 100_001, b), b)),
        ("sinh", (x, b) => Elementary.Sinh(Ball.Divide(x, 10_000, b), b)),
        ("cosh", (x, b) => Elementary.Cosh(Ball.Divide(x, 10_000, b), b)),
        ("tanh", Elementary.Tanh),
        ("asinh", Elementary.Asinh),
        ("acosh", (x, b) => Elementary.Acosh(Ball.Add(x.Abs(), Ball.One, b), b)),
        ("atanh", (x, b) => Elementary.Atanh(Ball.Divide(x, 100_001, b), b)),
    ];

    private static Ball Of(Rational q, int bits) => Ball.FromRational(q.Numerator, q.Denominator, bits);

    private static Rational Low(Ball b) => Scale(b.Mid - b.Radius, b.Exponent);

    private static Rational High(Ball b) => Scale(b.Mid + b.Radius, b.Exponent);

    private static Rational Scale(BigInteger v, long exponent) =>
        exponent >= 0 ? Rational.FromInteger(v << (int)exponent) : Rational.Create(v, BigInteger.One << (int)-exponent);

    private static bool Encloses(Ball ball, Rational value) => Low(ball) <= value && value <= High(ball);
}
