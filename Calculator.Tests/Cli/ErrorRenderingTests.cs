using Calculator.Cli;
using Calculator.Cli.Output;
using Calculator.Parser;
using Xunit;

namespace Calculator.Tests.Cli;

public class ErrorRenderingTests
{
    private static string Render(string line, int start, int length, bool color = false)
    {
        var writer = new StringWriter();
        ErrorRenderer.Render(
            writer,
            new StatementContext("<stdin>", 7, line, new TextSpan(0, line.Length)),
            new Diagnostic(DiagnosticKind.Syntax, new TextSpan(start, length), "boom"),
            color);
        return writer.ToString();
    }

    [Fact]
    public void Caret_OneCharacter_IsACaret()
    {
        Assert.Equal("<stdin>:7:3: error: boom\n  1+*2\n    ^\n", Render("1+*2", 2, 1));
    }

    [Fact]
    public void Caret_LongerSpan_IsCaretAndTildes()
    {
        Assert.Equal("<stdin>:7:5: error: boom\n  1 + sqr(2)\n      ^~~\n", Render("1 + sqr(2)", 4, 3));
    }

    [Fact]
    public void Caret_EmptySpanAtEnd_PointsPastTheLastCharacter()
    {
        Assert.Equal("<stdin>:7:3: error: boom\n  1+\n    ^\n", Render("1+", 2, 0));
    }

    [Fact]
    public void Caret_AfterTabs_CopiesTheTabsToStayAligned()
    {
        Assert.Equal("<stdin>:7:4: error: boom\n  \t1\t*\n  \t \t^\n", Render("\t1\t*", 3, 1));
    }

    [Fact]
    public void Columns_CountCharacters_NotUtf16Units()
    {
        Assert.Equal("<stdin>:7:3: error: boom\n  \U0001F600+*\n    ^\n", Render("\U0001F600+*", 3, 1));
    }

    [Fact]
    public void Span_BeyondTheLine_IsClamped()
    {
        Assert.Equal("<stdin>:7:3: error: boom\n  ab\n    ^\n", Render("ab", 10, 5));
    }

    [Fact]
    public void ControlCharacters_InTheEcho_AreReplaced()
    {
        Assert.Equal("<stdin>:7:2: error: boom\n  \uFFFD\uFFFD1\n   ^\n", Render("\e\r1", 1, 1));
    }

    [Fact]
    public void LongLine_ShowsAWindowAroundTheSpan()
    {
        var line = new string('1', 500) + "*" + new string('2', 500);
        var lines = Render(line, 500, 1).Split('\n');
        Assert.Equal("<stdin>:7:501: error: boom", lines[0]);
        Assert.StartsWith("  …", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
        Assert.True(lines[1].Length < 200);
        Assert.Equal('*', lines[1][lines[2].Length - 1]);
        Assert.EndsWith("^", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void LongSpan_ShowsItsStartNotAllOfIt()
    {
        // A million-letter name: the echo and the underline stay a screen wide, not 2 MB.
        var line = "1 + " + new string('a', 1_000_000) + " + 2";
        var text = Render(line, 4, 1_000_000);
        var lines = text.Split('\n');
        Assert.Equal("<stdin>:7:5: error: boom", lines[0]);
        Assert.True(text.Length < 500, $"{text.Length} characters rendered");
        Assert.StartsWith("  1 + aaa", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
        Assert.Matches("^      \\^~+$", lines[2]);
    }

    [Fact]
    public void LongName_InTheMessage_IsShownByItsEnds()
    {
        var result = CliHarness.Args("1 + " + new string('a', 500_000) + "z");
        Assert.Equal(1, result.ExitCode);
        var first = result.Stderr.Split('\n')[0];
        Assert.StartsWith("<args>:1:5: error: unknown name 'aaa", first, StringComparison.Ordinal);
        Assert.Contains("…", first, StringComparison.Ordinal);
        Assert.EndsWith("aaz'", first, StringComparison.Ordinal);
        Assert.True(result.Stderr.Length < 1000, $"{result.Stderr.Length} characters on stderr");
    }

    [Fact]
    public void ColumnCursor_CountsLikeAFreshCountAcrossPairsAndRestarts()
    {
        var line = "\U0001F600a\U0001F600b;" + new string('x', 50) + "\U0001F600";
        var cursor = new ColumnCursor();
        foreach (var start in new[] { 0, 1, 2, 3, 4, 6, 5, 7, 30, 2, 58, 59, 60 })
        {
            Assert.Equal(TextColumns.Locate(line, start, 3), cursor.Locate(line, start, 3));
        }
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("json")]
    public void ManyErrorsOnOneLongLine_TakeLinearTime(string format)
    {
        // 'q;q;q;…' over 400 KB: 200 000 errors. Counting each error's column from the start of
        // the line made this quadratic (minutes for 1 MiB); now it is one pass.
        var line = string.Concat(Enumerable.Repeat("q;", 200_000));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = CliHarness.Run(line + "\n", "--format", format);
        clock.Stop();
        Assert.Equal(1, result.ExitCode);
        var output = format == "json" ? result.Stdout : result.Stderr;
        Assert.EndsWith(format == "json" ? "\"column\":399999,\"length\":1}}\n" : "  …" + string.Concat(Enumerable.Repeat("q;", 30)) + "q;\n" + new string(' ', 63) + "^\n", output, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{clock.Elapsed.TotalSeconds:F1} s for 200 000 errors");
    }

    [Fact]
    public void Color_MarksLocationErrorAndCaret()
    {
        var text = Render("1+*2", 2, 1, color: true);
        Assert.Equal("\e[1m<stdin>:7:3:\e[0m \e[1;31merror:\e[0m boom\n  1+*2\n    \e[1;32m^\e[0m\n", text);
    }

    [Fact]
    public void Color_OnlyWhenTheConsoleSaysSo()
    {
        var console = new CalcConsole(new MemoryStream("1+\n"u8.ToArray()), new StringWriter(), new StringWriter()) { ColorErrors = true };
        Assert.Contains("\e[1;31merror:", CliHarness.Run(console).Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\e[", CliHarness.Run("1+\n").Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_IsTheDiagnosticMessageVerbatim()
    {
        var statement = Assert.Single(CalcParser.ParseProgram("sqr(4)"));
        var expected = new Calculator.Evaluator.Session().Execute(statement.Syntax!).Error!;
        Assert.Contains("did you mean 'sqrt'?", expected.Message, StringComparison.Ordinal);

        var result = CliHarness.Args("sqr(4)");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"<args>:1:1: error: {expected.Message}\n  sqr(4)\n  ^~~\n", result.Stderr);
    }

    [Fact]
    public void ErrorsAndResults_KeepInputOrderAcrossStdoutAndStderr()
    {
        var log = new List<string>();
        var stdout = new RecordingWriter("out", log);
        var stderr = new RecordingWriter("err", log);
        CalcApp.Run([], new MemoryStream("1\n1+\n2\n"u8.ToArray()), stdout, stderr);
        var order = log.Where(e => e.StartsWith("out:", StringComparison.Ordinal) || e.StartsWith("err:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["out:1\n", "err:<stdin>:2:3: error: ", "out:2\n"], order.Select(e => e.Length > 24 ? e[..24] : e).ToList());
    }
}
