using BenchmarkDotNet.Attributes;
using Calculator.Evaluator;
using Calculator.Parser;

namespace Calculator.Benchmarks;

/// <summary>
/// The three steps calc takes for each line of a file, separately: lex and parse, evaluate, format.
/// Each operation handles the eight lines of one kind, so divide by 8 for a line.
/// </summary>
[MemoryDiagnoser]
public class LineBenchmarks
{
    private string[] _lines = [];
    private ParsedStatement[] _parsed = [];
    private Value[] _values = [];
    private Session _session = new();

    /// <summary>The kind of line: integers, decimals, powers or functions.</summary>
    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "integers";

    /// <summary>The line kinds.</summary>
    public static IEnumerable<string> Kinds => Lines.Kinds;

    /// <summary>Parses and evaluates the lines once, for the later steps.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _lines = Lines.Samples[Kind];
        _session = new Session();
        _parsed = [.. _lines.Select(line => CalcParser.ParseProgram(line)[0])];
        _values = [.. _parsed.Select(statement => _session.Execute(statement).Value!)];
    }

    /// <summary>Text to trees.</summary>
    [Benchmark]
    public int Parse()
    {
        var count = 0;
        foreach (var line in _lines)
        {
            count += CalcParser.ParseProgram(line).Count;
        }
        return count;
    }

    /// <summary>Trees to values, in one session (as a file runs).</summary>
    [Benchmark]
    public int Evaluate()
    {
        var count = 0;
        foreach (var statement in _parsed)
        {
            count += (int)_session.Execute(statement).Kind;
        }
        return count;
    }

    /// <summary>Values to text at the default 20 digits.</summary>
    [Benchmark]
    public int Format()
    {
        var length = 0;
        foreach (var value in _values)
        {
            length += value.Format().Length;
        }
        return length;
    }

    /// <summary>All three, as the CLI does per line (without I/O).</summary>
    [Benchmark(Baseline = true)]
    public int ParseEvaluateFormat()
    {
        var length = 0;
        foreach (var line in _lines)
        {
            foreach (var outcome in _session.Run(line))
            {
                length += outcome.Value?.Format().Length ?? 0;
            }
        }
        return length;
    }
}
