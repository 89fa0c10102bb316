using Xunit;

namespace Calculator.Tests.Cli;

public sealed class FileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("calc-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void File_StatementsRunInOrder()
    {
        var path = Write("a.calc", "x = 2\nx^10\n");
        var result = CliHarness.Args("-f", path);
        Assert.Equal("1024\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Files_Repeatable_ShareOneScope_AndKeepTheirNamesInErrors()
    {
        var first = Write("defs.calc", "f(n) = n*2\n");
        var second = Write("use.calc", "f(4)\n\n1+\n");
        var result = CliHarness.Args("--file", first, "-f", second);
        Assert.Equal("8\n", result.Stdout);
        Assert.StartsWith($"{second}:3:3: error:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Files_ThenStdin_InTheOrderGiven()
    {
        var path = Write("a.calc", "y = 5\n");
        var result = CliHarness.Run("y+1\n", "-f", path, "-f", "-");
        Assert.Equal("6\n", result.Stdout);
    }

    [Fact]
    public void Files_RunBeforeTheArguments()
    {
        var path = Write("defs.calc", "sq(v) = v*v\n");
        Assert.Equal("100\n", CliHarness.Args("-f", path, "sq(10)").Stdout);
    }

    [Fact]
    public void File_Missing_IsExitTwoWithAMessage_AndNothingRuns()
    {
        var good = Write("good.calc", "1\n");
        var missing = Path.Combine(_directory, "missing.calc");
        var result = CliHarness.Args("-f", good, "-f", missing);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"calc: cannot read '{missing}': no such file\n", result.Stderr);
    }

    [Fact]
    public void File_Directory_IsExitTwo()
    {
        var result = CliHarness.Args("-f", _directory);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"calc: cannot read '{_directory}': ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void File_WithBomAndCrLf_Works()
    {
        var path = Path.Combine(_directory, "win.calc");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "1+1\r\n2+2\r\n"u8]);
        Assert.Equal("2\n4\n", CliHarness.Args("-f", path).Stdout);
    }
}
