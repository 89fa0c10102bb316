using System.Globalization;
using System.Text;
using Calculator.Evaluator;
using Calculator.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Calculator.Tests.Differential;

/// <summary>
/// Random programs evaluated by calc (in-process) and by real oracles: Python's
/// <c>fractions.Fraction</c> for every case, GNU bc at scale 0 for integer-only ones. Results are
/// compared exactly as rationals. A fixed seed runs every time, plus one fresh seed printed in the
/// log; <c>DIFF_SEED=n</c> replays one seed, <c>DIFF_CASES=n</c> sets the cases per seed,
/// <c>DIFF_SHOW=n</c> prints the first n cases.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    private const int FixedSeed = 20261129;
    private const int DefaultCases = 2500;

    [FactNeeding("python3", "bc")]
    public void Calc_agrees_with_python_fractions_and_bc_on_random_programs()
    {
        var cases = DifferentialRuns.CasesPerSeed(DefaultCases);
        var failures = new StringBuilder();
        foreach (var seed in DifferentialRuns.Seeds(FixedSeed))
        {
            var run = DifferentialRun.Execute(seed, cases);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"differential seed={seed}: {run.Cases} cases ({run.BcCases} also in bc), {run.Errors} errors agreed, {run.Mismatches.Count} disagreements");
            output.WriteLine(line);
            Console.WriteLine(line);
            foreach (var sample in run.Samples)
            {
                output.WriteLine(sample);
            }
            foreach (var mismatch in run.Mismatches.Take(15))
            {
                output.WriteLine(mismatch);
                failures.AppendLine(mismatch);
            }
            if (run.Mismatches.Count > 0)
            {
                failures.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"replay: DIFF_SEED={seed} DIFF_CASES={cases} dotnet test Calculator.Tests --filter FullyQualifiedName~Differential"));
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Generator_Is_deterministic_for_a_seed(int seed)
    {
        static string Print(int seed) => string.Join('\n', Enumerable.Range(0, 50).Select(i =>
            new CalcPrinter(seed + i).Print(new ProgramGenerator(seed).Next(i))));

        Assert.Equal(Print(seed), Print(seed));
    }
}

/// <summary>One batch: generate, evaluate in calc, in one python3 and one bc process, compare.</summary>
public sealed record DifferentialRun(int Cases, int BcCases, int Errors, IReadOnlyList<string> Mismatches, IReadOnlyList<string> Samples)
{
    /// <summary>How many cases to show in the log (DIFF_SHOW), to see what the generator makes.</summary>
    private static readonly int SampleCount =
        int.TryParse(Environment.GetEnvironmentVariable("DIFF_SHOW"), CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static DifferentialRun Execute(int seed, int count)
    {
        var generator = new ProgramGenerator(seed);
        var cases = Enumerable.Range(0, count).Select(generator.Next).ToList();
        var calcText = cases.Select(c => new CalcPrinter(HashCode.Combine(seed, c.Index)).Print(c)).ToList();
        var calc = calcText.Select(Evaluate).ToList();
        var python = Oracles.Python(cases.Select(PythonPrinter.Print).ToList());
        var integerCases = cases.Where(c => c.IntegerOnly).ToList();
        var bc = Oracles.Bc(integerCases.Select(BcPrinter.Print).ToList());
        var bcByIndex = integerCases.Select((c, i) => (c.Index, Answer: bc[i])).ToDictionary(x => x.Index, x => x.Answer);

        var mismatches = new List<string>();
        var samples = new List<string>();
        var errors = 0;
        foreach (var c in cases)
        {
            var ours = calc[c.Index];
            var bcAnswer = bcByIndex.GetValueOrDefault(c.Index);
            var agreesWithPython = ours == python[c.Index];
            var agreesWithBc = bcAnswer is null || AsBc(ours) == bcAnswer;
            if (c.Index < SampleCount)
            {
                samples.Add(string.Create(CultureInfo.InvariantCulture,
                    $"sample {c.Index}: {calcText[c.Index]}  =>  calc {ours}, python {python[c.Index]}, bc {bcAnswer ?? "-"}"));
            }
            if (agreesWithPython && agreesWithBc)
            {
                errors += ours.StartsWith("error:", StringComparison.Ordinal) ? 1 : 0;
                continue;
            }
            var bcPart = bcAnswer is null ? "" : $"; bc = {bcAnswer} (calc as bc: {AsBc(ours)})";
            mismatches.Add(string.Create(CultureInfo.InvariantCulture,
                $"case {c.Index}: calc '{calcText[c.Index]}' = {ours}; python = {python[c.Index]}{bcPart}\n    python: {PythonPrinter.Print(c)}"));
        }
        return new DifferentialRun(count, integerCases.Count, errors, mismatches, samples);
    }

    /// <summary>calc's answer in the oracles' form: <c>p/q</c>, <c>true</c>/<c>false</c> or <c>error:KIND</c>.</summary>
    public static string Evaluate(string program)
    {
        var outcomes = new Session().Run(program);
        if (outcomes.FirstOrDefault(o => o.Kind == OutcomeKind.Error) is { } failed)
        {
            return "error:" + failed.Error!.KindName;
        }
        var value = outcomes[^1].Value;
        if (value is null)
        {
            return "no value";
        }
        if (value.IsBoolean)
        {
            return value.Format();
        }
        return value.TryGetFraction(out var numerator, out var denominator)
            ? numerator.ToString(CultureInfo.InvariantCulture) + "/" + denominator.ToString(CultureInfo.InvariantCulture)
            : "approximate " + value.Format();
    }

    /// <summary>calc's answer as bc prints it: integers bare, booleans 1/0, a division by zero <c>E</c>.</summary>
    private static string AsBc(string answer) => answer switch
    {
        "true" => "1",
        "false" => "0",
        "error:division-by-zero" => "E",
        _ when answer.EndsWith("/1", StringComparison.Ordinal) => answer[..^2],
        _ => answer,
    };
}
