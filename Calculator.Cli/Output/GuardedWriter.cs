namespace Calculator.Cli.Output;

/// <summary>Stdout was closed by its reader (<c>calc &lt; big | head -1</c>): calc stops quietly.</summary>
internal sealed class OutputClosedException(Exception inner) : Exception("output closed", inner);

/// <summary>
/// A pass-through writer that turns an I/O failure into <see cref="OutputClosedException"/>
/// (stdout) or ignores it (stderr: losing a message must not lose the remaining results).
/// A closed descriptor can show as <see cref="UnauthorizedAccessException"/> (EBADF), so it counts too.
/// </summary>
internal sealed class GuardedWriter(TextWriter inner, bool ignoreFailures) : TextWriter
{
    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail(ex);
        }
    }

    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
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
        if (!ignoreFailures)
        {
            throw new OutputClosedException(ex);
        }
    }
}
