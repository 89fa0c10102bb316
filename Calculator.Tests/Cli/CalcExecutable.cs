using System.Diagnostics;
using Xunit;

namespace Calculator.Tests.Cli;

/// <summary>The built <c>calc</c> apphost, for tests that need a real process.</summary>
internal static class CalcExecutable
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Path => Found.Value;

    private static string Find()
    {
        // The Exe project reference copies the apphost next to the test assembly.
        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, "calc");
        if (File.Exists(beside))
        {
            return beside;
        }

        // Otherwise look in Calculator.Cli/bin of the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "Calculator.Cli", "bin", configuration, "net10.0", "calc");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"calc apphost not found beside {AppContext.BaseDirectory} or in Calculator.Cli/bin; build Calculator.Cli first");
    }

    /// <summary>Runs calc with the arguments and stdin text; waits at most 60 s.</summary>
    public static CliResult Run(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo(Path)
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
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(60_000), "calc did not exit within 60 s");
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a bash script with <c>$CALC</c> set to the apphost; returns its output.</summary>
    public static CliResult Bash(string script)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["CALC"] = Path;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "script did not finish within 120 s");
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
