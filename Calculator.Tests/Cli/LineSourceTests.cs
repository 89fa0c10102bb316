using System.Text;
using Calculator.Cli.Input;
using Calculator.Parser;
using Xunit;

namespace Calculator.Tests.Cli;

public class LineSourceTests
{
    private static List<SourceLine> ReadAll(ILineSource source)
    {
        var lines = new List<SourceLine>();
        while (source.TryReadLine(out var line))
        {
            lines.Add(line);
        }

        return lines;
    }

    private static List<SourceLine> ReadAll(byte[] input, int chunk = int.MaxValue) =>
        ReadAll(new StreamLineSource(new ChunkedStream(input.Chunk(Math.Min(chunk, Math.Max(input.Length, 1)))), "<t>"));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1000)]
    public void Lines_SplitOnLf_DropCrBeforeLf_AnyChunking(int chunk)
    {
        var lines = ReadAll("a\r\nb\n\nc\rd\ne"u8.ToArray(), chunk);
        Assert.Equal(["a", "b", "", "c\rd", "e"], lines.Select(l => l.Text));
        Assert.Equal([1L, 2, 3, 4, 5], lines.Select(l => l.Number));
        Assert.All(lines, l => Assert.Null(l.Error));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(64)]
    public void ByteOrderMark_OnlyAtTheStart_IsSkipped(int chunk)
    {
        var lines = ReadAll([0xEF, 0xBB, 0xBF, .. "x\n"u8, 0xEF, 0xBB, 0xBF, .. "y"u8], chunk);
        Assert.Equal(["x", "\uFEFFy"], lines.Select(l => l.Text));
    }

    [Fact]
    public void PartialByteOrderMark_IsText()
    {
        var lines = ReadAll([0xEF, 0xBB, (byte)'\n']);
        Assert.Single(lines);
        Assert.Equal(DiagnosticKind.Syntax, lines[0].Error?.Kind);
    }

    [Fact]
    public void InvalidUtf8_PointsAtTheFirstBadByte_InTheEchoedText()
    {
        var line = Assert.Single(ReadAll([.. "é+"u8, 0x80, (byte)'1', 0xFF]));
        Assert.Equal("é+\uFFFD1\uFFFD", line.Text);
        Assert.Equal(new TextSpan(2, 1), line.Error!.Span);
        Assert.Equal("invalid UTF-8 byte 0x80", line.Error.Message);
    }

    [Fact]
    public void Nul_BeforeInvalidUtf8_IsReportedFirst()
    {
        var line = Assert.Single(ReadAll([(byte)'1', 0, 0xFF]));
        Assert.Equal("unexpected NUL character", line.Error!.Message);
        Assert.Equal(1, line.Error.Span.Start);
    }

    [Fact]
    public void LongLine_IsSkippedInFlatMemory_AndReadingGoesOn()
    {
        var input = new MemoryStream();
        input.Write("1\n"u8);
        input.Write(Encoding.ASCII.GetBytes(new string('7', 20 * 1024 * 1024)));
        input.Write("\n2\n"u8);
        input.Position = 0;
        var source = new StreamLineSource(input, "<t>");
        var lines = ReadAll(source);
        Assert.Equal(["1", "2"], lines.Where(l => l.Error is null).Select(l => l.Text));
        var tooLong = lines[1];
        Assert.Equal(2, tooLong.Number);
        Assert.Equal("limit: statement too long", tooLong.Error!.Message);
        Assert.Equal(DiagnosticKind.Limit, tooLong.Error.Kind);
        Assert.EndsWith("…", tooLong.Text, StringComparison.Ordinal);
        Assert.Equal(3, lines[2].Number);
        Assert.True(source.BufferSize <= 2 * 1024 * 1024, $"buffer grew to {source.BufferSize}");
    }

    [Fact]
    public void LongLine_EchoIsCutAtACharacterBoundary()
    {
        var text = string.Concat(Enumerable.Repeat("é", 600 * 1024));
        var line = Assert.Single(ReadAll(Encoding.UTF8.GetBytes(text + "\n")));
        Assert.NotNull(line.Error);
        Assert.DoesNotContain('\uFFFD', line.Text);
    }

    [Fact]
    public void ReadErrors_BecomeInputReadExceptions()
    {
        var source = new StreamLineSource(new FailingStream(new IOException("EIO")), "data.txt");
        var error = Assert.Throws<InputReadException>(() => source.TryReadLine(out _));
        Assert.Equal("cannot read data.txt: EIO", error.Message);
    }

    [Fact]
    public void BeforeRead_RunsBeforeEveryRead()
    {
        var log = new List<string>();
        var source = new StreamLineSource(new ChunkedStream(["a\nb"u8.ToArray(), "\n"u8.ToArray()], log), "<t>", () => log.Add("flush"));
        ReadAll(source);
        Assert.Equal(["flush", "read:1", "flush", "read:2", "flush", "read:3"], log);
    }

    [Fact]
    public void HasBufferedLine_TellsWhetherTheNextLineNeedsARead()
    {
        var log = new List<string>();
        var source = new StreamLineSource(new ChunkedStream(["a\nb\n"u8.ToArray(), "c"u8.ToArray()], log), "<t>");
        Assert.False(source.HasBufferedLine());
        Assert.True(source.TryReadLine(out var a));
        Assert.True(source.HasBufferedLine());
        Assert.True(source.TryReadLine(out var b));
        Assert.Equal(["read:1"], log);
        Assert.False(source.HasBufferedLine());
        Assert.True(source.TryReadLine(out var c));
        Assert.True(source.HasBufferedLine());
        Assert.False(source.TryReadLine(out _));
        Assert.Equal(["a", "b", "c"], [a.Text, b.Text, c.Text]);
        Assert.Equal(["read:1", "read:2", "read:3"], log);
    }

    [Fact]
    public void TextSource_SplitsArgumentsTextIntoLines()
    {
        var lines = ReadAll(new TextLineSource("1\r\n2\n\n3", "<args>"));
        Assert.Equal(["1", "2", "", "3"], lines.Select(l => l.Text));
        Assert.Equal("<args>", new TextLineSource("", "<args>").Name);
        Assert.Empty(ReadAll(new TextLineSource("", "<args>")));
    }
}

public class JsonTextTests
{
    private static string Json(string text)
    {
        var writer = new StringWriter();
        Calculator.Cli.Output.JsonText.WriteString(writer, text);
        return writer.ToString();
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"")]
    [InlineData("\0\u0001\u001f", "\"\\u0000\\u0001\\u001f\"")]
    [InlineData("é\U0001F600", "\"é\U0001F600\"")]
    public void Strings_AreEscaped(string text, string expected) => Assert.Equal(expected, Json(text));

    [Fact]
    public void LoneSurrogates_BecomeReplacementCharacters()
    {
        Assert.Equal("\"\uFFFDx\"", Json("\uD800x"));
        Assert.Equal("\"x\uFFFD\"", Json("x\uDC00"));
        Assert.Equal("\"\uFFFD\uFFFD\"", Json("\uDC00\uD800"));
    }

    [Fact]
    public void AnyString_RoundTripsThroughSystemTextJson()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var chars = Enumerable.Range(0, random.Next(0, 20)).Select(_ => (char)random.Next(0, 0x80)).ToArray();
            var text = new string(chars);
            using var document = System.Text.Json.JsonDocument.Parse(Json(text));
            Assert.Equal(text, document.RootElement.GetString());
        }
    }
}
