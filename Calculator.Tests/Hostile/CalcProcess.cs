using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Calculator.Tests.Cli;
using Xunit;

namespace Calculator.Tests.Hostile;

/// <summary>What one run of the real <c>calc</c> executable did.</summary>
internal sealed record ProcessOutcome(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, bool TimedOut)
{
    public string[] OutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] ErrorLines => Stderr.Split('\n').Where(l => l.Contains(": error: ", StringComparison.Ordinal)).ToArray();

    public override string ToString() =>
        $"exit {ExitCode} after {Elapsed.TotalSeconds:F1} s{(TimedOut ? " (killed: hung)" : "")}\nstdout: {Cut(Stdout)}\nstderr: {Cut(Stderr)}";

    private static string Cut(string text) => text.Length <= 600 ? text : text[..600] + "…";
}

/// <summary>
/// Runs the built apphost with bytes on stdin, reading stdout and stderr concurrently, and kills
/// it when it outlives <see cref="Bound"/>: a hang detector with room for slow CI machines.
/// </summary>
internal static partial class CalcProcess
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    public static ProcessOutcome Run(string stdin, params string[] args) => Run(Encoding.UTF8.GetBytes(stdin), args);

    public static ProcessOutcome Run(byte[] stdin, params string[] args)
    {
        var start = new ProcessStartInfo(CalcExecutable.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["NO_COLOR"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start calc");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var feeding = Task.Run(() =>
        {
            try
            {
                process.StandardInput.BaseStream.Write(stdin);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // calc stopped reading (it exited): what it did is judged by its output.
            }
        });

        var timedOut = !process.WaitForExit(Bound);
        if (timedOut)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        clock.Stop();
        feeding.Wait(TimeSpan.FromSeconds(5));
        return new ProcessOutcome(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed, timedOut);
    }

    /// <summary>No hang, no stack trace, no internal error, an exit status of SPEC §7.</summary>
    public static void AssertSurvived(ProcessOutcome outcome)
    {
        Assert.False(outcome.TimedOut, "calc hung: " + outcome);
        Assert.True(outcome.Elapsed < Bound, "calc took too long: " + outcome);
        Assert.DoesNotContain("Unhandled exception", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(StackFrame().IsMatch(outcome.Stderr), "stack trace on stderr: " + outcome);
        Assert.False(StackFrame().IsMatch(outcome.Stdout), "stack trace on stdout: " + outcome);
        Assert.Contains(outcome.ExitCode, new[] { 0, 1, 2 });
    }

    /// <summary>Survived, failed with status 1, and the first error is <c>SOURCE:LINE:COL: error: …</c> containing <paramref name="message"/>.</summary>
    public static void AssertPositionedError(ProcessOutcome outcome, string source, int line, string message)
    {
        AssertSurvived(outcome);
        Assert.True(outcome.ExitCode == 1, "exit status should be 1: " + outcome);
        var first = outcome.ErrorLines.FirstOrDefault() ?? "";
        var pattern = new Regex("^" + Regex.Escape(source) + ":" + line + @":[1-9][0-9]*: error: ", RegexOptions.CultureInvariant);
        Assert.True(pattern.IsMatch(first), $"expected '{source}:{line}:COL: error: …', got: {outcome}");
        Assert.Contains(message, first, StringComparison.Ordinal);
    }

    // A .NET frame: "   at Namespace.Type.Method(Args) in file:line".
    [GeneratedRegex(@"(^|\n)\s+at [\w.`<>+|\[\],]+\(", RegexOptions.CultureInvariant)]
    private static partial Regex StackFrame();
}
