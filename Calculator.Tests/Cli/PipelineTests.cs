using System.Globalization;
using System.Text;
using Calculator.Cli;
using Xunit;

namespace Calculator.Tests.Cli;

/// <summary>
/// Stdin and files on several threads (SPEC §7, <c>--threads</c>): parse workers run ahead, one
/// thread evaluates and prints, and nothing a user sees depends on the thread count.
/// </summary>
public class PipelineTests
{
    // Each value depends on the line before; errors, a spoilt line, blank lines and comments are
    // scattered so that they fall on every position of a batch.
    private static (byte[] Input, string Stdout, string Stderr) OrderedInput(int lines)
    {
        var input = new List<byte>();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var n = System.Numerics.BigInteger.Zero;
        for (var line = 1; line <= lines; line++)
        {
            if (line % 97 == 0)
            {
                input.AddRange("n +* 1\n"u8.ToArray());
                stderr.Append(CultureInfo.InvariantCulture, $"<stdin>:{line}:4: error: unexpected '*'; expected a number, a name or '('\n  n +* 1\n     ^\n");
                continue;
            }

            if (line % 211 == 0)
            {
                input.AddRange([(byte)'1', 0xFF, (byte)'\n']);
                stderr.Append(CultureInfo.InvariantCulture, $"<stdin>:{line}:2: error: invalid UTF-8 byte 0xFF\n  1\uFFFD\n   ^\n");
                continue;
            }

            var text = (line % 13) switch
            {
                0 => "",
                1 => "# a comment",
                _ when line % 5 == 0 => "n = n * 2; n",
                _ => line == 2 ? "n = 1; n" : "n = ans + 1; n",
            };
            input.AddRange(Encoding.UTF8.GetBytes(text + "\n"));
            if (text.EndsWith("; n", StringComparison.Ordinal))
            {
                n = line == 2 ? 1 : line % 5 == 0 ? n * 2 : n + 1;
                stdout.Append(CultureInfo.InvariantCulture, $"{n}\n");
            }
        }

        return ([.. input], stdout.ToString(), stderr.ToString());
    }

    private static CliResult Run(byte[] stdin, int chunk, params string[] args)
    {
        Stream stream = chunk == 0 ? new MemoryStream(stdin) : new ChunkedStream(stdin.Chunk(chunk));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = CalcApp.Run(args, new CalcConsole(stream, stdout, stderr) { EnvironmentVariable = _ => null });
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    // chunk 0: a file (reads never wait, batches stay full); otherwise a pipe that hands out that
    // many bytes per read, before each of which the answers so far are flushed.
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(8, 0)]
    [InlineData(33, 0)]
    [InlineData(2, 5)]
    [InlineData(8, 5)]
    [InlineData(2, 700)]
    [InlineData(8, 700)]
    [InlineData(16, 65_536)]
    public void AnyThreadCount_AnswersInInputOrder_ErrorsInPlace(int threads, int chunk)
    {
        var (input, expectedOut, expectedErr) = OrderedInput(chunk == 5 ? 1_500 : 20_000);
        var result = Run(input, chunk, "--threads", threads.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expectedOut, result.Stdout);
        Assert.Equal(expectedErr, result.Stderr);
        Assert.Equal(1, result.ExitCode);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public void Json_WithThreads_IsTheSameAsOnOneThread(int threads)
    {
        var (input, _, _) = OrderedInput(3_000);
        var one = Run(input, 0, "--format", "json", "--threads", "1");
        var many = Run(input, 0, "--format", "json", "--threads", threads.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(one, many);
        Assert.InRange(one.OutLines.Length, 2_000, 6_000);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(8, 0)]
    [InlineData(8, 300)]
    public void FailFast_WithThreads_StopsAtTheFirstError(int threads, int chunk)
    {
        var input = new StringBuilder();
        for (var line = 1; line <= 10_000; line++)
        {
            input.Append(line is 3_001 or 3_002 or 9_000 ? "1 +\n" : $"{line}\n");
        }

        var result = Run(Encoding.UTF8.GetBytes(input.ToString()), chunk, "--fail-fast", "--threads", threads.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(3_000, result.OutLines.Length);
        Assert.Equal("3000", result.OutLines[^1]);
        Assert.Single(result.ErrLines, l => l.StartsWith("<stdin>:", StringComparison.Ordinal));
        Assert.StartsWith("<stdin>:3001:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void ReadFailure_WithThreads_ComesAfterTheLinesReadBeforeIt(int threads)
    {
        var stdin = new FailAfterStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, 1_000).Select(i => $"{i}\n")) + "1001"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = CalcApp.Run(["--threads", threads.ToString(CultureInfo.InvariantCulture)], stdin, stdout, stderr);
        Assert.Equal(2, exitCode);
        Assert.Equal(1_000, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("calc: cannot read <stdin>: Input/output error\n", stderr.ToString());
    }

    // Before every read after the first, everything answered from the earlier reads has reached
    // stdout: so a producer that waits for answers (tail -f log | calc) gets them.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Answers_AreFlushedBeforeEachRead_OnAnyThreadCount(int threads)
    {
        var log = new List<string>();
        var chunks = Enumerable.Range(0, 6).Select(c => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(c * 300, 300).Select(i => $"{i}\n")))).ToList();
        var stdin = new ChunkedStream(chunks, log);
        var stdout = new RecordingWriter("out", log);
        CalcApp.Run(["--threads", threads.ToString(CultureInfo.InvariantCulture)], stdin, stdout, new StringWriter());

        for (var read = 2; read <= chunks.Count; read++)
        {
            var at = log.IndexOf($"read:{read}");
            var flushed = string.Concat(log.Take(at).Where(e => e.StartsWith("out:", StringComparison.Ordinal)).Select(e => e[4..]));
            Assert.EndsWith($"\n{(read - 1) * 300 - 1}\n", flushed, StringComparison.Ordinal);
        }

        Assert.InRange(stdout.Flushes, 1, stdin.Reads + 3);
    }

    // The real executable: a producer that waits for each answer before it sends the next line,
    // as tail -f would, gets every answer at once on any thread count.
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Process_StreamingStdin_AnswersBeforeInputEnds_OnAnyThreadCount(int threads)
    {
        var result = CalcExecutable.Bash(
            $"coproc C {{ \"$CALC\" --threads {threads}; }}; " +
            "echo '6*7' >&\"${C[1]}\"; read -t 10 a <&\"${C[0]}\"; " +
            "echo 'ans+1' >&\"${C[1]}\"; read -t 10 b <&\"${C[0]}\"; " +
            "exec {C[1]}>&-; wait; echo \"$a $b\"");
        Assert.Equal("42 43\n", result.Stdout);
    }

    // The reader may run ahead of the printer only by the batches in flight: with the printer
    // held at its first line, an endless input stops being read after a bounded amount.
    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void Reader_RunsAheadOfThePrinter_ByABoundedAmount(int threads)
    {
        var stdin = new EndlessFile("123456789+987654321\n"u8.ToArray());
        var stdout = new BlockingWriter();
        var stderr = new StringWriter();
        var exitCode = -1;
        var run = new Thread(() => exitCode = CalcApp.Run(["--threads", threads.ToString(CultureInfo.InvariantCulture)], stdin, stdout, stderr));
        run.Start();

        Assert.True(stdout.Blocked.Wait(TimeSpan.FromSeconds(30)), "the first answer was written");
        long read;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        do
        {
            read = stdin.Delivered;
            Thread.Sleep(100);
        }
        while (stdin.Delivered != read && DateTime.UtcNow < deadline);

        stdout.Close(); // the reader of stdout goes away: calc stops quietly
        Assert.True(run.Join(TimeSpan.FromSeconds(30)), "calc stopped once its output closed");
        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr.ToString());

        // 20-byte lines: one 64 KiB read buffer and a few thousand lines in batches, not megabytes.
        Assert.InRange(read, 1, 256 * 1024);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("257")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("1.5")]
    [InlineData("")]
    public void ThreadsOption_OutOfRange_IsAUsageError(string value)
    {
        var result = Run("1+1\n"u8.ToArray(), 0, "--threads", value);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"calc: error: --threads takes a whole number from 1 to 256, not '{value}'\nTry 'calc --help' for more information.\n", result.Stderr);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("300")]
    [InlineData("many")]
    [InlineData(" 2")]
    public void ThreadsVariable_Invalid_IsAUsageError_AndNothingRuns(string value)
    {
        var result = RunWithVariable(value, "1+1");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"calc: error: CALC_THREADS takes a whole number from 1 to 256, not '{value}'\nTry 'calc --help' for more information.\n", result.Stderr);
    }

    [Fact]
    public void ThreadsVariable_EmptyIsUnset_AndTheOptionOverridesIt()
    {
        Assert.Equal(new CliResult(0, "2\n", ""), RunWithVariable("", "1+1"));
        Assert.Equal(new CliResult(0, "2\n", ""), RunWithVariable("many", "--threads", "2", "1+1"));
    }

    // With one thread stdin is read by the thread that evaluates (the plain loop); with more, by
    // the pipeline's reader.
    [Theory]
    [InlineData("1", new string[0], false)]
    [InlineData("3", new string[0], true)]
    [InlineData("4", new[] { "--threads", "1" }, false)]
    [InlineData(null, new[] { "--threads", "2" }, true)]
    public void ThreadCount_DecidesWhoReadsStdin(string? variable, string[] args, bool pipeline)
    {
        var stdin = new ReaderNamingStream("6*7\n"u8.ToArray());
        var stdout = new StringWriter();
        var console = new CalcConsole(stdin, stdout, new StringWriter())
        {
            EnvironmentVariable = name => name == "CALC_THREADS" ? variable : null,
        };
        Assert.Equal(0, CalcApp.Run(args, console));
        Assert.Equal("42\n", stdout.ToString());
        Assert.Equal(pipeline, stdin.ReadOnThreads.All(name => name == "calc reader"));
    }

    private static CliResult RunWithVariable(string value, params string[] args)
    {
        var console = new CalcConsole(new MemoryStream(), new StringWriter(), new StringWriter())
        {
            EnvironmentVariable = name => name == "CALC_THREADS" ? value : null,
        };
        return CliHarness.Run(console, args);
    }

    /// <summary>A file that never ends (a seekable stream, so reads never wait), counting the bytes handed out.</summary>
    private sealed class EndlessFile(byte[] line) : Stream
    {
        private long _delivered;

        public long Delivered => Interlocked.Read(ref _delivered);

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Delivered; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var position = Delivered;
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = line[(int)((position + i) % line.Length)];
            }

            Interlocked.Add(ref _delivered, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Stdout that holds the first write until closed, then fails like a closed pipe.</summary>
    private sealed class BlockingWriter : TextWriter
    {
        private readonly ManualResetEventSlim _closed = new(false);

        public ManualResetEventSlim Blocked { get; } = new(false);

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Hold();

        public override void Write(string? value) => Hold();

        public override void Flush() => Hold();

        public override void Close() => _closed.Set();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _closed.Dispose();
                Blocked.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Hold()
        {
            Blocked.Set();
            _closed.Wait();
            throw new IOException("Broken pipe", 32); // EPIPE, as .NET reports it on Linux
        }
    }

    /// <summary>Stdin that remembers the name of each thread that read it.</summary>
    private sealed class ReaderNamingStream(byte[] data) : MemoryStream(data)
    {
        public List<string?> ReadOnThreads { get; } = [];

        public override int Read(byte[] buffer, int offset, int count)
        {
            lock (ReadOnThreads)
            {
                ReadOnThreads.Add(Thread.CurrentThread.Name);
            }

            return base.Read(buffer, offset, count);
        }
    }

    /// <summary>A pipe that hands out its data in 100-byte reads, then fails.</summary>
    private sealed class FailAfterStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position == data.Length)
            {
                throw new IOException("Input/output error");
            }

            var n = Math.Min(Math.Min(count, 100), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer.AsSpan(offset));
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
