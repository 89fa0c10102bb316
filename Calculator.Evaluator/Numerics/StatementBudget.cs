using System.Diagnostics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// The time limit and cancellation of the statement being run (SPEC §8). Every long loop calls
/// <see cref="Check()"/>: the evaluator's tree walk, ball multiplication, division and roots (and
/// so every series and every refinement built on them), constant series and printing. When the
/// time is up, or the token is cancelled (Ctrl-C, a host), the check throws a
/// <see cref="NumericErrorKind.Limit"/> error, which the evaluator reports at the node it was in.
/// </summary>
/// <remarks>
/// The budget is ambient (one current budget per thread, set for the duration of a statement)
/// rather than a member of <see cref="NumericContext"/>: the context is immutable and shared by
/// every value a session has made, the loops that must be checked sit deep in ball arithmetic,
/// series and constants that take no context, and an approximate value is refined lazily
/// whenever it is compared or printed. Threading a budget parameter through every numeric
/// signature would touch all of them for no gain; a thread-static read costs a nanosecond.
/// With no statement running (a library caller using <see cref="NumberMath"/> directly, or
/// printing after the statement ended) checks do nothing.
/// </remarks>
internal sealed class StatementBudget
{
    // Cheap checks read the clock once per this many calls; an operation on this many bits or
    // more takes long enough to read it every time.
    private const int Interval = 64;
    private const long ExpensiveBits = 20_000;

    [ThreadStatic]
    private static StatementBudget? t_current;

    private TimeSpan _limit = Timeout.InfiniteTimeSpan;
    private long _memoryLimit = long.MaxValue;
    private long _memoryBaseline = -1;
    private long _collectedAt;
    private long _committedBaseline = long.MaxValue;
    private CancellationToken _token;
    private long _deadline = long.MaxValue;
    private bool _armed;
    private int _countdown = Interval;
    private StatementBudget? _previous;

    /// <summary>
    /// Starts a statement on this thread: its clock starts at the first check (or
    /// <see cref="Arm"/>), and the budget is current until the returned scope is disposed.
    /// </summary>
    /// <param name="limit">How long the statement may run; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="token">Cancels the statement (Ctrl-C); <see cref="CancellationToken.None"/> for none.</param>
    public Scope Start(TimeSpan limit, CancellationToken token = default) => Start(limit, long.MaxValue, token);

    /// <inheritdoc cref="Start(TimeSpan, CancellationToken)"/>
    /// <param name="limit">How long the statement may run; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="memoryLimit">How many bytes the heap may grow by during the statement; <see cref="long.MaxValue"/> for no limit.</param>
    /// <param name="token">Cancels the statement (Ctrl-C); <see cref="CancellationToken.None"/> for none.</param>
    public Scope Start(TimeSpan limit, long memoryLimit, CancellationToken token = default)
    {
        _limit = limit;
        _token = token;
        _memoryLimit = memoryLimit;
        _memoryBaseline = -1;
        _collectedAt = 0;
        _committedBaseline = long.MaxValue;
        _deadline = long.MaxValue;
        _armed = false;
        _countdown = Interval;
        _previous = t_current == this ? _previous : t_current;
        t_current = this;
        return new Scope(this);
    }

    /// <summary>The statement's cancellation token.</summary>
    public CancellationToken Token => _token;

    /// <summary>Starts the clock now if it has not started.</summary>
    public void Arm()
    {
        if (!_armed)
        {
            _armed = true;

            // Saturates: a limit of years (TimeSpan.MaxValue) is no limit, not an overflow.
            var ticks = _limit.TotalSeconds * Stopwatch.Frequency;
            _deadline = _limit == Timeout.InfiniteTimeSpan || ticks >= long.MaxValue / 2
                ? long.MaxValue
                : Stopwatch.GetTimestamp() + (long)ticks;
        }
    }

    /// <summary>Fails if the current statement is out of time or cancelled; nothing without one.</summary>
    /// <exception cref="NumericException">The statement's time limit has passed or it was cancelled.</exception>
    public static void Check()
    {
        var budget = t_current;
        if (budget is not null && --budget._countdown <= 0)
        {
            budget.CheckNow();
        }
    }

    /// <summary>
    /// <see cref="Check()"/> before an operation on numbers of <paramref name="bits"/> bits: a
    /// big one reads the clock every time, so a statement of few but huge operations stops in time.
    /// </summary>
    /// <param name="bits">The size of the operands.</param>
    public static void Check(long bits)
    {
        var budget = t_current;
        if (budget is not null && (bits >= ExpensiveBits || --budget._countdown <= 0))
        {
            budget.CheckNow();
        }
    }

    /// <summary>
    /// <see cref="Check()"/> before one step that cannot be interrupted and is expected to take
    /// <paramref name="seconds"/>: fails now, rather than late, when the step would end past the
    /// statement's deadline.
    /// </summary>
    /// <param name="seconds">The step's expected duration on this machine.</param>
    public static void CheckRoomFor(double seconds)
    {
        var budget = t_current;
        if (budget is null)
        {
            return;
        }

        budget.CheckNow();
        if (budget._deadline != long.MaxValue
            && Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency) > budget._deadline)
        {
            throw new NumericException(NumericErrorKind.Limit, NumericMessages.StatementWouldRunTooLong(budget._limit));
        }
    }

    private void CheckNow()
    {
        _countdown = Interval;
        if (_token.IsCancellationRequested)
        {
            throw new NumericException(NumericErrorKind.Limit, NumericMessages.StatementCancelled);
        }

        Arm();
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new NumericException(NumericErrorKind.Limit, NumericMessages.StatementTooLong(_limit));
        }

        CheckMemory();
    }

    // The memory budget is checked where the time is: the tree walk and the numeric loops alike,
    // since a statement's memory also grows while its approximate values are refined for printing.
    // It bounds both the heap's growth (what the statement holds) and the growth of the memory the
    // GC has committed (what the process holds): the heap's count of allocated bytes leaves out
    // its free space, a quarter more in the stress run's recursions over big approximate values
    // (docs/robustness.md).
    private void CheckMemory()
    {
        if (_memoryLimit == long.MaxValue)
        {
            return;
        }

        // The allocated bytes are cheap to read and include garbage; the baseline is the smallest
        // count seen during the statement, so that garbage from before it is no room to fill.
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        if (_memoryBaseline < 0 || heap < _memoryBaseline)
        {
            _memoryBaseline = heap;
            return;
        }

        // The GC's committed memory is dearer to read (it allocates): the first time the statement
        // has grown by a sixteenth of its budget, the committed memory of that moment less that
        // growth stands for what it was at the start.
        if (_committedBaseline == long.MaxValue && heap - _memoryBaseline > _memoryLimit / 16)
        {
            _committedBaseline = GC.GetGCMemoryInfo().TotalCommittedBytes - (heap - _memoryBaseline);
        }

        if (heap - _memoryBaseline <= _memoryLimit / 2 || heap - _collectedAt <= _memoryLimit / 8)
        {
            return;
        }

        // Near the budget, and grown by an eighth of it since the last collection: collect
        // (sweeping, not compacting, which would first copy the live objects into new memory)
        // and compare what the GC then holds with the budget.
        if (heap - _memoryBaseline > _memoryLimit || GC.GetGCMemoryInfo().TotalCommittedBytes - _committedBaseline > _memoryLimit)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
            _collectedAt = GC.GetTotalMemory(forceFullCollection: false);
            if (_collectedAt - _memoryBaseline > _memoryLimit
                || GC.GetGCMemoryInfo().TotalCommittedBytes - _committedBaseline > _memoryLimit)
            {
                throw new NumericException(NumericErrorKind.Limit, NumericMessages.StatementOutOfMemory(_memoryLimit));
            }
        }
    }

    private void End()
    {
        if (t_current == this)
        {
            t_current = _previous;
        }

        _previous = null;
    }

    /// <summary>The statement's lifetime: disposing it makes the previous budget current again.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly StatementBudget? _budget;

        internal Scope(StatementBudget budget) => _budget = budget;

        /// <inheritdoc/>
        public void Dispose() => _budget?.End();
    }
}
