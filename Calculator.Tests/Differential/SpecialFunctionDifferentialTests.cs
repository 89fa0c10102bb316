using Calculator.Tests.Support;
using Xunit.Abstractions;

namespace Calculator.Tests.Differential;

/// <summary>
/// gamma, lgamma, erf and erfc against Python's <c>math</c> module (issue 16). Those are doubles,
/// good to a few units in the last place, so calc prints at 10 digits and a case is compared only
/// when the double, moved by its error bound (10^−11 relative, and 10^−13 absolute for lgamma
/// near its zeros), still rounds to the same 10 digits; otherwise Python reports a tie, skipped.
/// gamma of a positive integer is exact in calc and compared with <c>math.factorial</c>.
/// </summary>
public sealed class SpecialFunctionDifferentialTests(ITestOutputHelper output)
{
    private const int FixedSeed = 20261206;
    private const int DefaultCases = 800;
    private const int Precision = 10;

    // Each function with the range of n/d where the double is accurate and in range:
    // gamma below 171 overflows nothing, erfc above −6 and below 25 stays normal.
    private static readonly (string Name, int Low, int High)[] Functions =
        [("gamma", -30, 60), ("lgamma", -200, 1000), ("erf", -6, 6), ("erfc", -6, 25)];

    private const string Prelude = """
        import sys, math
        from decimal import Decimal as D, localcontext, ROUND_HALF_UP
        def rounded(v, p):
            with localcontext() as c:
                c.prec = p
                c.rounding = ROUND_HALF_UP
                return +D(v)
        for line in sys.stdin:
            name, n, d = line.split()
            x = int(n) / int(d)
            if name == "gamma" and int(n) % int(d) == 0 and int(n) > 0:
                print(math.factorial(int(n) // int(d) - 1))
                continue
            try:
                v = getattr(math, name)(x)
            except ValueError:
                print("error")
                continue
            near = abs(v) * 1e-11 + (1e-13 if name == "lgamma" else 0)
            lo, hi = rounded(v - near, 10), rounded(v + near, 10)
            print(str(rounded(v, 10)) if lo == hi else "tie")
        """;

    [FactNeeding("python3")]
    public void Calc_prints_the_digits_of_python_math() =>
        DifferentialRuns.CompareApproximate(output, FixedSeed, DefaultCases, share: 25, "python math", Prelude, random =>
        {
            var (name, numerator, denominator) = Generate(random);
            return ($"{name}({numerator}/{denominator})", Precision, $"{name} {numerator} {denominator}");
        });

    /// <summary>A function and an argument n/d in its range (d up to 200, so poles are hit now and then).</summary>
    private static (string Name, int Numerator, int Denominator) Generate(Random random)
    {
        var (name, low, high) = Functions[random.Next(Functions.Length)];
        var denominator = random.Next(3) == 0 ? 1 : random.Next(1, 201);
        var numerator = random.Next(low * denominator, (high * denominator) + 1);
        return (name, numerator, denominator);
    }
}
