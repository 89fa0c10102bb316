using Calculator.Cli.Input;
using Calculator.Cli.Output;
using Calculator.Evaluator;

namespace Calculator.Cli.Commands;

/// <summary>One run of calc once the options are known: open the sources, run them in order, report.</summary>
internal static class CalcRun
{
    public static int Execute(CalcSettings settings, CalcConsole console, TextWriter stdout, TextWriter stderr)
    {
        var channels = new OutputChannels(stdout, stderr);
        var opened = new List<Stream>();
        try
        {
            var sources = new List<ILineSource>();
            foreach (var path in settings.Files)
            {
                if (path == "-")
                {
                    sources.Add(new StreamLineSource(console.Stdin, "<stdin>", channels.Flush) { StdinIsRegularFile = console.StdinIsRegularFile });
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
                sources.Add(new StreamLineSource(stream, path, channels.Flush));
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
                    : new StreamLineSource(console.Stdin, "<stdin>", channels.Flush) { StdinIsRegularFile = console.StdinIsRegularFile });
            }

            IResultSink sink = settings.Json
                ? new JsonResultSink(channels, settings.Fraction)
                : new PlainResultSink(channels, settings.Fraction, console.ColorErrors);
            var runner = new StatementRunner(session, sink, settings.FailFast) { Signals = console.Signals };
            var status = Run(runner, sources, channels, stderr);
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

    private static int Run(StatementRunner runner, List<ILineSource> sources, OutputChannels channels, TextWriter stderr)
    {
        try
        {
            foreach (var source in sources)
            {
                var completed = source is StreamLineSource stream && ParseAhead.Pays
                    ? ParseAhead.Run(runner, stream, channels.Flush, stream.ReadsNeverWait)
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
