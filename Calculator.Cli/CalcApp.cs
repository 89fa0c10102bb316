using Calculator.Cli.Commands;
using Calculator.Cli.Output;

namespace Calculator.Cli;

/// <summary>
/// The whole CLI behind <c>Main</c>, with the console injected so tests can run it in-process.
/// </summary>
internal static class CalcApp
{
    /// <summary>Exit status when calc itself failed (sysexits' EX_SOFTWARE).</summary>
    public const int InternalError = 70;

    // User functions recurse 10 000 deep and expressions nest 1000 deep; a big stack is only
    // reserved address space until the engine touches it.
    private const int StackSize = 1024 * 1024 * 1024;

    /// <summary>Runs calc with the given streams and returns the exit status.</summary>
    public static int Run(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr, bool stdinIsTerminal = false) =>
        Run(args, new CalcConsole(stdin, stdout, stderr) { StdinIsTerminal = stdinIsTerminal });

    /// <summary>
    /// Runs calc on one dedicated thread with a large stack. Never throws: an unexpected
    /// exception becomes <c>calc: internal error: …</c> on stderr and exit status 70.
    /// </summary>
    public static int Run(string[] args, CalcConsole console)
    {
        var exitCode = InternalError;
        Exception? failure = null;
        var worker = new Thread(
            () =>
            {
                try
                {
                    exitCode = CalcCommand.Invoke(
                        args, console, new GuardedWriter(console.Stdout, ignoreFailures: false), new GuardedWriter(console.Stderr, ignoreFailures: true));
                }
#pragma warning disable CA1031 // The one place every exception must be caught: none may reach the user raw.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failure = ex;
                }
            },
            StackSize)
        {
            Name = "calc",
        };
        worker.Start();
        worker.Join();
        if (failure is not null)
        {
            ReportInternalError(console, failure);
        }

        return exitCode;
    }

    /// <summary>Says that calc failed, in one line, without a stack trace.</summary>
    public static void ReportInternalError(CalcConsole console, Exception failure)
    {
#pragma warning disable CA1031 // Reporting the failure must not fail in turn.
        try
        {
            console.Stdout.Flush();
        }
        catch (Exception)
        {
        }

        try
        {
            console.Stderr.Write($"calc: internal error: {failure.Message}\n");
            console.Stderr.Flush();
        }
        catch (Exception)
        {
        }
#pragma warning restore CA1031
    }
}
