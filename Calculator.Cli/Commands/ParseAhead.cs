using System.Runtime.ExceptionServices;
using Calculator.Cli.Input;
using Calculator.Parser;

namespace Calculator.Cli.Commands;

/// <summary>
/// Runs a stream source on two threads that share the parsing. A reader thread splits the input
/// into batches of lines and publishes them into a small ring; the calling thread evaluates,
/// formats and writes the lines strictly in input order (the scope and <c>ans</c> depend on order;
/// the syntax of a line does not). Each batch is parsed in chunks of 8 lines that either thread
/// may claim: the reader parses chunks of the newest batches whenever the ring is full, and the
/// evaluating thread parses the chunk it needs next instead of waiting for it. Parsing costs more
/// than evaluating, so neither core sits idle while the other works. The ring is bounded (4
/// batches of 64 lines), so memory stays flat however long the input.
/// </summary>
/// <remarks>
/// Before every read of the stream, the only place calc may wait for input, the reader hands over
/// the lines it holds and waits until the evaluating thread has answered them and flushed its
/// output, exactly as the one-thread loop flushes before each read: <c>tail -f log | calc</c>
/// answers at once. A regular file never makes calc wait, so there the threads do not meet.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "A reader blocked in a read of stdin may outlive the run and still touch the signals and the token; they are left to the GC.")]
internal sealed class ParseAhead
{
    private const int ChunkSize = 8;
    private const int ChunksPerBatch = 8;
    private const int BatchSize = ChunkSize * ChunksPerBatch;
    private const int Slots = 4;
    private const int ReaderStackSize = 16 * 1024 * 1024;
    private const int WindowBatches = 128;
    private const int BusyWindowsToStop = 3;

    private readonly StreamLineSource _source;
    private readonly Batch[] _ring = [new(), new(), new(), new()];
    private readonly ManualResetEventSlim _publishedSignal = new(false);
    private readonly ManualResetEventSlim _consumedSignal = new(false);
    private readonly SemaphoreSlim _flushed = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _flushBeforeReads;

    // Batches the reader has published (written by the reader only) and batches the evaluating
    // thread has finished with (written by it only). Slot i % Slots holds batch i.
    private long _published;
    private long _consumed;
    private Batch? _filling;

    // Windows in a row that ended on a busy machine, and the evaluating thread's request that the
    // reader stop and leave the rest to it.
    private int _busyWindows;
    private bool _handBackRequested;
    private long _handBackAt = long.MaxValue;
    private bool _handedBack;

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
    public static bool Run(StatementRunner runner, StreamLineSource source, Action flush, bool readsNeverWait) =>
        Run(runner, source, flush, readsNeverWait, long.MaxValue, out _);

    /// <summary>
    /// As <see cref="Run(StatementRunner, StreamLineSource, Action, bool)"/>, and the reader is asked
    /// to hand the source back once batch <paramref name="handBackAt"/> is reached, as on a busy
    /// machine (for tests); <paramref name="handedBack"/> says whether it did.
    /// </summary>
    internal static bool Run(StatementRunner runner, StreamLineSource source, Action flush, bool readsNeverWait,
        long handBackAt, out bool handedBack)
    {
        var pipeline = new ParseAhead(source, flushBeforeReads: !readsNeverWait) { _handBackAt = handBackAt };
        var completed = pipeline.Run(runner, flush);
        handedBack = pipeline._handedBack;
        return completed;
    }

    private bool Run(StatementRunner runner, Action flush)
    {
        var reader = new Thread(ReadAndParse, ReaderStackSize) { IsBackground = true, Name = "calc parser" };
        var beforeRead = _source.BeforeRead;
        _source.BeforeRead = HandOverBeforeRead;
        reader.Start();
        try
        {
            using var probe = BusyMachineProbe.Open();
            for (var next = 0L; ; next++)
            {
                if (next % WindowBatches == WindowBatches - 1)
                {
                    CheckBusy(probe);
                }

                if (next == _handBackAt)
                {
                    Volatile.Write(ref _handBackRequested, true);
                }

                var batch = WaitForBatch(next);
                switch (batch.Kind)
                {
                    case BatchKind.Lines:
                        if (!RunLines(runner, batch))
                        {
                            return false;
                        }

                        break;
                    case BatchKind.Flush:
                        flush();
                        _flushed.Release();
                        break;
                    case BatchKind.End:
                        return true;
                    case BatchKind.HandBack:
                        // The reader has stopped before its next line: go on here, on one thread.
                        _handedBack = true;
                        _source.BeforeRead = beforeRead;
                        return runner.Run(_source);
                    default:
                        batch.Failure!.Throw();
                        return false;
                }

                Volatile.Write(ref _consumed, next + 1);
                _consumedSignal.Set();
            }
        }
        finally
        {
            // Stops a reader that is still parsing or waiting (fail-fast, closed output, a failure).
            // A reader blocked in a read of the stream stays behind as a background thread.
            _stop.Cancel();
        }
    }

    private bool RunLines(StatementRunner runner, Batch batch)
    {
        for (var chunk = 0; chunk < batch.ChunkCount; chunk++)
        {
            EnsureParsed(batch, chunk);
            for (var i = chunk * ChunkSize; i < batch.ChunkEnd(chunk); i++)
            {
                if (!runner.RunParsed(_source.Name, in batch.Lines[i], batch.Statements[i]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Waits until <paramref name="chunk"/> of the current batch is parsed, parsing it here when no
    /// thread has claimed it yet, and later chunks while the reader finishes it.
    /// </summary>
    private void EnsureParsed(Batch batch, int chunk)
    {
        var spin = default(SpinWait);
        while (!batch.IsParsed(chunk))
        {
            if (!batch.TryParse(chunk) && !ParseOldestChunk())
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }

        batch.ChunkFailures[chunk]?.Throw();
    }

    /// <summary>
    /// The evaluating thread's help: parses the first unclaimed chunk from the front of the ring,
    /// which it needs soonest; false when there is none.
    /// </summary>
    private bool ParseOldestChunk()
    {
        var published = Volatile.Read(ref _published);
        for (var b = Volatile.Read(ref _consumed); b < published; b++)
        {
            if (_ring[b % Slots].TryParseAny())
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The reader's share: parses an unclaimed chunk of the newest batch that has one, far from
    /// where the evaluating thread is parsing and reading, so that the two rarely wait for each
    /// other; false when there is none.
    /// </summary>
    private bool ParseNewestChunk()
    {
        var consumed = Volatile.Read(ref _consumed);
        for (var b = _published - 1; b >= consumed; b--)
        {
            if (_ring[b % Slots].TryParseAny())
            {
                return true;
            }
        }

        return false;
    }

    private Batch WaitForBatch(long index)
    {
        while (Volatile.Read(ref _published) <= index)
        {
            _publishedSignal.Reset();
            if (Volatile.Read(ref _published) > index)
            {
                break;
            }

            _publishedSignal.Wait();
        }

        return _ring[index % Slots];
    }

    /// <summary>
    /// Ends a window of <see cref="WindowBatches"/> batches (a few milliseconds): when three windows
    /// in a row end with other processes runnable on every core, the two threads cannot run side by
    /// side, every hand-off between them waits for a time slice, and calc ran 2-5 times slower than
    /// on one thread; so the reader is asked to stop and the rest runs on this thread alone. calc's
    /// own threads sharing a core for a while (before the scheduler spreads them) do not count.
    /// </summary>
    private void CheckBusy(BusyMachineProbe probe)
    {
        _busyWindows = probe.IsBusy() ? _busyWindows + 1 : 0;
        if (_busyWindows == BusyWindowsToStop)
        {
            Volatile.Write(ref _handBackRequested, true);
        }
    }

    private void ReadAndParse()
    {
        try
        {
            while (!Volatile.Read(ref _handBackRequested) && _source.TryReadLine(out var line))
            {
                _stop.Token.ThrowIfCancellationRequested();
                _filling ??= AcquireSlot(BatchKind.Lines);
                _filling.Add(line);
                if (_filling.Count == BatchSize)
                {
                    HandOver();
                }
            }

            HandOver();
            if (Volatile.Read(ref _handBackRequested))
            {
                // Not a line more: from here the evaluating thread reads the source itself.
                Publish(AcquireSlot(BatchKind.HandBack));
                return;
            }

            Publish(AcquireSlot(BatchKind.End));

            // Help with what is left.
            while (!_stop.IsCancellationRequested && ParseNewestChunk())
            {
            }
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
                var failed = AcquireSlot(BatchKind.Failure);
                failed.Failure = ExceptionDispatchInfo.Capture(ex);
                Publish(failed);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>
    /// The slot for the next batch, once the evaluating thread has freed it; while the ring is
    /// full, the reader parses chunks of the batches in it.
    /// </summary>
    private Batch AcquireSlot(BatchKind kind)
    {
        while (_published - Volatile.Read(ref _consumed) >= Slots)
        {
            _stop.Token.ThrowIfCancellationRequested();
            if (ParseNewestChunk())
            {
                continue;
            }

            _consumedSignal.Reset();
            if (_published - Volatile.Read(ref _consumed) < Slots)
            {
                break;
            }

            _consumedSignal.Wait(_stop.Token);
        }

        var slot = _ring[_published % Slots];
        slot.Reset(kind);
        return slot;
    }

    private void Publish(Batch batch)
    {
        batch.Seal();
        Volatile.Write(ref _published, _published + 1);
        _publishedSignal.Set();
    }

    private void HandOverBeforeRead()
    {
        if (!_flushBeforeReads)
        {
            return;
        }

        HandOver();
        Publish(AcquireSlot(BatchKind.Flush));
        _flushed.Wait(_stop.Token);
    }

    private void HandOver()
    {
        if (_filling is null)
        {
            return;
        }

        Publish(_filling);
        _filling = null;
    }

    private enum BatchKind
    {
        Lines,
        Flush,
        End,
        HandBack,
        Failure,
    }

    /// <summary>
    /// Up to <see cref="BatchSize"/> lines with their statements, parsed in chunks of
    /// <see cref="ChunkSize"/> lines that either thread may claim; or a marker.
    /// </summary>
    private sealed class Batch
    {
        private const int Free = 0;
        private const int Claimed = 1;
        private const int Parsed = 2;

        private readonly int[] _chunkStates = new int[ChunksPerBatch];
        private int _claimed;

        public BatchKind Kind { get; private set; }

        public SourceLine[] Lines { get; } = new SourceLine[BatchSize];

        public IReadOnlyList<ParsedStatement>?[] Statements { get; } = new IReadOnlyList<ParsedStatement>?[BatchSize];

        public ExceptionDispatchInfo?[] ChunkFailures { get; } = new ExceptionDispatchInfo?[ChunksPerBatch];

        public int Count { get; private set; }

        /// <summary>Set once the batch is published; chunks past it do not exist.</summary>
        public int ChunkCount { get; private set; }

        public ExceptionDispatchInfo? Failure { get; set; }

        public void Reset(BatchKind kind)
        {
            Array.Clear(Lines, 0, Count);
            Array.Clear(Statements, 0, Count);
            Array.Clear(_chunkStates);
            Array.Clear(ChunkFailures);
            Kind = kind;
            Count = 0;
            ChunkCount = 0;
            _claimed = 0;
            Failure = null;
        }

        public void Add(in SourceLine line)
        {
            Lines[Count] = line;
            Count++;
        }

        public void Seal() => ChunkCount = Kind == BatchKind.Lines ? (Count + ChunkSize - 1) / ChunkSize : 0;

        /// <summary>The index after the last line of <paramref name="chunk"/>.</summary>
        public int ChunkEnd(int chunk) => Math.Min(Count, (chunk + 1) * ChunkSize);

        public bool IsParsed(int chunk) => Volatile.Read(ref _chunkStates[chunk]) == Parsed;

        /// <summary>Claims and parses the first unclaimed chunk; false when every chunk is claimed.</summary>
        public bool TryParseAny()
        {
            if (Volatile.Read(ref _claimed) >= ChunkCount)
            {
                return false;
            }

            for (var chunk = 0; chunk < ChunkCount; chunk++)
            {
                if (TryParse(chunk))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Claims <paramref name="chunk"/> and parses it; false when a thread has claimed it already.</summary>
        public bool TryParse(int chunk)
        {
            if (Volatile.Read(ref _chunkStates[chunk]) != Free
                || Interlocked.CompareExchange(ref _chunkStates[chunk], Claimed, Free) != Free)
            {
                return false;
            }

            Interlocked.Increment(ref _claimed);
            try
            {
                for (var i = chunk * ChunkSize; i < ChunkEnd(chunk); i++)
                {
                    Statements[i] = Lines[i].Error is null ? CalcParser.ParseProgram(Lines[i].Text) : null;
                }
            }
#pragma warning disable CA1031 // Parsing never throws; should it, the evaluating thread reports it in input order.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ChunkFailures[chunk] = ExceptionDispatchInfo.Capture(ex);
            }

            Volatile.Write(ref _chunkStates[chunk], Parsed);
            return true;
        }
    }
}
