using System.Runtime.ExceptionServices;
using Calculator.Cli.Input;
using Calculator.Parser;

namespace Calculator.Cli.Commands.Pipeline;

/// <summary>
/// Consecutive lines of one source with their parsed statements: the unit the reader hands to
/// a parse worker and the printer takes in input order. Batches are reused, never shared: the
/// reader fills one, one worker parses it, then the printer runs it and returns it.
/// </summary>
internal sealed class LineBatch
{
    /// <summary>Lines per batch: enough that the hand-offs cost little next to parsing them.</summary>
    public const int MaxLines = 128;

    /// <summary>Characters per batch, so that long lines do not make a batch hold megabytes.</summary>
    public const int MaxChars = 64 * 1024;

    private readonly SourceLine[] _lines = new SourceLine[MaxLines];
    private readonly IReadOnlyList<ParsedStatement>?[] _statements = new IReadOnlyList<ParsedStatement>?[MaxLines];
    private int _chars;

    /// <summary>
    /// Set by the worker once every line is parsed (or parsing failed); the printer waits for it,
    /// without spinning first (see <see cref="LinePipeline"/>).
    /// </summary>
    public ManualResetEventSlim Parsed { get; } = new(false, spinCount: 0);

    public int Count { get; private set; }

    public bool IsFull => Count == MaxLines || _chars >= MaxChars;

    /// <summary>After this batch the printer flushes its output and tells the reader, which is about to wait for input.</summary>
    public bool FlushAfter { get; set; }

    /// <summary>Why the lines from <see cref="FailedAt"/> on cannot run: a read or parse failure, rethrown in input order.</summary>
    public ExceptionDispatchInfo? Failure { get; private set; }

    /// <summary>The first line that did not parse because of <see cref="Failure"/>; <see cref="Count"/> when none.</summary>
    public int FailedAt { get; private set; }

    public SourceLine Line(int index) => _lines[index];

    public IReadOnlyList<ParsedStatement>? Statements(int index) => _statements[index];

    /// <summary>Empties the batch for the reader to fill again.</summary>
    public void Reset()
    {
        Array.Clear(_lines, 0, Count);
        Array.Clear(_statements, 0, Count);
        Count = 0;
        _chars = 0;
        FlushAfter = false;
        Failure = null;
        FailedAt = 0;
        Parsed.Reset();
    }

    public void Add(in SourceLine line)
    {
        _lines[Count] = line;
        _chars += line.Text.Length;
        Count++;
        FailedAt = Count;
    }

    /// <summary>Marks the end of the input's good part: the source failed to read after these lines.</summary>
    public void Fail(Exception failure) => Failure = ExceptionDispatchInfo.Capture(failure);

    /// <summary>Parses every line; a spoilt line (bad UTF-8, too long) keeps no statements.</summary>
    public void Parse()
    {
        var i = 0;
        try
        {
            for (; i < Count; i++)
            {
                _statements[i] = _lines[i].Error is null ? CalcParser.ParseProgram(_lines[i].Text) : null;
            }
        }
#pragma warning disable CA1031 // Parsing never throws; should it, the printer reports it at this line, in input order.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Failure = ExceptionDispatchInfo.Capture(ex);
            FailedAt = i;
        }
    }
}
