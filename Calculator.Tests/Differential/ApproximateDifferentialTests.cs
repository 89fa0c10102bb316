using System.Globalization;
using System.Numerics;
using Calculator.Tests.Support;
using Xunit.Abstractions;

namespace Calculator.Tests.Differential;

/// <summary>
/// Approximate results against Python's <c>decimal</c> (whose sqrt, ln, exp and log10 are correctly
/// rounded; stdev is the square root of the variance computed at 100 digits): SPEC §4 promises that every printed digit is correct, so calc's text at precision P
/// must equal the true value rounded to P significant digits, halves away from zero. Python works
/// at 100 digits and reports a case whose rounding it cannot decide as a tie, which is skipped.
/// </summary>
public sealed class ApproximateDifferentialTests(ITestOutputHelper output)
{
    private const int FixedSeed = 20261130;
    private const int DefaultCases = 1500;
    private static readonly string[] Functions = ["sqrt", "ln", "exp", "log10", "stdev"];
    private static readonly int[] Precisions = [5, 20, 20, 20, 37];

    private const string Prelude = """
        import sys
        from decimal import Decimal as D, getcontext, localcontext, ROUND_HALF_UP, InvalidOperation, DivisionByZero
        getcontext().prec = 100
        getcontext().traps[InvalidOperation] = True
        getcontext().traps[DivisionByZero] = True
        def sqrt(x): return x.sqrt()
        def ln(x): return x.ln()
        def exp(x): return x.exp()
        def log10(x): return x.log10()
        def stdev(*xs):
            m = sum(xs) / len(xs)
            return (sum((x - m) ** 2 for x in xs) / (len(xs) - 1)).sqrt()
        def rounded(v, p):
            with localcontext() as c:
                c.prec = p
                c.rounding = ROUND_HALF_UP
                return +v
        for line in sys.stdin:
            p, expr = line.rstrip("\n").split("|", 1)
            p = int(p)
            try:
                v = eval(expr)
                near = v.copy_abs() * D("1e-80")
                lo, hi = rounded(v - near, p), rounded(v + near, p)
                print(str(rounded(v, p)) if lo == hi else "tie")
            except (InvalidOperation, DivisionByZero, ZeroDivisionError):
                print("error")
        """;

    [FactNeeding("python3")]
    public void Calc_prints_the_correctly_rounded_digits_of_python_decimal() =>
        DifferentialRuns.CompareApproximate(output, FixedSeed, DefaultCases, share: 4, "python decimal", Prelude, Generate);

    /// <summary>f(q), f(q) op r or f(q) op g(s), with q and s positive and r exact; as calc and Python text.</summary>
    private static (string Calc, int Precision, string Python) Generate(Random random)
    {
        var precision = Precisions[random.Next(Precisions.Length)];
        var (calc, python) = Call(random);
        switch (random.Next(6))
        {
            case 0:
            case 1:
                break;
            case 2:
            {
                var (rc, rp) = Exact(random, signed: true);
                (calc, python) = (calc + " + " + rc, "(" + python + " + " + rp + ")");
                break;
            }
            case 3:
            {
                var (rc, rp) = Exact(random, signed: true);
                (calc, python) = (rc + " * " + calc, "(" + rp + " * " + python + ")");
                break;
            }
            case 4:
            {
                var (rc, rp) = Exact(random, signed: false);
                (calc, python) = (rc + " / " + calc, "(" + rp + " / " + python + ")");
                break;
            }
            default:
            {
                var (gc, gp) = Call(random);
                var op = random.Next(2) == 0 ? "+" : "*";
                (calc, python) = (calc + " " + op + " " + gc, "(" + python + " " + op + " " + gp + ")");
                break;
            }
        }
        return (calc, precision, precision.ToString(CultureInfo.InvariantCulture) + "|" + python);
    }

    private static (string Calc, string Python) Call(Random random)
    {
        var function = Functions[random.Next(Functions.Length)];
        if (function == "stdev")
        {
            // The sample standard deviation of 2 to 4 signed values: a square root of an exact variance.
            var values = Enumerable.Range(0, random.Next(2, 5)).Select(_ => Exact(random, signed: true)).ToList();
            return ("stdev(" + string.Join(", ", values.Select(v => v.Calc)) + ")", "stdev(" + string.Join(", ", values.Select(v => v.Python)) + ")");
        }

        var (calc, python) = function == "exp" ? Exact(random, signed: true, small: true) : Exact(random, signed: false);
        return (function + "(" + calc + ")", function + "(" + python + ")");
    }

    /// <summary>A decimal or a fraction p/q; positive unless <paramref name="signed"/>, below 60 in size when <paramref name="small"/>.</summary>
    private static (string Calc, string Python) Exact(Random random, bool signed, bool small = false)
    {
        var negative = signed && random.Next(3) == 0;
        string calc;
        string python;
        if (random.Next(3) == 0)
        {
            var p = random.Next(1, small ? 400 : 100_000);
            var q = random.Next(1, small ? 10 : 1000);
            calc = $"({p.ToString(CultureInfo.InvariantCulture)}/{q.ToString(CultureInfo.InvariantCulture)})";
            python = $"(D({p.ToString(CultureInfo.InvariantCulture)}) / D({q.ToString(CultureInfo.InvariantCulture)}))";
        }
        else
        {
            var significand = new BigInteger(random.NextInt64(1, small ? 60_000 : 10_000_000_000));
            var places = random.Next(0, small ? 4 : 12);
            var text = significand.ToString(CultureInfo.InvariantCulture).PadLeft(places + 1, '0');
            text = places == 0 ? text : text[..^places] + "." + text[^places..];
            calc = text;
            python = $"D(\"{text}\")";
        }
        return negative ? ("(-" + calc + ")", "(-" + python + ")") : (calc, python);
    }
}
