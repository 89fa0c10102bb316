namespace Calculator.Cli;

/// <summary>
/// Everything calc touches outside itself. <c>Program</c> fills it from the real console;
/// tests fill it with memory streams and string writers and run the whole CLI in-process.
/// </summary>
/// <param name="stdin">Raw standard input; read in large chunks, never through a TextReader.</param>
/// <param name="stdout">Results. Buffered by the caller; calc flushes before it waits for input and at the end.</param>
/// <param name="stderr">Errors and usage messages.</param>
internal sealed class CalcConsole(Stream stdin, TextWriter stdout, TextWriter stderr)
{
    public Stream Stdin { get; } = stdin;

    public TextWriter Stdout { get; } = stdout;

    public TextWriter Stderr { get; } = stderr;

    /// <summary>Stdin is a terminal: with nothing else to read, calc shows a prompt.</summary>
    public bool StdinIsTerminal { get; init; }

    /// <summary>Stdin is a regular file (<c>calc &lt; file</c>): reading it never waits for a producer.</summary>
    public bool StdinIsRegularFile { get; init; }

    /// <summary>Stdout is a terminal: the prompt is drawn there, otherwise on stderr.</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>Errors get colour: stderr is a terminal and <c>NO_COLOR</c> is unset.</summary>
    public bool ColorErrors { get; init; }

    /// <summary>Keys for the prompt; the real console unless a test gives its own.</summary>
    public Input.IKeyReader? Keys { get; init; }

    /// <summary>Reads an environment variable (<c>CALC_THREADS</c>); the process's own unless a test gives its own.</summary>
    public Func<string, string?> EnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>SIGINT and SIGTERM; null when a test runs calc in-process.</summary>
    public Signals? Signals { get; init; }

    /// <summary>Opens a <c>-f</c> file for reading.</summary>
    public Func<string, Stream> OpenFile { get; init; } = static path =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
}
