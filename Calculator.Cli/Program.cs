using System.Text;
using Calculator.Cli;
using Microsoft.Win32.SafeHandles;

// First of all, before anything opens a file: the standard descriptors the caller closed.
var inherited = StandardDescriptors.Claim();
MallocArenas.ShareExisting();

// Kept lean for start-up time: no work here that the chosen mode does not need.
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var stdout = new StreamWriter(inherited[1] ? OpenDescriptor(1) : new ClosedOutputStream(), utf8, 1 << 16);
var stderr = new StreamWriter(inherited[2] ? OpenDescriptor(2) : Stream.Null, utf8, 1 << 12);
var exitCode = CalcApp.InternalError;
try
{
    // A closed stdin is empty input, like /dev/null: never a prompt, never a wait.
    var console = new CalcConsole(inherited[0] ? Console.OpenStandardInput() : Stream.Null, stdout, stderr)
    {
        StdinIsTerminal = inherited[0] && !Console.IsInputRedirected,
        StdinIsRegularFile = !inherited[0] || IsSeekable(0),
        StdoutIsTerminal = inherited[1] && !Console.IsOutputRedirected,
        ColorErrors = inherited[2] && !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
    };
    exitCode = CalcApp.Run(args, console);
}
#pragma warning disable CA1031 // Nothing may reach the user as a .NET exception.
catch (Exception ex)
#pragma warning restore CA1031
{
    CalcApp.ReportInternalError(new CalcConsole(Stream.Null, stdout, stderr), ex);
}

CloseQuietly(stdout);
CloseQuietly(stderr);
return exitCode;

// Console.OpenStandardOutput() swallows EPIPE and reports success, so calc would never learn
// that `head -1` has gone and would read the rest of an endless input. A FileStream on a pipe
// reports the broken pipe as an IOException (the runtime ignores SIGPIPE). Regular files keep
// the console stream: FileStream writes them at its own offset, which would overwrite the
// output of an earlier command in `(calc 1; calc 2) > file`.
static Stream OpenDescriptor(int descriptor)
{
    try
    {
        var stream = new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        if (!stream.CanSeek)
        {
            return stream;
        }

        stream.Dispose();
    }
#pragma warning disable CA1031 // Any descriptor trouble: fall back to the console stream.
    catch (Exception)
#pragma warning restore CA1031
    {
    }

    try
    {
        return descriptor == 1 ? Console.OpenStandardOutput() : Console.OpenStandardError();
    }
#pragma warning disable CA1031 // A descriptor that cannot be written: results are an error, messages go nowhere.
    catch (Exception)
#pragma warning restore CA1031
    {
        return descriptor == 1 ? new ClosedOutputStream() : Stream.Null;
    }
}

// A seekable descriptor is a regular file (or a block device): reading it never waits.
static bool IsSeekable(int descriptor)
{
    try
    {
        using var probe = new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Read, bufferSize: 0);
        return probe.CanSeek;
    }
#pragma warning disable CA1031 // A closed or odd descriptor: treat it as one that may wait.
    catch (Exception)
#pragma warning restore CA1031
    {
        return false;
    }
}

static void CloseQuietly(TextWriter writer)
{
    try
    {
        writer.Dispose();
    }
#pragma warning disable CA1031 // The last flush may meet a closed pipe or descriptor; nothing is left to tell.
    catch (Exception)
#pragma warning restore CA1031
    {
    }
}
