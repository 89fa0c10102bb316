using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Calculator.Cli.Input;
using Calculator.Parser;

namespace Calculator.Cli.Commands;

/// <summary>
/// Runs a stream source on two threads: a reader thread splits and parses lines in batches while
/// the calling thread evaluates, formats and writes them strictly in input order (the scope and
/// <c>ans</c> depend on order; the syntax of a line does not). The queue between them is bounded,
/// so memory stays flat however long the input.
/// </summary>
/// <remarks>
/// Before every read of the stream, the only place calc may wait for input, the reader hands over
/// the lines it holds and waits until the evaluating thread has answered them and flushed its
/// output, exactly as the one-thread loop flushes before each read: <c>tail -f log | calc</c>
/// answers at once. A regular file never makes calc wait, so there the threads do not meet.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "A reader blocked in a read of stdin may outlive the run and still touch the queue and the token; they are left to the GC.")]
internal sealed class ParseAhead
{
    private const int BatchSize = 128;
    private const int QueueCapacity = 2;
    private const int ReaderStackSize = 16 * 1024 * 1024;

    private readonly StreamLineSource _source;
    private readonly BlockingCollection<Batch> _ready = new(new ConcurrentQueue<Batch>(), QueueCapacity);
    private readonly ConcurrentQueue<Batch> _free = new();
    private readonly SemaphoreSlim _flushed = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _flushBeforeReads;
    private Batch _filling = new();

    private ParseAhead(StreamLineSource source, bool flushBeforeReads)
    {
        _source = source;
        _flushBeforeReads = flushBeforeReads;
    }

    /// <summary>Whether parsing ahead can pay: a second core to run it.</summary>
    public static bool Pays => Environment.ProcessorCount > 1;

    /// <summary>
    /// Runs every line of <paramref name="source"/>; false when <c>--fail-fast</c> stopped at an
    /// error. <paramref name="flush"/> is the output flush that must precede every read that may
    /// wait; <paramref name="readsNeverWait"/> says that none may (a regular file), so the threads
    /// need not meet before each read.
    /// </summary>
    public static bool Run(StatementRunner runner, StreamLineSource source, Action flush, bool readsNeverWait)
    {
        var pipeline = new ParseAhead(source, flushBeforeReads: !readsNeverWait);
        return pipeline.Run(runner, flush);
    }

    private bool Run(StatementRunner runner, Action flush)
    {
        var reader = new Thread(ReadAndParse, ReaderStackSize) { IsBackground = true, Name = "calc parser" };
        _source.BeforeRead = HandOverBeforeRead;
        reader.Start();
        try
        {
            while (true)
            {
                var batch = _ready.Take();
                switch (batch.Kind)
                {
                    case BatchKind.Lines:
                        for (var i = 0; i < batch.Count; i++)
                        {
                            if (!runner.RunParsed(_source.Name, in batch.Lines[i], batch.Statements[i]))
                            {
                                return false;
                            }
                        }

                        Recycle(batch);
                        break;
                    case BatchKind.Flush:
                        flush();
                        _flushed.Release();
                        break;
                    case BatchKind.End:
                        return true;
                    default:
                        batch.Failure!.Throw();
                        return false;
                }
            }
        }
        finally
        {
            // Stops a reader that is still parsing or waiting (fail-fast, closed output, a failure).
            // A reader blocked in a read of the stream stays behind as a background thread.
            _stop.Cancel();
        }
    }

    private void ReadAndParse()
    {
        try
        {
            while (_source.TryReadLine(out var line))
            {
                _stop.Token.ThrowIfCancellationRequested();
                _filling.Add(line, line.Error is null ? CalcParser.ParseProgram(line.Text) : null);
                if (_filling.Count == BatchSize)
                {
                    HandOver();
                }
            }

            HandOver();
            _ready.Add(Batch.Marker(BatchKind.End), _stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Every failure goes to the evaluating thread, which reports it in input order.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            try
            {
                HandOver();
                _ready.Add(Batch.Failed(ExceptionDispatchInfo.Capture(ex)), _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private void HandOverBeforeRead()
    {
        if (!_flushBeforeReads)
        {
            return;
        }

        HandOver();
        _ready.Add(Batch.Marker(BatchKind.Flush), _stop.Token);
        _flushed.Wait(_stop.Token);
    }

    private void HandOver()
    {
        if (_filling.Count == 0)
        {
            return;
        }

        _ready.Add(_filling, _stop.Token);
        _filling = _free.TryDequeue(out var batch) ? batch : new Batch();
    }

    private void Recycle(Batch batch)
    {
        batch.Clear();
        _free.Enqueue(batch);
    }

    private enum BatchKind
    {
        Lines,
        Flush,
        End,
        Failure,
    }

    /// <summary>Up to <see cref="BatchSize"/> lines with their statements, or a marker.</summary>
    private sealed class Batch
    {
        public BatchKind Kind { get; private init; }

        public SourceLine[] Lines { get; } = new SourceLine[BatchSize];

        public IReadOnlyList<ParsedStatement>?[] Statements { get; } = new IReadOnlyList<ParsedStatement>?[BatchSize];

        public int Count { get; private set; }

        public ExceptionDispatchInfo? Failure { get; private init; }

        public static Batch Marker(BatchKind kind) => new(0) { Kind = kind };

        public static Batch Failed(ExceptionDispatchInfo failure) => new(0) { Kind = BatchKind.Failure, Failure = failure };

        public Batch()
            : this(BatchSize)
        {
        }

        private Batch(int size)
        {
            Lines = new SourceLine[size];
            Statements = new IReadOnlyList<ParsedStatement>?[size];
        }

        public void Add(in SourceLine line, IReadOnlyList<ParsedStatement>? statements)
        {
            Lines[Count] = line;
            Statements[Count] = statements;
            Count++;
        }

        public void Clear()
        {
            Array.Clear(Lines, 0, Count);
            Array.Clear(Statements, 0, Count);
            Count = 0;
        }
    }
}
