using Calculator.Cli.Input;
using Xunit;

namespace Calculator.Tests.Cli;

/// <summary>The prompt's readline keys, wrapping and history file, through scripted keys.</summary>
public class LineEditorKeyTests
{
    private static string? ReadLine(ScriptedKeys keys, Func<IEnumerable<string>>? names = null) =>
        new LineEditor(keys, new StringWriter(), names: names).ReadLine("> ");

    [Fact]
    public void AltB_AltF_MoveByWords()
    {
        Assert.Equal("12 + xabc", ReadLine(new ScriptedKeys().Type("12 + abc").Alt('b').Type("x").Enter()));
        Assert.Equal("y12 + abc", ReadLine(new ScriptedKeys().Type("12 + abc").Alt('b').Alt('b').Type("y").Enter()));
        Assert.Equal("12z + abc", ReadLine(new ScriptedKeys().Type("12 + abc").Press(ConsoleKey.Home).Alt('f').Type("z").Enter()));
    }

    [Fact]
    public void EscapeThenB_IsAltB()
    {
        Assert.Equal("1 + x2", ReadLine(new ScriptedKeys().Type("1 + 2").EscapeThen('b').Type("x").Enter()));
    }

    [Fact]
    public void AltD_ErasesTheNextWord()
    {
        Assert.Equal("(2)", ReadLine(new ScriptedKeys().Type("sqrt(2)").Press(ConsoleKey.Home).Alt('d').Enter()));
    }

    [Fact]
    public void CtrlW_ErasesTheWordBeforeTheCursor()
    {
        Assert.Equal("1 + ", ReadLine(new ScriptedKeys().Type("1 + 23").Ctrl('w').Enter()));
        Assert.Equal("1 + 4", ReadLine(new ScriptedKeys().Type("1 + 23 ").Ctrl('w').Type("4").Enter()));
    }

    [Fact]
    public void CtrlL_ClearsTheScreen_AndKeepsTheLine()
    {
        var terminal = new StringWriter();
        var line = new LineEditor(new ScriptedKeys().Type("7").Ctrl('l').Type("8").Enter(), terminal).ReadLine("> ");
        Assert.Equal("78", line);
        Assert.Contains("\e[H\e[2J", terminal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CtrlR_FindsTheNewestMatch_AgainAnOlderOne_EnterRunsIt()
    {
        var keys = new ScriptedKeys()
            .Type("13").Enter().Type("2").Enter().Type("3+3").Enter()
            .Ctrl('r').Type("3").Enter()
            .Ctrl('r').Type("3").Ctrl('r').Enter();
        var editor = new LineEditor(keys, new StringWriter());
        for (var i = 0; i < 3; i++)
        {
            editor.ReadLine("> ");
        }

        Assert.Equal("3+3", editor.ReadLine("> "));
        Assert.Equal("13", editor.ReadLine("> "));
    }

    [Fact]
    public void CtrlR_CtrlG_GivesTheLineBack_OtherKeysKeepTheMatchForEditing()
    {
        var keys = new ScriptedKeys()
            .Type("sqrt(2)").Enter()
            .Type("1+").Ctrl('r').Type("sq").Ctrl('g').Type("1").Enter()
            .Ctrl('r').Type("(").Press(ConsoleKey.End).Type("+1").Enter();
        var editor = new LineEditor(keys, new StringWriter());
        editor.ReadLine("> ");
        Assert.Equal("1+1", editor.ReadLine("> "));
        Assert.Equal("sqrt(2)+1", editor.ReadLine("> "));
    }

    [Fact]
    public void CtrlR_ShowsTheSearch()
    {
        var terminal = new StringWriter();
        var keys = new ScriptedKeys().Type("6*7").Enter().Ctrl('r').Type("*").Enter();
        var editor = new LineEditor(keys, terminal);
        editor.ReadLine("> ");
        editor.ReadLine("> ");
        Assert.Contains("(reverse-i-search)'*': 6*7", terminal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Tab_CompletesTheCommonPrefix_ThenListsTheChoices()
    {
        string[] names = ["sqrt", "sin", "sinh", "pi", "x1"];
        Assert.Equal("sqrt(2)", ReadLine(new ScriptedKeys().Type("sq").Press(ConsoleKey.Tab, '\t').Type("(2)").Enter(), () => names));
        Assert.Equal("2*x1", ReadLine(new ScriptedKeys().Type("2*x").Press(ConsoleKey.Tab, '\t').Enter(), () => names));

        var terminal = new StringWriter();
        var keys = new ScriptedKeys().Type("si").Press(ConsoleKey.Tab, '\t').Press(ConsoleKey.Tab, '\t').Enter();
        Assert.Equal("sin", new LineEditor(keys, terminal, names: () => names).ReadLine("> "));
        Assert.Contains("\nsin  sinh\n", terminal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LongLine_WrapsAtTheWidth_AndTheCursorClimbsBack()
    {
        var terminal = new StringWriter();
        var view = new LineView(terminal, () => 10);
        view.Start("> ");
        view.Draw("> ", "12345678", 8);
        Assert.Equal("> \r\e[J> 12345678\r\n\r", terminal.ToString());

        terminal.GetStringBuilder().Clear();
        view.Draw("> ", "12345678", 0);
        Assert.Equal("\e[1A\r\e[J> 12345678\r\n\e[1A\r\e[2C", terminal.ToString());

        terminal.GetStringBuilder().Clear();
        view.Finish("");
        Assert.Equal("\e[1B\r", terminal.ToString());
    }

    [Fact]
    public void LongLine_EditedInTheMiddle_IsRedrawnFromItsFirstRow()
    {
        var terminal = new StringWriter();
        var keys = new ScriptedKeys { Columns = 10 }.Type("1+1+1+1+1+1+1+1+1").Press(ConsoleKey.Home).Type("2*")
            .Press(ConsoleKey.End).Press(ConsoleKey.LeftArrow).Enter();
        Assert.Equal("2*1+1+1+1+1+1+1+1+1", new LineEditor(keys, terminal).ReadLine("> "));

        // After End the cursor is on the third row; the next drawing climbs from there to the first.
        Assert.Contains("\e[2A\r\e[J> 2*1+1+1+1+1+1+1+1+1", terminal.ToString(), StringComparison.Ordinal);
    }
}

public sealed class LineHistoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("calc-history-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Lines_AreKeptInTheFile_ForTheNextSession()
    {
        var path = Path.Combine(_folder, "state", "calc", "history");
        var first = new LineHistory(path);
        first.Add("1+1");
        first.Add("1+1");
        first.Add("  ");
        first.Add("x = 2");

        Assert.Equal(["1+1", "x = 2"], new LineHistory(path).Entries);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void LongFile_IsCutBackToTheNewestEntries()
    {
        var path = Path.Combine(_folder, "history");
        File.WriteAllLines(path, Enumerable.Range(0, 2 * LineHistory.MaxEntries + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var history = new LineHistory(path);

        Assert.Equal(LineHistory.MaxEntries, history.Entries.Count);
        Assert.Equal("2000", history.Entries[^1]);
        Assert.Equal(LineHistory.MaxEntries, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void UnwritableFile_IsNoError()
    {
        var history = new LineHistory(Path.Combine(_folder, "missing", "\0bad"));
        history.Add("1");
        Assert.Equal(["1"], history.Entries);
    }

    [Theory]
    [InlineData("CALC_HISTORY=", null)]
    [InlineData("CALC_HISTORY=/tmp/h", "/tmp/h")]
    [InlineData("XDG_STATE_HOME=/s HOME=/h", "/s/calc/history")]
    [InlineData("XDG_STATE_HOME=relative HOME=/h", "/h/.local/state/calc/history")]
    [InlineData("HOME=/h", "/h/.local/state/calc/history")]
    [InlineData("", null)]
    public void DefaultPath_FollowsTheEnvironment(string variables, string? expected)
    {
        var environment = variables.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => v[1]);
        Assert.Equal(expected, LineHistory.DefaultPath(name => environment.GetValueOrDefault(name)));
    }
}
