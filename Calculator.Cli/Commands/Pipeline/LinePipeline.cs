using System.Diagnostics;
using System.Threading.Channels;
using Calculator.Cli.Input;

namespace Calculator.Cli.Commands.Pipeline;

/// <summary>
/// Runs a stream source on several threads. The syntax of a line does not depend on the lines
/// before it, but its value does (the scope, <c>ans</c>), so parsing runs in parallel and
/// evaluation in input order:
/// <code>
///   reader ──work──▶ parse workers ──(batch.Parsed)──┐
///      └──────────────────order──────────────────────▶ printer: evaluate, format, write
///      ▲                                                   │
///      └─────────────────────free◀─────────────────────────┘
/// </code>
/// The reader (its own thread) cuts the input into <see cref="LineBatch"/>es and sends each one
/// to the workers and, in the same order, to the printer (the calling thread), which waits until
/// each batch is parsed, runs its lines and returns the batch to the reader. A fixed set of
/// batches circulates, so memory is bounded however long the input, and the reader waits when
/// the workers or the printer fall behind.
/// </summary>
/// <remarks>
/// <para>Flushing: before a read that may wait for a producer (a pipe or a terminal, never a
/// regular file), when it has handed over lines since the last flush, the reader hands over its
/// partial batch marked <see cref="LineBatch.FlushAfter"/> and waits until the printer has
/// answered it and flushed. So, as in the one-thread loop, every answer has left calc before
/// calc waits for input: <c>tail -f log | calc</c> answers at once.</para>
/// <para>The reader and the workers are dedicated threads, not thread-pool tasks: the parser
/// recurses once per nesting level and wants a roomier stack than the pool's, and the printer
/// must stay on the calling thread, which has the evaluator's big stack. So the channels are
/// used synchronously (<see cref="Take{T}"/>); nothing spins and nothing polls.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "A reader blocked in a read of a pipe may outlive the run and still touch the event and the token; they are left to the GC.")]
internal sealed class LinePipeline
{
    private const int ThreadStackSize = 16 * 1024 * 1024;

    private readonly StreamLineSource _source;
    private readonly Channel<LineBatch> _free;
    private readonly Channel<LineBatch> _work;
    private readonly Channel<LineBatch> _order;
    private readonly ManualResetEventSlim _flushed = new(false, spinCount: 0);
    private readonly CancellationTokenSource _stop = new();

    private LinePipeline(StreamLineSource source, int batches)
    {
        _source = source;

        // Only `batches` batches exist, so no channel ever holds more and no write waits; the
        // reader waits for a free batch instead.
        var options = new BoundedChannelOptions(batches)
        {
            // The thread that makes a batch available wakes the waiting thread itself, rather
            // than through the thread pool.
            AllowSynchronousContinuations = true,
        };
        _free = Channel.CreateBounded<LineBatch>(options);
        _work = Channel.CreateBounded<LineBatch>(options);
        _order = Channel.CreateBounded<LineBatch>(options);
        for (var i = 0; i < batches; i++)
        {
            _free.Writer.TryWrite(new LineBatch());
        }
    }

    /// <summary>
    /// Runs every line of <paramref name="source"/> with <paramref name="workers"/> parse workers
    /// (at least 1); false when <c>--fail-fast</c> stopped at an error. <paramref name="flush"/>
    /// flushes the output; the source itself must not flush (it is read on another thread).
    /// </summary>
    public static bool Run(StatementRunner runner, StreamLineSource source, int workers, Action flush)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);

        // One batch in each worker's hands, one being filled, one being printed, and as many
        // again waiting, so that a worker finishing early finds work at once.
        var pipeline = new LinePipeline(source, 2 * workers + 2);
        var threads = new List<Thread> { pipeline.Start(pipeline.Read, "calc reader") };
        for (var i = 0; i < workers; i++)
        {
            threads.Add(pipeline.Start(pipeline.ParseBatches, "calc parser"));
        }

        var completed = false;
        try
        {
            completed = pipeline.Print(runner, flush);
        }
        finally
        {
            // A --fail-fast stop, a closed stdout or a failure: stop the reader and the workers
            // wherever they wait. A reader blocked in a read of a pipe stays behind as a
            // background thread and ends with the process.
            pipeline._stop.Cancel();
        }

        if (completed)
        {
            // Every batch was printed, so the reader and the workers have finished or are about to.
            foreach (var thread in threads)
            {
                thread.Join();
            }
        }

        return completed;
    }

    private Thread Start(Action body, string name)
    {
        var thread = new Thread(() => RunUntilStopped(body), ThreadStackSize) { IsBackground = true, Name = name };
        thread.Start();
        return thread;
    }

    private void RunUntilStopped(Action body)
    {
        try
        {
            body();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>The reader: lines into batches, batches to the workers and the printer.</summary>
    private void Read()
    {
        var mayWait = !_source.ReadsNeverWait;
        var unflushed = false;
        var batch = TakeFree();
        try
        {
            while (true)
            {
                if (mayWait && (unflushed || batch.Count > 0) && !_source.HasBufferedLine())
                {
                    batch.FlushAfter = true;
                    Send(batch);
                    unflushed = false;
                    _flushed.Wait(_stop.Token);
                    _flushed.Reset();
                    batch = TakeFree();
                }

                if (!_source.TryReadLine(out var line))
                {
                    break;
                }

                batch.Add(line);
                if (batch.IsFull)
                {
                    Send(batch);
                    unflushed = true;
                    batch = TakeFree();
                }
            }
        }
#pragma warning disable CA1031 // Every failure goes to the printer, which reports it after the lines read before it.
        catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
#pragma warning restore CA1031
        {
            batch.Fail(ex);
        }

        Send(batch);
        _work.Writer.Complete();
        _order.Writer.Complete();
    }

    private LineBatch TakeFree() =>
        Take(_free, _stop.Token) ?? throw new UnreachableException("the free batches' channel is never completed");

    /// <summary>Hands a batch to the workers (unless it has no lines) and, in input order, to the printer.</summary>
    private void Send(LineBatch batch)
    {
        // Only as many batches exist as each channel holds, so these writes always succeed.
        if (batch.Count == 0)
        {
            batch.Parsed.Set();
        }
        else if (!_work.Writer.TryWrite(batch))
        {
            throw new UnreachableException("the work channel holds every batch");
        }

        if (!_order.Writer.TryWrite(batch))
        {
            throw new UnreachableException("the order channel holds every batch");
        }
    }

    /// <summary>A parse worker: takes batches in any order and parses them.</summary>
    private void ParseBatches()
    {
        while (Take(_work, _stop.Token) is { } batch)
        {
            try
            {
                batch.Parse();
            }
            finally
            {
                batch.Parsed.Set();
            }
        }
    }

    /// <summary>The printer: runs the batches' lines in input order and recycles the batches.</summary>
    private bool Print(StatementRunner runner, Action flush)
    {
        while (Take(_order, CancellationToken.None) is { } batch)
        {
            batch.Parsed.Wait();
            for (var i = 0; i < batch.FailedAt; i++)
            {
                if (!runner.RunParsed(_source.Name, batch.Line(i), batch.Statements(i)))
                {
                    return false;
                }
            }

            batch.Failure?.Throw();
            if (batch.FlushAfter)
            {
                flush();
                _flushed.Set();
            }

            batch.Reset();
            _free.Writer.TryWrite(batch);
        }

        return true;
    }

    /// <summary>
    /// The next item of <paramref name="channel"/>, blocking this thread while there is none;
    /// null once the channel is completed and empty. The wait does not spin first (as
    /// <c>Task.Wait</c> would): on a busy machine a spinning thread burns the time slice that the
    /// thread it waits for needs.
    /// </summary>
    private static T? Take<T>(Channel<T> channel, CancellationToken token)
        where T : class
    {
        T? item;
        while (!channel.Reader.TryRead(out item))
        {
            if (!Block(channel.Reader.WaitToReadAsync(token)))
            {
                return null;
            }
        }

        return item;
    }

    /// <summary>The result of <paramref name="pending"/>, blocking this thread until there is one.</summary>
    private static bool Block(ValueTask<bool> pending)
    {
        var awaiter = pending.ConfigureAwait(false).GetAwaiter();
        if (!awaiter.IsCompleted)
        {
            using var ready = new ManualResetEventSlim(false, spinCount: 0);
            awaiter.UnsafeOnCompleted(ready.Set);
            ready.Wait(CancellationToken.None);
        }

        return awaiter.GetResult();
    }
}
