using System.Text.Json;
using Xunit;

namespace Calculator.Tests.Cli;

public class JsonOutputTests
{
    private static List<JsonElement> Objects(CliResult result)
    {
        Assert.EndsWith("\n", result.Stdout, StringComparison.Ordinal);
        return result.Stdout.TrimEnd('\n').Split('\n').Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            return document.RootElement.Clone();
        }).ToList();
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Json_Value_HasSourceLineInputValueExact()
    {
        var result = CliHarness.Run("\n\n2^10\n", "--format", "json");
        Assert.Equal("{\"source\":\"<stdin>\",\"line\":3,\"input\":\"2^10\",\"value\":\"1024\",\"exact\":true}\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Json_ApproximateValue_IsNotExact()
    {
        var item = Assert.Single(Objects(CliHarness.Args("--format", "json", "-p", "5", "sqrt(2)")));
        Assert.Equal("1.4142", item.GetProperty("value").GetString());
        Assert.False(item.GetProperty("exact").GetBoolean());
        Assert.Equal("<args>", item.GetProperty("source").GetString());
    }

    [Fact]
    public void Json_Error_HasKindMessageColumnLength()
    {
        var result = CliHarness.Run("1\n2\n3\n1+*2\n", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var error = Objects(result)[3];
        Assert.Equal(["source", "line", "input", "error"], Names(error));
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Equal("1+*2", error.GetProperty("input").GetString());
        var details = error.GetProperty("error");
        Assert.Equal(["kind", "message", "column", "length"], Names(details));
        Assert.Equal("syntax", details.GetProperty("kind").GetString());
        Assert.Equal("unexpected '*'; expected a number, a name or '('", details.GetProperty("message").GetString());
        Assert.Equal(3, details.GetProperty("column").GetInt32());
        Assert.Equal(1, details.GetProperty("length").GetInt32());
    }

    [Fact]
    public void Json_AssignmentAndDefinition_EachYieldOneObjectWithName()
    {
        var items = Objects(CliHarness.Args("--format", "json", "x = 3; f(a) = a*x; f(2)"));
        Assert.Equal(3, items.Count);
        Assert.Equal(["source", "line", "input", "name", "value", "exact"], Names(items[0]));
        Assert.Equal("x", items[0].GetProperty("name").GetString());
        Assert.Equal("3", items[0].GetProperty("value").GetString());
        Assert.Equal("x = 3", items[0].GetProperty("input").GetString());
        Assert.Equal(["source", "line", "input", "name"], Names(items[1]));
        Assert.Equal("f", items[1].GetProperty("name").GetString());
        Assert.Equal("f(a) = a*x", items[1].GetProperty("input").GetString());
        Assert.Equal("6", items[2].GetProperty("value").GetString());
    }

    [Fact]
    public void Json_OneObjectPerStatement_InInputOrder_IncludingErrors()
    {
        var result = CliHarness.Run("1; 1/0; 3\nbad(\n5\n", "--format", "json");
        var items = Objects(result);
        Assert.Equal(5, items.Count);
        Assert.Equal([1, 1, 1, 2, 3], items.Select(i => i.GetProperty("line").GetInt32()));
        Assert.Equal("division-by-zero", items[1].GetProperty("error").GetProperty("kind").GetString());
        Assert.InRange(items[1].GetProperty("error").GetProperty("column").GetInt32(), 4, 6);
        Assert.Equal("5", items[4].GetProperty("value").GetString());
    }

    [Fact]
    public void Json_Fraction_AppliesToValues()
    {
        var item = Assert.Single(Objects(CliHarness.Args("--format", "json", "--fraction", "1/3")));
        Assert.Equal("1/3", item.GetProperty("value").GetString());
        Assert.False(item.TryGetProperty("rounded", out _));
    }

    [Fact]
    public void Json_TerminatingExactValue_PrintsAllDigitsWithoutRounded()
    {
        var result = CliHarness.Run("10^20 + 1/2\n", "--format", "json");
        Assert.Equal(
            "{\"source\":\"<stdin>\",\"line\":1,\"input\":\"10^20 + 1/2\",\"value\":\"100000000000000000000.5\",\"exact\":true}\n",
            result.Stdout);
    }

    [Fact]
    public void Json_NonTerminatingOrApproximate_SaysRounded()
    {
        var items = Objects(CliHarness.Run("1/3\nsqrt(2)\nx = 2/3\n", "--format", "json", "-p", "5"));
        Assert.Equal("0.33333", items[0].GetProperty("value").GetString());
        Assert.Equal(["source", "line", "input", "value", "exact", "rounded"], Names(items[0]));
        Assert.True(items[0].GetProperty("exact").GetBoolean());
        Assert.True(items[0].GetProperty("rounded").GetBoolean());
        Assert.False(items[1].GetProperty("exact").GetBoolean());
        Assert.True(items[1].GetProperty("rounded").GetBoolean());
        Assert.Equal(["source", "line", "input", "name", "value", "exact", "rounded"], Names(items[2]));
    }

    [Theory]
    [InlineData("20", "2^10")]
    [InlineData("20", "1/8")]
    [InlineData("20", "1 < 2")]
    [InlineData("5", "123456.7")]
    [InlineData("5", "1/2^30")]
    public void Json_ExactText_HasNoRoundedKey(string precision, string expression)
    {
        var item = Assert.Single(Objects(CliHarness.Args("-p", precision, "--format", "json", "--", expression)));
        Assert.False(item.TryGetProperty("rounded", out _));
    }

    [Fact]
    public void Json_InvalidUtf8Line_StillValidJsonWithReplacementCharacter()
    {
        var result = CliHarness.Run([.. "\"\\"u8, 0xFF, 0x01, .. "\t\n"u8], "--format", "json");
        var item = Assert.Single(Objects(result));
        Assert.Equal("\"\\\uFFFD\u0001\t", item.GetProperty("input").GetString());
        Assert.Equal(3, item.GetProperty("error").GetProperty("column").GetInt32());
        Assert.Equal("syntax", item.GetProperty("error").GetProperty("kind").GetString());
    }

    [Fact]
    public void Json_NulLine_IsValidJson()
    {
        var item = Assert.Single(Objects(CliHarness.Run([.. "1"u8, 0, .. "\n"u8], "--format", "json")));
        Assert.Equal("1\0", item.GetProperty("input").GetString());
        Assert.Contains("\\u0000", CliHarness.Run([.. "1"u8, 0, .. "\n"u8], "--format", "json").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_TooLongLine_IsOneLimitObject()
    {
        var item = Assert.Single(Objects(CliHarness.Run(new string('9', 2 * 1024 * 1024) + "\n", "--format", "json")));
        Assert.Equal("limit", item.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal("limit: statement too long", item.GetProperty("error").GetProperty("message").GetString());
        Assert.True(item.GetProperty("input").GetString()!.Length < 300);
    }

    [Fact]
    public void Json_SourceName_IsEscaped()
    {
        var path = Path.Combine(Path.GetTempPath(), $"calc \"q\\{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "1\n");
        try
        {
            var item = Assert.Single(Objects(CliHarness.Args("--format", "json", "-f", path)));
            Assert.Equal(path, item.GetProperty("source").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Json_ColumnsCountCharactersNotUtf16Units()
    {
        var item = Assert.Single(Objects(CliHarness.Run("\U0001F600 + 1\n", "--format", "json")));
        Assert.Equal(1, item.GetProperty("error").GetProperty("column").GetInt32());
        Assert.Equal(1, item.GetProperty("error").GetProperty("length").GetInt32());
    }
}
