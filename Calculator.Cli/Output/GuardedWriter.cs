namespace Calculator.Cli.Output;

/// <summary>
/// Output can no longer be written: calc stops reading and running. Whether that is quiet (the
/// reader went away) or an error (disk full, stdout closed) is the <see cref="GuardedWriter"/>'s
/// to say, so every place that stops on this exception stops the same way.
/// </summary>
internal sealed class OutputClosedException(Exception inner) : Exception("output closed", inner);

/// <summary>
/// A pass-through writer that watches for write failures. On stdout any failure stops calc
/// (<see cref="OutputClosedException"/>); on stderr only a broken pipe does (<c>calc 2&gt;&amp;1 | head -1</c>),
/// because losing a message must not lose the remaining results. After the first failure the
/// writer drops what it is given: the stop is already under way, and flushing on the way out
/// must not fail again. A closed descriptor can show as <see cref="UnauthorizedAccessException"/> (EBADF).
/// </summary>
internal sealed class GuardedWriter(TextWriter inner, bool isStderr) : TextWriter
{
    // Linux errno values; for I/O errors it has no exception type of its own, .NET on Unix puts
    // the raw errno in IOException.HResult.
    private const int BrokenPipe = 32;

    /// <summary>The first write failure, or null.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>
    /// The failure was a broken pipe: the reader went away, which ends calc quietly. Any other
    /// failure of stdout is an error the user must hear about (<see cref="CalcApp.OutputError"/>).
    /// </summary>
    public bool ReaderWentAway => Failure is IOException { HResult: BrokenPipe };

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (Failure is not null)
        {
            Stopped();
            return;
        }

        try
        {
            inner.Write(buffer);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail(ex);
        }
    }

    public override void Flush()
    {
        if (Failure is null)
        {
            Guard(inner.Flush);
        }
    }

    private void Guard(Action write)
    {
        if (Failure is not null)
        {
            Stopped();
            return;
        }

        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail(ex);
        }
    }

    private void Fail(Exception ex)
    {
        Failure = ex;
        Stopped();
    }

    // A write after the failure: stdout keeps stopping whoever writes, so no loop runs on
    // unseen; stderr only stops calc for a broken pipe and otherwise drops the message.
    private void Stopped()
    {
        if (!isStderr || ReaderWentAway)
        {
            throw new OutputClosedException(Failure!);
        }
    }
}
