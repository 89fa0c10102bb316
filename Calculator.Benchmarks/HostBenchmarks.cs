using BenchmarkDotNet.Attributes;
using Calculator.Evaluator;

namespace Calculator.Benchmarks;

/// <summary>
/// A host evaluating one parsed formula many times with a changing variable (issue 14):
/// calc's <see cref="Session"/> against NCalc's cached <c>Expression</c> with its parameter dictionary.
/// </summary>
[MemoryDiagnoser]
public class HostBenchmarks
{
    /// <summary>The formula, in calc's syntax.</summary>
    public const string Formula = "a*x^2 + b*x + c";
    private const int Evaluations = 1000;

    private readonly CalcExpression _calcExpression = CalcExpression.Parse(Formula);
    private readonly Session _session = new();
    private readonly NCalc.Expression _ncalc = new("a*Pow(x,2) + b*x + c");

    /// <summary>Binds the coefficients in both engines.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _session.SetVariable("a", Value.FromInteger(3));
        _session.SetVariable("b", Value.FromInteger(-7));
        _session.SetVariable("c", Value.FromInteger(11));
        _ncalc.Parameters["a"] = 3;
        _ncalc.Parameters["b"] = -7;
        _ncalc.Parameters["c"] = 11;
    }

    /// <summary>NCalc: set the parameter, evaluate the cached expression.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Evaluations)]
    public object? NCalc()
    {
        object? last = null;
        for (var x = 0; x < Evaluations; x++)
        {
            _ncalc.Parameters["x"] = x;
            last = _ncalc.Evaluate();
        }
        return last;
    }

    /// <summary>calc: set the variable, evaluate the parsed expression.</summary>
    [Benchmark(OperationsPerInvoke = Evaluations)]
    public Value? Calc()
    {
        Value? last = null;
        for (var x = 0; x < Evaluations; x++)
        {
            _session.SetVariable("x", Value.FromInteger(x));
            last = _session.Evaluate(_calcExpression);
        }
        return last;
    }

    /// <summary>A whole run of <paramref name="count"/> evaluations of each, timed with a stopwatch (bench/host.sh).</summary>
    public static void Race(int count)
    {
        var benchmark = new HostBenchmarks();
        benchmark.Setup();
        for (var round = 0; round < 3; round++)
        {
            var ncalc = Time(count, benchmark.NCalc);
            var calc = Time(count, benchmark.Calc);
            // CPU time is the fairer figure on a shared machine: waiting for a core is not counted.
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"round {round + 1}: {count} evaluations of {Formula}: NCalc {count / ncalc.Wall:N0}/s, calc {count / calc.Wall:N0}/s, " +
                $"calc/NCalc {ncalc.Wall / calc.Wall:F2} (wall); CPU per evaluation NCalc {ncalc.Cpu * 1e9 / count:F0} ns, " +
                $"calc {calc.Cpu * 1e9 / count:F0} ns, calc/NCalc {ncalc.Cpu / calc.Cpu:F2} (CPU)"));
        }
    }

    private static (double Wall, double Cpu) Time(int count, Func<object?> run)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var done = 0; done < count; done += Evaluations)
        {
            run();
        }
        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
