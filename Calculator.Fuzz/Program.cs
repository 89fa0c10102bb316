using System.Diagnostics;
using System.Globalization;
using Calculator.Fuzz;
using SharpFuzz;

// Under afl-fuzz (SharpFuzz's out-of-process fork server): one input per execution, read from stdin.
// `Calculator.Fuzz --replay FILE...` runs saved inputs and prints, for each,
// `TOTAL_MS<tab>SLOWEST_STATEMENT_MS<tab>FILE<tab>VERDICT<tab>SLOWEST_STATEMENT` (the statement as a
// C# string literal, cut at 200 characters); with `--budget SECONDS` first, files
// after the budget is spent are listed as `-<tab>-<tab>FILE<tab>SKIPPED`. Replay needs an uninstrumented
// build: instrumented code writes to afl's shared memory, which only exists under afl-fuzz.
// Replayed statements have a time limit of ReplayStatementLimit rather than SPEC §8's 60 s: what
// replay looks for is a statement that outlasts its limit (a loop the budget does not stop), and
// a statement that stops at a short limit shows that as well as one that stops at 60 s, in a
// twelfth of the time. A statement that merely takes long (nextprime of a 1000-digit number
// can take 15 s) is within the SPEC and ends there with its limit error.
if (args is ["--replay", "--budget", var budget, .. var budgeted])
{
    return Replay(budgeted, TimeSpan.FromSeconds(double.Parse(budget, CultureInfo.InvariantCulture)));
}

if (args is ["--replay", .. var files])
{
    return Replay(files, TimeSpan.MaxValue);
}

FuzzTarget.OnCliStack(() =>
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        FuzzTarget.Run(memory.GetBuffer().AsSpan(0, (int)memory.Length));
    }));
return 0;

static int Replay(string[] files, TimeSpan budget)
{
    var failed = 0;
    var spent = Stopwatch.StartNew();
    FuzzTarget.OnCliStack(() =>
    {
        // Compiles the engine first, so that the first file is not charged for the JIT.
        FuzzTarget.Run("1+2*3\nx = sqrt(2); x^2 == 2\nf(n) = n < 2 ? 1 : n*f(n-1); f(30)\n1/3; 7 % -3; gcd(12, 18); 5!\n1+*2\n"u8);
        foreach (var file in files)
        {
            if (spent.Elapsed > budget)
            {
                Console.WriteLine($"-\t-\t{file}\tSKIPPED");
                continue;
            }

            var bytes = File.ReadAllBytes(file);
            var clock = Stopwatch.StartNew();
            string verdict;
            var slowest = TimeSpan.Zero;
            var slowestText = "";
            try
            {
                verdict = FuzzTarget.Run(bytes, out slowest, out slowestText, ReplayStatementLimit).ToString(CultureInfo.InvariantCulture) + " statements";
            }
#pragma warning disable CA1031 // Reported, counted and turned into the exit status.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failed++;
                verdict = "EXCEPTION " + e;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{clock.ElapsedMilliseconds}\t{(long)slowest.TotalMilliseconds}\t{file}\t{verdict}\t{Quoted(slowestText)}"));
        }
    });
    return failed == 0 ? 0 : 1;
}

// One line whatever the statement holds, so that a log cut to its last lines still shows it.
static string Quoted(string text) =>
    "\"" + string.Concat(text.Take(200).Select(c => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
        _ => c.ToString(),
    })) + (text.Length > 200 ? "\"…" : "\"");

internal static partial class Program
{
    /// <summary>The statement time limit during replay (.ci/fuzz.sh's hang threshold is this plus a margin).</summary>
    private static readonly TimeSpan ReplayStatementLimit = TimeSpan.FromSeconds(5);
}
