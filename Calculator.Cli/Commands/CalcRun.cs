using Calculator.Cli.Commands.Pipeline;
using Calculator.Cli.Input;
using Calculator.Cli.Output;
using Calculator.Evaluator;

namespace Calculator.Cli.Commands;

/// <summary>One run of calc once the options are known: open the sources, run them in order, report.</summary>
internal static class CalcRun
{
    public static int Execute(CalcSettings settings, CalcConsole console, TextWriter stdout, TextWriter stderr)
    {
        if (!TryGetThreads(settings, console, out var threads, out var error))
        {
            return CalcCommand.ReportUsage(stderr, [error]);
        }

        var channels = new OutputChannels(stdout, stderr);

        // With one thread the source flushes the output before each read, as the loop's own
        // step; with more, the pipeline decides when, on the thread that writes.
        Action? flushBeforeRead = threads == 1 ? channels.Flush : null;
        var opened = new List<Stream>();
        try
        {
            var sources = new List<ILineSource>();
            foreach (var path in settings.Files)
            {
                if (path == "-")
                {
                    sources.Add(new StreamLineSource(console.Stdin, "<stdin>", flushBeforeRead) { StdinIsRegularFile = console.StdinIsRegularFile });
                    continue;
                }

                Stream stream;
                try
                {
                    stream = console.OpenFile(path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    stderr.Write($"calc: cannot read '{path}': {Describe(ex, path)}\n");
                    stderr.Flush();
                    return CalcCommand.UsageError;
                }

                opened.Add(stream);
                sources.Add(new StreamLineSource(stream, path, flushBeforeRead));
            }

            if (settings.Expression.Count > 0)
            {
                sources.Add(new TextLineSource(string.Join(' ', settings.Expression), "<args>"));
            }

            var session = new Session(new SessionOptions { Precision = settings.Precision });
            if (settings.Interactive || sources.Count == 0)
            {
                sources.Add(console.StdinIsTerminal
                    ? InteractiveSource.Open(console, session, console.StdoutIsTerminal ? stdout : stderr, channels.Flush)
                    : new StreamLineSource(console.Stdin, "<stdin>", flushBeforeRead) { StdinIsRegularFile = console.StdinIsRegularFile });
            }

            IResultSink sink = settings.Json
                ? new JsonResultSink(channels, new ResultFormat(settings.Fraction, settings.Radix))
                : new PlainResultSink(channels, new ResultFormat(settings.Fraction, settings.Radix), console.ColorErrors);
            var runner = new StatementRunner(session, sink, settings.FailFast) { Signals = console.Signals };
            var status = Run(runner, sources, threads, channels, stderr);
            return console.Signals is { EndStatus: not 0 and var signalled } ? signalled
                : sources[^1] is InteractiveSource { Left: true } && status == 1 ? 0 // errors at the prompt were answered there
                : status;
        }
        finally
        {
            foreach (var stream in opened)
            {
                stream.Dispose();
            }
        }
    }

    /// <summary>
    /// The thread count: <c>--threads</c>, else <c>CALC_THREADS</c> when set, else the default;
    /// false with a usage error when <c>CALC_THREADS</c> is no valid count.
    /// </summary>
    private static bool TryGetThreads(CalcSettings settings, CalcConsole console, out int threads, out string error)
    {
        error = "";
        threads = settings.Threads ?? ThreadCount.Default;
        if (settings.Threads is not null || console.EnvironmentVariable(ThreadCount.Variable) is not { Length: > 0 } text)
        {
            return true;
        }

        if (ThreadCount.TryParse(text, out threads))
        {
            return true;
        }

        error = ThreadCount.Invalid(ThreadCount.Variable, text);
        return false;
    }

    private static int Run(StatementRunner runner, List<ILineSource> sources, int threads, OutputChannels channels, TextWriter stderr)
    {
        try
        {
            foreach (var source in sources)
            {
                var completed = source is StreamLineSource stream && threads > 1
                    ? LinePipeline.Run(runner, stream, workers: threads - 1, channels.Flush)
                    : runner.Run(source);
                if (!completed)
                {
                    break;
                }
            }

            channels.Flush();
        }
        catch (OutputClosedException)
        {
            // The reader of stdout has gone (calc < big | head -1): stop quietly.
            stderr.Flush();
        }
        catch (InputReadException ex)
        {
            channels.Flush();
            stderr.Write($"calc: {ex.Message}\n");
            stderr.Flush();
            return CalcCommand.UsageError;
        }

        return runner.AnyFailed ? 1 : 0;
    }

    private static string Describe(Exception ex, string path) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException when Directory.Exists(path) => "is a directory",
        UnauthorizedAccessException => "permission denied",
        _ => ex.Message,
    };
}
