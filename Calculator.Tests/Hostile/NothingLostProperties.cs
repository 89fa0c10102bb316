using System.Text;
using System.Text.Json;
using Calculator.Tests.Cli;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Calculator.Tests.Hostile;

/// <summary>
/// Nothing is lost: in <c>--format json</c> every statement of every line yields exactly one
/// object, in input order, whatever mix of good, failing, blank and undecodable lines comes in.
/// </summary>
public sealed class NothingLostProperties
{
    /// <summary>A line of input and how many statements it holds.</summary>
    public sealed record Line(byte[] Bytes, int Statements)
    {
        public override string ToString() => Encoding.UTF8.GetString(Bytes).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    private static Line L(string text, int statements) => new(Encoding.UTF8.GetBytes(text), statements);

    private static readonly Line[] Lines =
    [
        L("", 0),
        L("   \t ", 0),
        L("# only a comment", 0),
        L(";;", 0),
        L("1+2", 1),
        L("2^64 - 1", 1),
        L("sqrt(2)", 1),
        L("x = 3", 1),
        L("f(a) = a^2", 1),
        L("f(x) + 1", 1),
        L("2; 3 # two", 2),
        L("1;", 1),
        L("1+*2", 1),
        L("1/0", 1),
        L("sqrt(-1)", 1),
        L("nope(1)", 1),
        L("1 < 2 < 3", 1),
        L("9^9^9", 1),
        L("1+*2; 5; 1/0", 3),
        L("(1;2)", 2),
        L("\"quoted\" \\ back", 1),
        L("π * 2", 1),
        new([0xFF, (byte)'1'], 1),
        new([(byte)'1', 0x00, (byte)'2'], 1),
        new([(byte)'1', (byte)'+', 0xC3], 1),
        L("1+1\r", 1),
    ];

    private static readonly Gen<Line[]> Programs = Gen.Elements(Lines).ArrayOf();

    [Property(MaxTest = 200)]
    public Property Json_output_Has_one_object_per_statement_in_line_order() =>
        Prop.ForAll(Programs.ToArbitrary(), lines =>
        {
            var input = lines.SelectMany(l => l.Bytes.Append((byte)'\n')).ToArray();
            var expected = lines.SelectMany((l, i) => Enumerable.Repeat(i + 1, l.Statements)).ToArray();

            var result = CliHarness.Run(input, "--format", "json");

            var objects = result.OutLines.Select(o => JsonDocument.Parse(o).RootElement).ToArray();
            var actual = objects.Select(o => o.GetProperty("line").GetInt32()).ToArray();
            var failed = objects.Any(o => o.TryGetProperty("error", out _));
            return actual.SequenceEqual(expected)
                && objects.All(o => o.GetProperty("source").GetString() == "<stdin>")
                && result.ExitCode == (failed ? 1 : 0)
                && result.Stderr.Length == 0;
        });

    [Fact]
    public void Json_output_Counts_statements_of_a_known_mix()
    {
        var result = CliHarness.Run("1\n\n1+*2; 3\n# c\n\u00ff\n", "--format", "json");

        Assert.Equal([1, 3, 3, 5], result.OutLines.Select(o => JsonDocument.Parse(o).RootElement.GetProperty("line").GetInt32()));
    }
}
