using Calculator.Cli;
using Xunit;

namespace Calculator.Tests.Cli;

public class RobustnessTests
{
    [Fact]
    public void ExitStatus_ZeroWhenAllSucceed_OneWhenAnyFails()
    {
        Assert.Equal(0, CliHarness.Run("1\n2\n").ExitCode);
        Assert.Equal(1, CliHarness.Run("1\n1/0\n2\n").ExitCode);
        Assert.Equal(1, CliHarness.Run("sqrt(-1)\n").ExitCode);
    }

    [Fact]
    public void UnexpectedException_IsReportedInOneLine_ExitSeventy()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = CalcApp.Run([], new FailingStream(new InvalidOperationException("boom")), stdout, stderr);
        Assert.Equal(70, exitCode);
        Assert.Equal("calc: internal error: boom\n", stderr.ToString());
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public void UnexpectedException_AfterSomeResults_StillShowsThoseResults()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var failing = new ThrowAfterStream("1+1\n"u8.ToArray(), new NotSupportedException("disk on fire"));
        var exitCode = CalcApp.Run([], failing, stdout, stderr);
        Assert.Equal(70, exitCode);
        Assert.Equal("2\n", stdout.ToString());
        Assert.Equal("calc: internal error: disk on fire\n", stderr.ToString());
    }

    [Fact]
    public void StdinReadError_IsExitTwoWithAMessage()
    {
        var stderr = new StringWriter();
        var exitCode = CalcApp.Run([], new FailingStream(new IOException("Input/output error")), new StringWriter(), stderr);
        Assert.Equal(2, exitCode);
        Assert.Equal("calc: cannot read <stdin>: Input/output error\n", stderr.ToString());
    }

    [Fact]
    public void ClosedStdout_EndsQuietly()
    {
        var input = string.Concat(Enumerable.Repeat("1+1\n", 200_000));
        var stdout = new ClosingWriter(linesBeforeClose: 1);
        var stderr = new StringWriter();
        var exitCode = CalcApp.Run([], new MemoryStream(System.Text.Encoding.UTF8.GetBytes(input)), stdout, stderr);
        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr.ToString());
        Assert.Equal("2\n", stdout.Text.ToString());
    }

    [Fact]
    public void ClosedStdout_DuringHelp_EndsQuietly()
    {
        var stderr = new StringWriter();
        var exitCode = CalcApp.Run(["--help"], new MemoryStream(), new ClosingWriter(0), stderr);
        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public void StderrThatCannotBeWritten_DoesNotStopTheResults()
    {
        var stdout = new StringWriter();
        var exitCode = CalcApp.Run([], new MemoryStream("1+\n2\n"u8.ToArray()), stdout, new ClosingWriter(0, ClosingWriter.NoSpace));
        Assert.Equal(1, exitCode);
        Assert.Equal("2\n", stdout.ToString());
    }

    [Fact]
    public void StdoutWriteError_OtherThanABrokenPipe_IsAMessageAndExitSeventyFour()
    {
        var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("1+1\n", 200_000))));
        var stdout = new ClosingWriter(linesBeforeClose: 1, ClosingWriter.NoSpace);
        var stderr = new StringWriter();
        var exitCode = CalcApp.Run([], input, stdout, stderr);
        Assert.Equal(CalcApp.OutputError, exitCode);
        Assert.Equal("calc: cannot write results: No space left on device\n", stderr.ToString());
        Assert.Equal("2\n", stdout.Text.ToString());
        Assert.True(input.Position < input.Length, "calc went on reading after its output failed");
    }

    [Fact]
    public void StdoutWriteError_InArgumentMode_IsExitSeventyFour()
    {
        var stderr = new StringWriter();
        var exitCode = CalcApp.Run(["1+1"], new MemoryStream(), new ClosingWriter(0, ClosingWriter.NoSpace), stderr);
        Assert.Equal(74, exitCode);
        Assert.StartsWith("calc: cannot write results: ", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void StderrBrokenPipe_EndsCalc()
    {
        // yes '1+*' | calc 2>&1 | head -1: the only reader is gone, so the errors have nowhere to go.
        var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("1+*\n", 2_000_000))));
        var stdout = new StringWriter();
        var exitCode = CalcApp.Run([], input, stdout, new ClosingWriter(linesBeforeClose: 3));
        Assert.True(input.Position < input.Length, "calc went on reading after stderr's reader went away");
        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public void DeepRecursion_10000_RunsOnTheBigStack()
    {
        var result = CliHarness.Run("f(n) = n < 1 ? 0 : 1 + f(n-1)\nf(9990)\n");
        Assert.Equal("", result.Stderr);
        Assert.Equal("9990\n", result.Stdout);
    }

    [Fact]
    public void DeepNesting_1000_Evaluates()
    {
        var result = CliHarness.Run(new string('(', 999) + "1" + new string(')', 999) + "\n" + new string('-', 999) + "1\n");
        Assert.Equal("", result.Stderr);
        Assert.Equal("1\n-1\n", result.Stdout);
    }

    [Fact]
    public void Output_IsFlushedBeforeEachRead_NotPerLine()
    {
        var log = new List<string>();
        var lines = string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i}\n"));
        var stdin = new ChunkedStream([System.Text.Encoding.UTF8.GetBytes(lines), "1000\n"u8.ToArray()], log);
        var stdout = new RecordingWriter("out", log);
        CalcApp.Run([], stdin, stdout, new StringWriter());

        // Everything answered from the first chunk has left calc before it asks for the second.
        var secondRead = log.IndexOf("read:2");
        Assert.True(secondRead > 0);
        var before = string.Concat(log.Take(secondRead).Where(e => e.StartsWith("out:", StringComparison.Ordinal)).Select(e => e[4..]));
        Assert.EndsWith("998\n999\n", before, StringComparison.Ordinal);
        Assert.InRange(stdout.Flushes, 1, stdin.Reads + 3);
        Assert.EndsWith("999\n1000\n", stdout.Written, StringComparison.Ordinal);
    }

    [Fact]
    public void LineSplitAcrossReads_IsReassembled()
    {
        var stdin = new ChunkedStream(["12"u8.ToArray(), "3+"u8.ToArray(), "1\r"u8.ToArray(), "\n4\n"u8.ToArray(), [0xC3], [0xA9, (byte)'+']]);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        CalcApp.Run([], stdin, stdout, stderr);
        Assert.Equal("124\n4\n", stdout.ToString());
        Assert.StartsWith("<stdin>:3:", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("\n  \u00e9+\n", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ByteOrderMark_SplitAcrossReads_IsSkipped()
    {
        var stdin = new ChunkedStream([[0xEF], [0xBB], [0xBF, (byte)'7'], "\n"u8.ToArray()]);
        var stdout = new StringWriter();
        Assert.Equal(0, CalcApp.Run([], stdin, stdout, new StringWriter()));
        Assert.Equal("7\n", stdout.ToString());
    }

    /// <summary>Hands out some bytes, then fails.</summary>
    private sealed class ThrowAfterStream(byte[] data, Exception failure) : Stream
    {
        private bool _served;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_served)
            {
                throw failure;
            }

            _served = true;
            data.CopyTo(buffer, offset);
            return data.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
