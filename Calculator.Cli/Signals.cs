using System.Runtime.InteropServices;

namespace Calculator.Cli;

/// <summary>
/// SIGINT and SIGTERM (SPEC §7). At the prompt, SIGINT (Ctrl-C while a statement runs) stops only
/// that statement and the session goes on. Otherwise either signal stops the running statement and
/// calc ends with 128 + the signal's number, after flushing the results computed before it.
/// Thread-safe: the handlers run on a thread of their own.
/// </summary>
internal sealed class Signals : IDisposable
{
    // A thread blocked reading input cannot see the token; it flushed its results before the read,
    // so after this grace calc may end without it.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    private readonly PosixSignalRegistration[] _registrations;
    private readonly Action _beforeExit;
    private volatile CancellationTokenSource _statement = new();
    private int _endStatus;

    /// <param name="beforeExit">Runs before calc ends from the handler's thread (resets the terminal).</param>
    public Signals(Action beforeExit)
    {
        _beforeExit = beforeExit;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>The prompt is running: SIGINT stops the statement, not calc.</summary>
    public bool Interactive { get; set; }

    /// <summary>Set when the running statement must stop.</summary>
    public CancellationToken StatementToken => _statement.Token;

    /// <summary>0, or the exit status calc must end with (130 after SIGINT, 143 after SIGTERM).</summary>
    public int EndStatus => Volatile.Read(ref _endStatus);

    /// <summary>A new line at the prompt: an interrupt that came before it is spent.</summary>
    public void NextStatement()
    {
        if (_statement.IsCancellationRequested && EndStatus == 0)
        {
            _statement = new CancellationTokenSource();
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        var signal = context.Signal;
        if (signal == PosixSignal.SIGINT && Interactive)
        {
            _statement.Cancel();
            return;
        }

        var status = signal == PosixSignal.SIGINT ? 130 : 143;
        if (Interlocked.CompareExchange(ref _endStatus, status, 0) != 0)
        {
            return;
        }

        _statement.Cancel();
        new Thread(() =>
        {
            Thread.Sleep(Grace);
            _beforeExit();
            Environment.Exit(status);
        }) { IsBackground = true, Name = "calc-exit" }.Start();
    }
}
