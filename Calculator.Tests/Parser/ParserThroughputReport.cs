using System.Diagnostics;
using System.Globalization;
using Calculator.Parser;
using Xunit;
using Xunit.Abstractions;

namespace Calculator.Tests.Parser;

/// <summary>
/// A measurement, not a benchmark gate: parses 200 000 generated lines of 20–25 tokens and reports µs per line
/// and bytes allocated per line. Asserts only that every line parsed. Meaningful in Release:
/// <c>dotnet test Calculator.Tests -c Release --filter ParserThroughputReport</c>.
/// </summary>
public class ParserThroughputReport(ITestOutputHelper output)
{
    private const int Lines = 200_000;

    private static readonly string[] Templates =
    [
        "12.5 * (3 + x) - sqrt(2) / 7 ^ 2 + max(1, 2, 3) % 4",
        "-{0} ^ 2 + 3 * (y - 1.25e-3) / (2 + z) - abs(-4) * 6",
        "f(a, b) = a * {0} + b ^ 2 - (a - b) / 3 + ln(a + 1)",
        "x = ({0} + 0x1F) * 2pi - floor(9.75 / 3) + 0b1011 - 1_000",
        "a < {0} && b >= 2 || !(c == 3) ? min(a, b) : 7 + 8 * 9",
    ];

    [Fact]
    public void Parse_200000Lines_ReportsMicrosecondsPerLine()
    {
        var lines = new string[Lines];
        for (var i = 0; i < Lines; i++)
        {
            lines[i] = string.Format(CultureInfo.InvariantCulture, Templates[i % Templates.Length], i);
        }
        var tokens = CountTokens(lines[0]);

        // Warm-up: tiered JIT and the static grammar.
        for (var i = 0; i < 20_000; i++)
        {
            CalcParser.ParseProgram(lines[i]);
        }

        var failures = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        foreach (var line in lines)
        {
            var result = CalcParser.ParseProgram(line);
            if (result.Count != 1 || result[0].Error is not null)
            {
                failures++;
            }
        }
        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Lines} lines (~{tokens} tokens each): {stopwatch.Elapsed.TotalMicroseconds / Lines:F2} µs/line, {allocated / Lines} bytes/line allocated"));
        Assert.Equal(0, failures);
    }

    private static int CountTokens(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Sum(part => part.Count(c => "()+-*/%^,!".Contains(c, StringComparison.Ordinal)) + 1);
}
