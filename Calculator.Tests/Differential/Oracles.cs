using System.Diagnostics;
using System.Text;

namespace Calculator.Tests.Differential;

/// <summary>Runs python3 and bc once each over a whole batch of cases and returns one answer per case.</summary>
public static class Oracles
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>One line per case: <c>p/q</c>, <c>true</c>/<c>false</c> or <c>error:KIND</c>.</summary>
    public static string[] Python(IReadOnlyList<string> lines) => Run("python3", PythonPrinter.Prelude, lines);

    /// <summary>Runs a Python <paramref name="script"/> that answers each line of stdin with one line.</summary>
    public static string[] Run(string tool, string script, IReadOnlyList<string> lines)
    {
        var path = Path.Combine(Path.GetTempPath(), "calc-diff-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N") + ".py");
        File.WriteAllText(path, script);
        try
        {
            return Run(tool, [path], string.Join('\n', lines) + "\n", lines.Count, new Dictionary<string, string>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>One line per case: an integer (1/0 for comparisons) or <c>E</c> for a division by zero.</summary>
    public static string[] Bc(IReadOnlyList<string> programs) =>
        Run("bc", ["-q"], BcPrinter.Prelude + string.Concat(programs) + "quit\n", programs.Count,
            new Dictionary<string, string> { ["BC_LINE_LENGTH"] = "0" });

    private static string[] Run(string tool, string[] arguments, string input, int expectedLines, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + tool);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(tool + " did not finish in " + Timeout);
        }
        var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != expectedLines)
        {
            throw new InvalidOperationException(
                $"{tool} printed {lines.Length} lines for {expectedLines} cases (exit {process.ExitCode}): {Truncate(stderr.Result)}");
        }
        return lines;
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
