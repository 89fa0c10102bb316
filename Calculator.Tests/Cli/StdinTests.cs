using System.Globalization;
using System.Text;
using Calculator.Cli;
using Xunit;

namespace Calculator.Tests.Cli;

public class StdinTests
{
    [Fact]
    public void Stdin_OneResultPerLine_SharedScope()
    {
        var result = CliHarness.Run("x = 3\nx^2\n\n# a comment\nx+1; x+2\n");
        Assert.Equal("9\n4\n5\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Stdin_LastLineWithoutNewline_IsRead()
    {
        Assert.Equal("1\n2\n", CliHarness.Run("1\n2").Stdout);
    }

    [Fact]
    public void Stdin_Empty_SucceedsWithNoOutput()
    {
        var result = CliHarness.Run("");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Stdin_ErrorOnLineThree_NamesLineAndColumn()
    {
        var result = CliHarness.Run("1\n2\n1+*2\n4\n");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("1\n2\n4\n", result.Stdout);
        Assert.Equal("<stdin>:3:3: error: unexpected '*'; expected a number, a name or '('\n  1+*2\n    ^\n", result.Stderr);
    }

    [Fact]
    public void Stdin_ByteOrderMark_IsSkipped()
    {
        var result = CliHarness.Run([0xEF, 0xBB, 0xBF, .. "1+1\n"u8]);
        Assert.Equal("2\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Stdin_ByteOrderMarkAlone_IsEmptyInput()
    {
        var result = CliHarness.Run([0xEF, 0xBB, 0xBF]);
        Assert.Equal("", result.Stdout + result.Stderr);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Stdin_CrLf_CountsAsLf()
    {
        var result = CliHarness.Run("1+1\r\n2+2\r\n1+\r\n");
        Assert.Equal("2\n4\n", result.Stdout);
        Assert.StartsWith("<stdin>:3:3: error:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdin_InvalidUtf8_IsAnErrorOnThatLineOnly()
    {
        var result = CliHarness.Run([.. "1+1\n2+"u8, 0xFF, .. "3\n3+3\n"u8]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("2\n6\n", result.Stdout);
        Assert.Equal("<stdin>:2:3: error: invalid UTF-8 byte 0xFF\n  2+\uFFFD3\n    ^\n", result.Stderr);
    }

    [Fact]
    public void Stdin_TruncatedUtf8AtEndOfInput_IsAnError()
    {
        var result = CliHarness.Run([.. "1\n\u00e91+"u8, 0xC3]);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("<stdin>:2:4: error: invalid UTF-8 byte 0xC3", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdin_Overlong_And_Surrogate_Encodings_AreInvalid()
    {
        var result = CliHarness.Run([0xC0, 0xAF, (byte)'\n', 0xED, 0xA0, 0x80, (byte)'\n', .. "5\n"u8]);
        Assert.Equal("5\n", result.Stdout);
        Assert.Contains("<stdin>:1:1: error: invalid UTF-8 byte 0xC0", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("<stdin>:2:1: error: invalid UTF-8 byte 0xED", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdin_NulByte_IsAnErrorOnThatLineOnly()
    {
        var result = CliHarness.Run([.. "1+"u8, 0, .. "2\n7\n"u8]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("7\n", result.Stdout);
        Assert.Equal("<stdin>:1:3: error: unexpected NUL character\n  1+\uFFFD2\n    ^\n", result.Stderr);
    }

    [Fact]
    public void Stdin_LineLongerThanOneMebibyte_IsALimitErrorAndTheNextLinesRun()
    {
        var longLine = new string('1', 3 * 1024 * 1024);
        var result = CliHarness.Run($"1+1\n{longLine}\n2+2\n");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("2\n4\n", result.Stdout);
        Assert.StartsWith("<stdin>:2:1: error: limit: statement too long\n", result.Stderr, StringComparison.Ordinal);
        Assert.True(result.Stderr.Length < 1000, "the echo of a long line is cut");
    }

    [Fact]
    public void Stdin_LongLineAtEndOfInput_IsALimitError()
    {
        var result = CliHarness.Run("1\n" + new string('2', 1024 * 1024 + 1));
        Assert.Equal("1\n", result.Stdout);
        Assert.StartsWith("<stdin>:2:1: error: limit: statement too long\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdin_LineOfExactlyOneMebibyte_IsNotTooLong()
    {
        // 1+1+…+1 with 524 288 terms is 1 048 575 bytes; with a trailing blank it is exactly 1 MiB.
        var text = new StringBuilder().Insert(0, "1+", 524_287).Append("1 ").ToString();
        Assert.Equal(1024 * 1024, text.Length);
        var result = CliHarness.Run(text + "\r\n");
        Assert.Equal("", result.Stderr);
        Assert.Equal("524288\n", result.Stdout);
    }

    [Fact]
    public void Stdin_ManyLines_AllAnsweredInOrder()
    {
        var input = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            input.Append(i).Append("+1\n");
        }

        var lines = CliHarness.Run(input.ToString()).OutLines;
        Assert.Equal(20_000, lines.Length);
        Assert.Equal("1", lines[0]);
        Assert.Equal("20000", lines[^1]);
    }

    // Lines are parsed in batches by worker threads (on a machine with more than one CPU);
    // evaluation must still see them in input order, with errors in their place, across every
    // batch boundary. Through a pipe (a stream that cannot seek), the reader also hands over its
    // partial batch and waits for a flush before every read, here every 700 bytes.
    [Theory]
    [InlineData(1, false)]
    [InlineData(15, false)]
    [InlineData(16, false)]
    [InlineData(17, false)]
    [InlineData(63, false)]
    [InlineData(64, false)]
    [InlineData(65, false)]
    [InlineData(5_003, false)]
    [InlineData(65, true)]
    [InlineData(5_003, true)]
    public void Stdin_ScopeDependsOnOrder_ErrorsStayInPlace(int count, bool pipe)
    {
        var input = new StringBuilder("n = 0\n");
        var expectedOut = new StringBuilder();
        var expectedErrors = new List<int>();
        var n = System.Numerics.BigInteger.Zero;
        for (var line = 2; line <= count + 1; line++)
        {
            if (line % 97 == 0)
            {
                input.Append("n +* 1\n");
                expectedErrors.Add(line);
                continue;
            }

            n = line % 5 == 0 ? n * 2 : n + 1;
            input.Append(line % 5 == 0 ? "n = n * 2\n" : "n = n + 1; n\n");
            if (line % 5 != 0)
            {
                expectedOut.Append(CultureInfo.InvariantCulture, $"{n}\n");
            }
        }

        var bytes = Encoding.UTF8.GetBytes(input.ToString());
        CliResult result;
        if (pipe)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exitCode = CalcApp.Run([], new ChunkedStream(bytes.Chunk(700)), stdout, stderr);
            result = new CliResult(exitCode, stdout.ToString(), stderr.ToString());
        }
        else
        {
            result = CliHarness.Run(bytes);
        }

        Assert.Equal(expectedOut.ToString(), result.Stdout);
        var errorLines = result.Stderr.Split('\n').Where(l => l.StartsWith("<stdin>:", StringComparison.Ordinal))
            .Select(l => int.Parse(l.Split(':')[1], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expectedErrors, errorLines);
        Assert.Equal(expectedErrors.Count > 0 ? 1 : 0, result.ExitCode);
    }

    [Fact]
    public void Stdin_FailFast_StopsAtTheFirstErrorOfALongInput()
    {
        var input = new StringBuilder();
        for (var line = 1; line <= 3_000; line++)
        {
            input.Append(line == 1_234 ? "1 +\n" : $"{line}\n");
        }

        var result = CliHarness.Run(input.ToString(), "--fail-fast");
        var lines = result.OutLines;
        Assert.Equal(1_233, lines.Length);
        Assert.Equal("1233", lines[^1]);
        Assert.StartsWith("<stdin>:1234:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Stdin_DashFile_ReadsStdin()
    {
        Assert.Equal("3\n", CliHarness.Run("1+2\n", "-f", "-").Stdout);
    }
}
