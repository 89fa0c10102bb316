using System.Text;
using Calculator.Cli;

namespace Calculator.Tests.Cli;

/// <summary>What one in-process run of calc produced.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] OutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] ErrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the whole CLI in-process with memory streams for stdin, stdout and stderr.</summary>
internal static class CliHarness
{
    public static CliResult Run(string stdin, params string[] args) => Run(Encoding.UTF8.GetBytes(stdin), args);

    public static CliResult Run(byte[] stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = CalcApp.Run(args, new MemoryStream(stdin), stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static CliResult Args(params string[] args) => Run("", args);

    public static CliResult Run(CalcConsole console, params string[] args)
    {
        var exitCode = CalcApp.Run(args, console);
        return new CliResult(exitCode, console.Stdout.ToString() ?? "", console.Stderr.ToString() ?? "");
    }
}
