using BenchmarkDotNet.Attributes;
using Calculator.Evaluator;

namespace Calculator.Benchmarks;

/// <summary>
/// Functions and constants at high precision, evaluated and printed in full.
/// The constants (pi, e, ln 2, sqrt 2) are cached per process once computed, so within one
/// benchmark process they measure the rounding and printing of the cached value; their first
/// computation is measured end to end by bench/compare.sh. Functions of other arguments are
/// computed afresh every time.
/// </summary>
[MemoryDiagnoser]
public class PrecisionBenchmarks
{
    private Session _session = new();

    /// <summary>Significant digits.</summary>
    [Params(100, 2000, 10000)]
    public int Digits { get; set; }

    /// <summary>The expression.</summary>
    [Params("pi", "e", "ln(2)", "sqrt(2)", "sqrt(3)", "exp(1/3)", "ln(3)", "atan(1/7)", "sin(1)")]
    public string Expression { get; set; } = "pi";

    /// <summary>A session at the chosen precision.</summary>
    [GlobalSetup]
    public void Setup() => _session = new Session(new SessionOptions { Precision = Digits });

    /// <summary>Evaluate and print all digits.</summary>
    [Benchmark]
    public int EvaluateAndFormat()
    {
        var outcome = _session.Run(Expression)[0];
        return outcome.Value!.Format().Length;
    }
}
