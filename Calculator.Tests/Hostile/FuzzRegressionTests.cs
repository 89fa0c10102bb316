using System.Diagnostics;
using Calculator.Fuzz;
using Xunit;

namespace Calculator.Tests.Hostile;

/// <summary>Replays every input the fuzzer ever saved (Data/fuzz-regressions) through the fuzz harness.</summary>
public sealed class FuzzRegressionTests
{
    // A hang detector, not a benchmark: CI machines are slow and shared.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "fuzz-regressions");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Saved_input_Runs_without_exception_in_bounded_time(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, name));
        var clock = Stopwatch.StartNew();
        FuzzTarget.OnCliStack(() => FuzzTarget.Run(bytes));
        Assert.True(clock.Elapsed < Bound, $"{name} took {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void Folder_Holds_the_saved_inputs() => Assert.NotEmpty(Files());
}
