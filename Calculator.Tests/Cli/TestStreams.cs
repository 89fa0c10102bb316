using System.Text;

namespace Calculator.Tests.Cli;

/// <summary>A writer that logs what reaches it at each flush, so tests can see when output leaves calc.</summary>
internal sealed class RecordingWriter(string name, List<string> log) : TextWriter
{
    private readonly StringBuilder _pending = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Written { get; private set; } = "";

    public int Flushes { get; private set; }

    public override void Write(char value) => _pending.Append(value);

    public override void Write(string? value) => _pending.Append(value);

    public override void Flush()
    {
        Flushes++;
        if (_pending.Length > 0)
        {
            log.Add($"{name}:{_pending}");
            Written += _pending.ToString();
            _pending.Clear();
        }
    }
}

/// <summary>Stdin that hands out the given chunks one read at a time, logging each read.</summary>
internal sealed class ChunkedStream(IEnumerable<byte[]> chunks, List<string>? log = null) : Stream
{
    private Queue<byte[]> _chunks = new(chunks);

    public int Reads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        Reads++;
        log?.Add($"read:{Reads}");
        if (_chunks.Count == 0)
        {
            return 0;
        }

        var chunk = _chunks.Dequeue();
        if (chunk.Length > count)
        {
            _chunks = new Queue<byte[]>([chunk[count..], .. _chunks]);
            chunk = chunk[..count];
        }

        chunk.CopyTo(buffer, offset);
        return chunk.Length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Stdin whose reads fail with a given exception.</summary>
internal sealed class FailingStream(Exception failure) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw failure;

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>
/// Stdout whose reader goes away after some lines: writes then fail like a closed pipe, with
/// the Linux errno in HResult as .NET reports it (32 EPIPE; 28 ENOSPC for a full disk).
/// </summary>
internal sealed class ClosingWriter(int linesBeforeClose, int errno = ClosingWriter.BrokenPipe) : TextWriter
{
    public const int BrokenPipe = 32;
    public const int NoSpace = 28;

    private int _lines;

    public StringBuilder Text { get; } = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (_lines >= linesBeforeClose)
        {
            throw Failure();
        }

        Text.Append(value);
        if (value == '\n')
        {
            _lines++;
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void Flush()
    {
        if (_lines >= linesBeforeClose)
        {
            throw Failure();
        }
    }

    private IOException Failure() => new(errno == BrokenPipe ? "Broken pipe" : "No space left on device", errno);
}
