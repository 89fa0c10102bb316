using Calculator.Evaluator;
using Xunit;

namespace Calculator.Tests.Cli;

/// <summary>SPEC §7 and §8: signals end calc after the results computed so far; memory is a statement's limit.</summary>
/// <remarks>
/// The memory budget reads the process's heap size, which tests running in parallel would change under
/// it: this class runs alone.
/// </remarks>
[Collection(nameof(RunsAlone))]
public class SignalAndMemoryTests
{
    private const string ThousandThenForever =
        "(for i in $(seq 1000); do echo 1+1; done; echo 'f(n)=n<2?n:f(n-1)+f(n-2)'; echo 'f(60)') | ";

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public void Signal_DuringALongStatement_FlushesEarlierResults_AndExitsWithTheSignalsStatus(string signal, int status)
    {
        var result = CalcExecutable.Bash(ThousandThenForever + $"timeout -s {signal} --preserve-status 3 \"$CALC\"; echo status=$?");

        Assert.Equal(1000, result.OutLines.Count(line => line == "2"));
        Assert.Equal($"status={status}", result.OutLines[^1]);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Signal_WhileWaitingForInput_EndsCalc()
    {
        var result = CalcExecutable.Bash("(echo 1+1; sleep 30) | timeout --preserve-status 2 \"$CALC\"; echo status=$?");

        Assert.Equal(["2", "status=143"], result.OutLines);
    }

    [Fact]
    public void Cancellation_StopsTheStatement_WithALimitError()
    {
        var session = new Session();
        session.Run("f(n) = n < 2 ? n : f(n-1) + f(n-2)");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var outcome = session.Run("1 + f(60)", cancel.Token)[0];

        Assert.Equal(Calculator.Parser.DiagnosticKind.Limit, outcome.Error!.Kind);
        Assert.Equal("interrupted", outcome.Error.Message);
        Assert.Equal("2", session.Run("1+1")[0].Value!.Format(fraction: false));
    }

    [Fact]
    public void MemoryBudget_EndsARecursionHoldingBigArguments_AndTheSessionGoesOn()
    {
        var session = new Session(new SessionOptions { StatementMemoryLimit = 64L << 20 });
        session.Run("f(n, x) = n < 1 ? 0 : f(n - 1, x + 1)");
        Outcome? outcome = null;

        // calc runs statements on a thread with a big stack; a test thread's would end the recursion first.
        var worker = new Thread(() => outcome = session.Run("f(5000, 10^99999)")[0], 256 << 20);
        worker.Start();
        worker.Join();

        Assert.Equal("limit: the statement needed more than 64 MiB of memory", outcome?.Error?.Message);
        Assert.Equal("0", session.Run("f(10, 10^99999)")[0].Value!.Format(fraction: false));
    }

    [Fact]
    public void OutOfMemory_BelowTheBudget_FailsOnlyThatStatement_OneJsonObjectEach()
    {
        var result = CalcExecutable.Bash(
            "printf 'f(n,x)=n<1?0:f(n-1,x+1)\\nf(9999,10^999999)\\n1+1\\n' | DOTNET_GCHeapHardLimit=0xC000000 \"$CALC\" --format json; echo status=$?");

        Assert.Equal(4, result.OutLines.Length);
        Assert.Contains("\"kind\":\"limit\"", result.OutLines[1], StringComparison.Ordinal);
        Assert.Contains("\"value\":\"2\"", result.OutLines[2], StringComparison.Ordinal);
        Assert.Equal("status=1", result.OutLines[3]);
    }
}

/// <summary>Test classes in this collection run with no other test in parallel.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
