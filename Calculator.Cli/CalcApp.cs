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

    /// <summary>Exit status when results could not be written: disk full, stdout closed (sysexits' EX_IOERR).</summary>
    public const int OutputError = 74;


    // Characters of an argument program run on the caller's thread: at most this deep nesting.
    private const int MaxInlineProgram = 200;

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
        var stdout = new GuardedWriter(console.Stdout, isStderr: false);
        var stderr = new GuardedWriter(console.Stderr, isStderr: true);
        void Body()
        {
            try
            {
                exitCode = CalcCommand.Invoke(args, console, stdout, stderr);
            }
#pragma warning disable CA1031 // The one place every exception must be caught: none may reach the user raw.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex;
            }
        }

        if (FitsOnCallerStack(args))
        {
            Body();
        }
        else
        {
            Calculator.Parser.LargeStack.Run(Body);
        }

        if (failure is not null)
        {
            ReportInternalError(console, failure);
        }
        else if (stdout.Failure is { } lost && !stdout.ReaderWentAway)
        {
            // Results were lost: never a quiet success. (A reader that went away wanted no more.)
            ReportOutputError(stderr, lost);
            exitCode = OutputError;
        }

        return exitCode;
    }

    private static void ReportOutputError(TextWriter stderr, Exception lost)
    {
        var reason = lost is UnauthorizedAccessException ? "permission denied" : lost.Message;
        try
        {
            stderr.Write($"calc: cannot write results: {reason}\n");
            stderr.Flush();
        }
        catch (OutputClosedException)
        {
            // Stderr has gone too: the exit status is all that is left to tell.
        }
    }

    /// <summary>
    /// A short program in the arguments without '=' defines no function, so nothing in it can
    /// recurse deeper than its own nesting, which its length bounds: any thread's stack holds it,
    /// and starting the big-stack thread would cost a fifth of the start-up of <c>calc 1+2</c>.
    /// </summary>
    private static bool FitsOnCallerStack(string[] args)
    {
        var length = 0;
        foreach (var arg in args)
        {
            if (arg.StartsWith('-') || arg.Contains('=', StringComparison.Ordinal))
            {
                return false;
            }

            length += arg.Length + 1;
        }

        return args.Length > 0 && length <= MaxInlineProgram;
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
