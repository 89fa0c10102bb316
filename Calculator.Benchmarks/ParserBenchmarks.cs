using BenchmarkDotNet.Attributes;
using Calculator.Parser;

namespace Calculator.Benchmarks;

/// <summary>
/// Lex and parse of lines of exactly 20 tokens each, the unit docs/performance.md reports:
/// one operation parses the five lines, so divide by 5 for a line.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    // Every grammar form: arithmetic, powers, calls, implicit products, comparisons, logic,
    // a conditional, an assignment and a definition.
    private static readonly string[] TwentyTokenLines =
    [
        "12.5 * (3 + x) - sqrt(2) / 7 ^ 2 + 1 % 4",
        "-4 ^ 2 + 3 * (y - 1.25e-3) / (2 + z) - 6",
        "x = (17 + 0x1F) * 2(pi + 1) - floor(9.75 / 3)",
        "a < 3 && b >= 2 || !(c == 3) ? 1 : 7 + 8",
        "f(a, b) = a * 2 + b ^ 2 - (a - b) / 3",
    ];

    /// <summary>Text to trees, five lines.</summary>
    [Benchmark]
    public int ParseLine20Tokens()
    {
        var count = 0;
        foreach (var line in TwentyTokenLines)
        {
            count += CalcParser.ParseProgram(line).Count;
        }
        return count;
    }
}
