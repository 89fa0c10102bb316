using System.Runtime.InteropServices;

namespace Calculator.Cli;

/// <summary>
/// Descriptors 0, 1 and 2 as the caller left them. A caller may close one (<c>calc &lt;&amp;-</c>,
/// <c>calc 2&gt;&amp;-</c>); the next file opened would then take its number, and results would
/// land in stderr's file or an error message in the results. So before anything else, every
/// closed one of the three gets <c>/dev/null</c>, and calc remembers that it was closed: a closed
/// stdin is empty input, a closed stderr loses the messages, and a closed stdout is a write
/// error as soon as there is a result to write.
/// </summary>
internal static partial class StandardDescriptors
{
    private const int GetDescriptorFlags = 1;   // F_GETFD
    private const int CloseOnExec = 1;          // FD_CLOEXEC

    /// <summary>
    /// Which of descriptors 0, 1, 2 the caller handed over open. A descriptor that is open with
    /// close-on-exec set cannot have come through <c>exec</c>: the runtime opened it in this
    /// process after finding the number free (the JIT host does, for a pipe of its own, before
    /// <c>Main</c>), so the caller's descriptor was closed, and it is left to the runtime.
    /// </summary>
    public static bool[] Claim()
    {
        var inherited = new bool[3];
        for (var descriptor = 0; descriptor < inherited.Length; descriptor++)
        {
            int flags;
            try
            {
                flags = GetFlags(descriptor, GetDescriptorFlags);
            }
#pragma warning disable CA1031 // No libc to ask (not Linux): trust the descriptors as they are.
            catch (Exception)
#pragma warning restore CA1031
            {
                return [true, true, true];
            }

            inherited[descriptor] = flags >= 0 && (flags & CloseOnExec) == 0;
            if (flags < 0)
            {
                FillWithNull(descriptor);
            }
        }

        return inherited;
    }

    // The lowest free number is the one just found closed, because the lower ones are open by now.
    private static void FillWithNull(int descriptor)
    {
        try
        {
            var handle = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            if (handle.DangerousGetHandle() == descriptor)
            {
                // Keep it open for the life of the process: the handle must never close it.
                handle.SetHandleAsInvalid();
            }
            else
            {
                handle.Dispose();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No /dev/null (an empty chroot): the number stays free, and calc still writes only
            // through the descriptors it found open.
        }
    }

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int GetFlags(int descriptor, int command);
}

/// <summary>Stdout that was closed when calc started: writing to it is an error, as for <c>echo hi &gt;&amp;-</c>.</summary>
internal sealed class ClosedOutputStream : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new IOException("stdout is closed");

    public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("stdout is closed");
}
