using System.Buffers.Text;

namespace Calculator.Cli.Commands;

/// <summary>
/// Whether other processes are running on every core, from the count of runnable tasks in
/// Linux's <c>/proc/loadavg</c> (its fourth field, "runnable/total"). The calling thread is one of
/// them; calc's other thread may or may not be, so it is not counted against the machine.
/// </summary>
internal sealed class BusyMachineProbe : IDisposable
{
    private readonly FileStream? _file;
    private readonly byte[] _buffer = new byte[128];

    private BusyMachineProbe(FileStream? file) => _file = file;

    /// <summary>A probe; it never reports a busy machine where the file cannot be read.</summary>
    public static BusyMachineProbe Open()
    {
        try
        {
            return new BusyMachineProbe(new FileStream("/proc/loadavg", FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new BusyMachineProbe(null);
        }
    }

    /// <summary>True when, besides the calling thread, at least as many tasks are runnable as there are cores.</summary>
    public bool IsBusy()
    {
        if (_file is null)
        {
            return false;
        }

        try
        {
            _file.Seek(0, SeekOrigin.Begin);
            var text = _buffer.AsSpan(0, _file.Read(_buffer));
            for (var field = 0; field < 3; field++)
            {
                var space = text.IndexOf((byte)' ');
                if (space < 0)
                {
                    return false;
                }

                text = text[(space + 1)..];
            }

            return Utf8Parser.TryParse(text, out int runnable, out _) && runnable - 1 >= Environment.ProcessorCount;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose() => _file?.Dispose();
}
