using Xunit;

namespace Calculator.Tests.Cli;

/// <summary>What only a real process shows: argv, pipes, exit codes, a reader that goes away.</summary>
public sealed class ProcessTests : IDisposable
{
    // Files the shell commands redirect into; removed with the folder after each test.
    private readonly string _directory = Directory.CreateTempSubdirectory("calc-process-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public void Process_ArgumentsStartingWithMinus_AreExpressionText()
    {
        var result = CalcExecutable.Run("", "-5+3");
        Assert.Equal("-2\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("-2\n", CalcExecutable.Run("", "-5", "+", "3").Stdout);
        Assert.Equal("-5\n", CalcExecutable.Run("", "--", "-5").Stdout);
    }

    [Fact]
    public void Process_RealPipe_OneResultPerLine()
    {
        var result = CalcExecutable.Bash("printf 'x = 3\\nx^2\\n1+*2\\nx+1\\n' | \"$CALC\"; echo \"status=$?\"");
        Assert.Equal("9\n4\nstatus=1\n", result.Stdout);
        Assert.Equal("<stdin>:3:3: error: unexpected '*'; expected a number, a name or '('\n  1+*2\n    ^\n", result.Stderr);
    }

    [Fact]
    public void Process_ExitCodes()
    {
        Assert.Equal(0, CalcExecutable.Run("", "1+1").ExitCode);
        Assert.Equal(1, CalcExecutable.Run("", "1/0").ExitCode);
        var usage = CalcExecutable.Run("", "-p", "0", "1");
        Assert.Equal(2, usage.ExitCode);
        Assert.StartsWith("calc: error: --precision", usage.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, CalcExecutable.Run("", "-f", "/nonexistent/calc-input").ExitCode);
    }

    [Fact]
    public void Process_MistypedOption_IsAUsageErrorWithAHint()
    {
        var result = CalcExecutable.Run("", "--precison", "5", "pi");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("calc: error: unknown option '--precison'; did you mean '--precision'?\nTry 'calc --help' for more information.\n", result.Stderr);
    }

    [Fact]
    public void Process_StdoutFull_IsAMessageAndANonZeroStatus()
    {
        var result = CalcExecutable.Bash(
            "\"$CALC\" 1+1 > /dev/full; echo \"status=$?\"; seq 100000 2>/dev/null | \"$CALC\" > /dev/full; echo \"status=$?\"");
        Assert.Equal("status=74\nstatus=74\n", result.Stdout);
        Assert.Equal("calc: cannot write results: No space left on device\n" + "calc: cannot write results: No space left on device\n", result.Stderr);
    }

    [Fact]
    public void Process_StdoutClosedAtStart_IsAnErrorAndNothingLandsInStderrsFile()
    {
        var errors = PathOf("errors");
        var result = CalcExecutable.Bash($"\"$CALC\" 1+1 >&- 2> '{errors}'; echo \"status=$?\"");
        Assert.Equal("status=74\n", result.Stdout);
        Assert.Equal("calc: cannot write results: stdout is closed\n", File.ReadAllText(errors));
    }

    [Fact]
    public void Process_StderrClosedAtStart_NoErrorTextLandsInStdoutsFile()
    {
        var output = PathOf("output");
        var result = CalcExecutable.Bash($"\"$CALC\" '1+*; 2' 2>&- > '{output}'; echo \"status=$?\"");
        Assert.Equal("status=1\n", result.Stdout);
        Assert.Equal("2\n", File.ReadAllText(output));
    }

    [Fact]
    public void Process_StdinClosed_IsEmptyInput()
    {
        var result = CalcExecutable.Bash("timeout 30 \"$CALC\" <&-; echo \"status=$?\"; timeout 30 \"$CALC\" 'x = 2; x^10' <&-; echo \"status=$?\"");
        Assert.Equal("status=0\n1024\nstatus=0\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Process_StderrPipeClosed_EndsCalc()
    {
        // Errors only, into a pipe whose reader leaves after one line: calc must end, not run forever.
        var result = CalcExecutable.Bash(
            "timeout 30 bash -c 'yes \"1+*\" | \"$CALC\" 2>&1 | head -1'; echo \"timeout=$?\"");
        Assert.Equal("<stdin>:1:3: error: unexpected '*'; expected a number, a name or '('\ntimeout=0\n", result.Stdout);
    }

    [Fact]
    public void Process_ClosedStdout_EndsQuietly()
    {
        var input = PathOf("input");
        var errors = PathOf("errors");
        File.WriteAllText(input, string.Concat(Enumerable.Repeat("1+1\n", 200_000)));
        var result = CalcExecutable.Bash(
            $"\"$CALC\" < '{input}' 2> '{errors}' | head -1; echo \"status=${{PIPESTATUS[0]}}\"");
        Assert.Equal("2\nstatus=0\n", result.Stdout);
        Assert.Equal("", File.ReadAllText(errors));
    }

    [Fact]
    public void Process_ClosedStdout_StopsReadingAnEndlessInput()
    {
        // .NET's console stream pretends writes to a broken pipe succeed; calc must notice anyway.
        var errors = PathOf("errors");
        var result = CalcExecutable.Bash(
            $"timeout 30 bash -c 'yes 1+1 | \"$CALC\" 2> {errors} | head -1; echo \"status=${{PIPESTATUS[1]}}\"'; echo \"timeout=$?\"");
        Assert.Equal("2\nstatus=0\ntimeout=0\n", result.Stdout);
        Assert.Equal("", File.ReadAllText(errors));
    }

    [Fact]
    public void Process_StdoutToAFile_AppendsAfterEarlierOutput()
    {
        var output = PathOf("output");
        CalcExecutable.Bash($"(echo a; \"$CALC\" 1; \"$CALC\" 2; \"$CALC\" 1+ 2>&1; echo b) > '{output}'");
        Assert.Equal(
            "a\n1\n2\n<args>:1:3: error: unexpected end of input; expected a number, a name or '('\n  1+\n    ^\nb\n",
            File.ReadAllText(output));
    }

    [Fact]
    public void Process_ClosedStderr_ResultsStillFlow()
    {
        var result = CalcExecutable.Bash("\"$CALC\" '1+; 7' 2>&-; echo \"status=$?\"");
        Assert.Equal("7\nstatus=1\n", result.Stdout);
    }

    [Fact]
    public void Process_StreamingStdin_AnswersBeforeInputEnds()
    {
        // A producer that waits for each answer before sending the next line, as tail -f would.
        var result = CalcExecutable.Bash(
            "coproc C { \"$CALC\"; }; " +
            "echo '6*7' >&\"${C[1]}\"; read -t 10 a <&\"${C[0]}\"; " +
            "echo '43' >&\"${C[1]}\"; read -t 10 b <&\"${C[0]}\"; " +
            "exec {C[1]}>&-; wait; echo \"$a $b\"");
        Assert.Equal("42 43\n", result.Stdout);
    }

    [Fact]
    public void Process_InvalidUtf8AndNul_DoNotStopTheRun()
    {
        var result = CalcExecutable.Bash("printf '1\\n\\377\\n2\\0\\n3\\n' | \"$CALC\"; echo \"status=$?\"");
        Assert.Equal("1\n3\nstatus=1\n", result.Stdout);
        Assert.Contains("<stdin>:2:1: error: invalid UTF-8 byte 0xFF", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("<stdin>:3:2: error: unexpected NUL character", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
