using System.Text;

namespace Calculator.Cli.Input;

/// <summary>
/// Splits a byte stream into lines, fast and in flat memory: raw bytes are read in large
/// chunks, lines are found with a vectorised search, and each line is decoded strictly on
/// its own, so a bad byte spoils one line only. A BOM at the start is skipped and a
/// <c>\r</c> before <c>\n</c> dropped. A line over <see cref="InputMessages.MaxLineBytes"/>
/// is skipped without being buffered and reported as too long.
/// </summary>
/// <remarks>
/// <paramref name="beforeRead"/> runs before every read of the stream, which is the only
/// place calc may wait for input: the caller flushes its output there, so a slow producer
/// (<c>tail -f</c>) sees every answer at once while a big file costs one flush per chunk.
/// </remarks>
internal sealed class StreamLineSource(Stream stream, string name, Action? beforeRead = null) : ILineSource
{
    private const int ChunkSize = 64 * 1024;
    private const int MaxBufferSize = 2 * 1024 * 1024;
    private const int EchoBytes = 240;

    private byte[] _buffer = new byte[ChunkSize];
    private int _start;
    private int _scanned;
    private int _end;
    private bool _eof;
    private bool _atStart = true;
    private long _lineNumber;

    public string Name { get; } = name;

    /// <summary>Stdin is a redirected regular file, though its console stream cannot seek.</summary>
    internal bool StdinIsRegularFile { get; init; }

    /// <summary>No read can wait for a producer: the stream is a regular file (or in memory).</summary>
    internal bool ReadsNeverWait => StdinIsRegularFile || stream.CanSeek;

    /// <summary>The bytes held now; stays at most 2 MiB whatever the input.</summary>
    internal int BufferSize => _buffer.Length;

    /// <summary>
    /// True when the next <see cref="TryReadLine"/> needs no read of the stream: a whole line is
    /// buffered, or the stream has ended. A reader on another thread hands over its lines and has
    /// them answered before a read that may wait.
    /// </summary>
    internal bool HasBufferedLine() => _eof || (!_atStart && _buffer.AsSpan(_scanned, _end - _scanned).Contains((byte)'\n'));

    public bool TryReadLine(out SourceLine line)
    {
        if (_atStart)
        {
            SkipByteOrderMark();
        }

        while (true)
        {
            var newline = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = _scanned + newline;
                line = MakeLine(_buffer.AsSpan(_start, lineEnd - _start));
                _start = _scanned = lineEnd + 1;
                return true;
            }

            _scanned = _end;
            if (_eof)
            {
                if (_start == _end)
                {
                    line = default;
                    return false;
                }

                line = MakeLine(_buffer.AsSpan(_start, _end - _start));
                _start = _scanned = _end;
                return true;
            }

            // One more byte than the limit may be the '\r' of a "\r\n".
            if (_end - _start > InputMessages.MaxLineBytes + 1)
            {
                line = SkipLongLine();
                return true;
            }

            Fill();
        }
    }

    private void SkipByteOrderMark()
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        while (!_eof && _end < bom.Length && bom.StartsWith(_buffer.AsSpan(0, _end)))
        {
            Fill();
        }

        if (_buffer.AsSpan(0, _end).StartsWith(bom))
        {
            _start = _scanned = bom.Length;
        }

        _atStart = false;
    }

    private void Fill()
    {
        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _scanned -= _start;
                _start = 0;
            }
            else
            {
                Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxBufferSize));
            }
        }

        beforeRead?.Invoke();
        int read;
        try
        {
            read = stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (IOException ex)
        {
            throw new InputReadException(Name, ex);
        }

        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    private SourceLine SkipLongLine()
    {
        var echo = Echo(_buffer.AsSpan(_start, _end - _start));
        while (true)
        {
            _start = _scanned = _end = 0;
            Fill();
            var newline = _buffer.AsSpan(0, _end).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start = _scanned = newline + 1;
                break;
            }

            if (_eof)
            {
                break;
            }
        }

        return new SourceLine(++_lineNumber, echo, InputMessages.LineTooLong());
    }

    private SourceLine MakeLine(ReadOnlySpan<byte> bytes)
    {
        _lineNumber++;
        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        if (bytes.Length > InputMessages.MaxLineBytes)
        {
            return new SourceLine(_lineNumber, Echo(bytes), InputMessages.LineTooLong());
        }

        if (IsPlainAscii(bytes))
        {
            return new SourceLine(_lineNumber, Encoding.UTF8.GetString(bytes), null);
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            var text = Encoding.UTF8.GetString(bytes);
            if (bytes.Contains((byte)0))
            {
                return new SourceLine(_lineNumber, text, InputMessages.NulCharacter(text.IndexOf('\0', StringComparison.Ordinal)));
            }

            return new SourceLine(_lineNumber, text, null);
        }

        return InvalidLine(bytes);
    }

    // A short line of ASCII without NUL, the usual line, needs no validation beyond one pass.
    private static bool IsPlainAscii(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 128)
        {
            return false;
        }

        foreach (var b in bytes)
        {
            // 0 wraps to 255: both NUL and bytes from 0x80 fail.
            if ((byte)(b - 1) >= 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private SourceLine InvalidLine(ReadOnlySpan<byte> bytes)
    {
        // The lossy decoding of the valid prefix equals its strict decoding, so the offset
        // of the first bad byte in the echo is the number of chars the prefix decodes to.
        var chars = new char[bytes.Length];
        System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var validBytes, out var validChars, replaceInvalidSequences: false);
        var echo = Encoding.UTF8.GetString(bytes);
        var nul = bytes[..validBytes].IndexOf((byte)0);
        var error = nul >= 0
            ? InputMessages.NulCharacter(echo.IndexOf('\0', StringComparison.Ordinal))
            : InputMessages.InvalidUtf8(validChars, bytes[validBytes]);
        return new SourceLine(_lineNumber, echo, error);
    }

    /// <summary>The start of an over-long line, cut at a character boundary, for the message.</summary>
    private static string Echo(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= EchoBytes)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var cut = EchoBytes;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return Encoding.UTF8.GetString(bytes[..cut]) + "…";
    }
}
