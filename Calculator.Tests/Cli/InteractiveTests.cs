using Calculator.Cli;
using Calculator.Cli.Input;
using Xunit;

namespace Calculator.Tests.Cli;

/// <summary>Keys typed by a test instead of a person.</summary>
internal sealed class ScriptedKeys : IKeyReader
{
    private readonly Queue<ConsoleKeyInfo> _keys = new();

    public int LinesEnded { get; private set; }

    public int Columns { get; set; } = 80;

    public ScriptedKeys Type(string text)
    {
        foreach (var c in text)
        {
            _keys.Enqueue(new ConsoleKeyInfo(c, c is >= 'a' and <= 'z' ? ConsoleKey.A + (c - 'a') : ConsoleKey.None, false, false, false));
        }

        return this;
    }

    public ScriptedKeys Press(ConsoleKey key, char keyChar = '\0', bool control = false)
    {
        _keys.Enqueue(new ConsoleKeyInfo(keyChar, key, false, false, control));
        return this;
    }

    public ScriptedKeys Enter() => Press(ConsoleKey.Enter, '\r');

    /// <summary>Ctrl and a letter, as .NET reports it: the letter's key, the control character, the modifier.</summary>
    public ScriptedKeys Ctrl(char letter) => Press(ConsoleKey.A + (letter - 'a'), (char)(letter - 'a' + 1), control: true);

    /// <summary>Alt and a letter, as .NET reports it when it parses the terminal's Escape prefix.</summary>
    public ScriptedKeys Alt(char letter)
    {
        _keys.Enqueue(new ConsoleKeyInfo(letter, ConsoleKey.A + (letter - 'a'), false, true, false));
        return this;
    }

    /// <summary>Escape then a letter, as a terminal sends Alt when .NET passes the Escape on.</summary>
    public ScriptedKeys EscapeThen(char letter) => Press(ConsoleKey.Escape, '\e').Type(letter.ToString());

    public ScriptedKeys CtrlD() => Press(ConsoleKey.D, '\x04', control: true);

    public ScriptedKeys CtrlC() => Press(ConsoleKey.C, '\x03', control: true);

    public ConsoleKeyInfo ReadKey() =>
        _keys.Count > 0 ? _keys.Dequeue() : throw new InvalidOperationException("the test ran out of keys");

    public void EndLine() => LinesEnded++;
}

public class LineEditorTests
{
    private static string? ReadLine(ScriptedKeys keys, LineEditor? editor = null) =>
        (editor ?? new LineEditor(keys, new StringWriter())).ReadLine("> ");

    [Fact]
    public void Typing_ThenEnter_ReturnsTheLine()
    {
        Assert.Equal("1+2", ReadLine(new ScriptedKeys().Type("1+2").Enter()));
    }

    [Fact]
    public void Typing_UnicodeOperators_KeepsThemAsTyped()
    {
        // Pasted signs reach the parser unchanged, so its errors can quote them (SPEC §2).
        var keys = new ScriptedKeys().Type("3 × √16 − 2²").Press(ConsoleKey.Backspace).Type("³").Enter();
        Assert.Equal("3 × √16 − 2³", ReadLine(keys));
    }

    [Fact]
    public void LeftArrow_InsertsAtTheCursor()
    {
        var keys = new ScriptedKeys().Type("13").Press(ConsoleKey.LeftArrow).Type("2").Enter();
        Assert.Equal("123", ReadLine(keys));
    }

    [Fact]
    public void HomeEnd_MoveToTheEnds()
    {
        var keys = new ScriptedKeys().Type("2").Press(ConsoleKey.Home).Type("1").Press(ConsoleKey.End).Type("3").Enter();
        Assert.Equal("123", ReadLine(keys));
    }

    [Fact]
    public void Backspace_And_Delete_Erase()
    {
        var keys = new ScriptedKeys().Type("12x34")
            .Press(ConsoleKey.LeftArrow).Press(ConsoleKey.LeftArrow).Press(ConsoleKey.Backspace)
            .Press(ConsoleKey.End).Press(ConsoleKey.LeftArrow).Press(ConsoleKey.Delete).Enter();
        Assert.Equal("123", ReadLine(keys));
    }

    [Fact]
    public void Backspace_AtTheStart_DoesNothing()
    {
        Assert.Equal("1", ReadLine(new ScriptedKeys().Type("1").Press(ConsoleKey.Home).Press(ConsoleKey.Backspace).Enter()));
    }

    [Fact]
    public void Backspace_RemovesASurrogatePairWhole()
    {
        Assert.Equal("1", ReadLine(new ScriptedKeys().Type("1\U0001F600").Press(ConsoleKey.Backspace).Enter()));
    }

    [Fact]
    public void UpDown_RecallEarlierLines_AndTheDraft()
    {
        var keys = new ScriptedKeys()
            .Type("1").Enter()
            .Type("2").Enter()
            .Press(ConsoleKey.UpArrow).Press(ConsoleKey.UpArrow).Enter()
            .Type("dr").Press(ConsoleKey.UpArrow).Press(ConsoleKey.DownArrow).Type("aft").Enter();
        var editor = new LineEditor(keys, new StringWriter());
        Assert.Equal("1", editor.ReadLine("> "));
        Assert.Equal("2", editor.ReadLine("> "));
        Assert.Equal("1", editor.ReadLine("> "));
        Assert.Equal("draft", editor.ReadLine("> "));
        Assert.Equal(["1", "2", "1", "draft"], editor.History);
    }

    [Fact]
    public void CtrlC_ClearsTheLine()
    {
        var terminal = new StringWriter();
        var keys = new ScriptedKeys().Type("12").CtrlC().Type("3").Enter();
        Assert.Equal("3", new LineEditor(keys, terminal).ReadLine("> "));
        Assert.Contains("^C\n", terminal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CtrlD_OnAnEmptyLine_EndsInput_ElsewhereDeletes()
    {
        Assert.Null(ReadLine(new ScriptedKeys().CtrlD()));
        Assert.Equal("12", ReadLine(new ScriptedKeys().Type("132").Press(ConsoleKey.LeftArrow).Press(ConsoleKey.LeftArrow).CtrlD().Enter()));
    }

    [Fact]
    public void Redraw_PutsTheCursorBackWithAnsiEscapes()
    {
        var terminal = new StringWriter();
        new LineEditor(new ScriptedKeys().Type("12").Press(ConsoleKey.LeftArrow).Enter(), terminal).ReadLine("> ");
        Assert.EndsWith("\r\e[J> 12\r\e[3C\r\e[J> 12\r\e[4C\n", terminal.ToString(), StringComparison.Ordinal);
    }
}

public class InteractiveTests
{
    private static (CliResult Result, ScriptedKeys Keys) RunPrompt(ScriptedKeys keys, params string[] args) =>
        RunPrompt(keys, static _ => null, args);

    private static (CliResult Result, ScriptedKeys Keys) RunPrompt(ScriptedKeys keys, Func<string, string?> environment, params string[] args)
    {
        var console = new CalcConsole(new MemoryStream(), new StringWriter(), new StringWriter())
        {
            StdinIsTerminal = true,
            StdoutIsTerminal = true,
            Keys = keys,
            EnvironmentVariable = environment,
            OpenFile = static path => path == "defs.calc"
                ? new MemoryStream("double(x) = 2 * x\nbase = 21\n"u8.ToArray())
                : throw new FileNotFoundException(path),
        };
        return (CliHarness.Run(console, args), keys);
    }

    [Fact]
    public void Help_PrintsOneScreen_AndIsNoStatement()
    {
        foreach (var command in new[] { "help", ":help" })
        {
            var (result, _) = RunPrompt(new ScriptedKeys().Type(command).Enter().Type("1+1").Enter().CtrlD());
            var helpStart = result.Stdout.IndexOf('\n', StringComparison.Ordinal) + 1;
            var help = result.Stdout[helpStart..(result.Stdout.IndexOf("\n> ", helpStart, StringComparison.Ordinal) + 1)];

            Assert.Equal("", result.Stderr);
            Assert.Contains("sqrt", help, StringComparison.Ordinal);
            Assert.Contains("Ctrl-R", help, StringComparison.Ordinal);
            var lines = help.Split('\n');
            Assert.True(lines.Length <= 24, $"help has {lines.Length} lines");
            Assert.All(lines, line => Assert.True(line.Length <= 80, $"too wide: {line}"));
            Assert.Equal(1, CountLines(result.Stdout, "2"));
        }
    }

    [Fact]
    public void Help_Examples_AllEvaluate()
    {
        var session = new Calculator.Evaluator.Session();
        session.Run("x = 3");
        foreach (var example in new[] { "2^100", "1/3 + 1/6", "sqrt(2)", "10 % 3", "5!", "x > 0 && x != 1", "x < 0 ? -x : x",
            "f(n) = n * 2", "f(n) = n < 2 ? 1 : n * f(n-1)", "f(5)", "255 to hex", "0xff & 15", "1 << 64", "~x", "7 // 2" })
        {
            Assert.All(session.Run(example), outcome => Assert.Null(outcome.Error));
        }
    }

    [Fact]
    public void InteractiveOption_RunsTheFileFirst_ThenThePromptHasItsNames()
    {
        var keys = new ScriptedKeys().Type("double(base)").Enter().Type("dou").Press(ConsoleKey.Tab, '\t').Type("(1)").Enter().Type("exit").Enter();
        var (result, _) = RunPrompt(keys, "-i", "-f", "defs.calc");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, CountLines(result.Stdout, "42"));
        Assert.Equal(1, CountLines(result.Stdout, "2"));
    }

    [Fact]
    public void History_IsKeptForTheNextSession_UnlessCalcHistoryIsEmpty()
    {
        var state = Directory.CreateTempSubdirectory("calc-state-").FullName;
        try
        {
            string? Environment(string name) => name == "XDG_STATE_HOME" ? state : null;
            RunPrompt(new ScriptedKeys().Type("6*7").Enter().CtrlD(), Environment);
            var (second, _) = RunPrompt(new ScriptedKeys().Press(ConsoleKey.UpArrow).Enter().CtrlD(), Environment);

            Assert.Equal(1, CountLines(second.Stdout, "42"));
            Assert.Equal(["6*7"], File.ReadAllLines(Path.Combine(state, "calc", "history")));

            Directory.Delete(Path.Combine(state, "calc"), recursive: true);
            RunPrompt(new ScriptedKeys().Type("1").Enter().CtrlD(), name => name == "CALC_HISTORY" ? "" : Environment(name));
            Assert.False(Directory.Exists(Path.Combine(state, "calc")));
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public void Prompt_AnswersEachLine_UpArrowRepeats_ExitLeaves()
    {
        var keys = new ScriptedKeys().Type("1+2").Enter().Press(ConsoleKey.UpArrow).Enter().Type("exit").Enter();
        var (result, _) = RunPrompt(keys);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("> ", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, CountLines(result.Stdout, "3"));
    }

    [Fact]
    public void Prompt_ErrorsShowInlineWithACaret_TheSessionGoesOn_AndQuitLeavesWithZero()
    {
        var keys = new ScriptedKeys().Type("x = 4").Enter().Type("1+*2").Enter().Type("x*2").Enter().Type("quit").Enter();
        var (result, _) = RunPrompt(keys);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("<stdin>:2:3: error: unexpected '*'; expected a number, a name or '('\n  1+*2\n    ^\n", result.Stderr);
        Assert.Equal(1, CountLines(result.Stdout, "8"));
    }

    [Fact]
    public void Prompt_CtrlDOnEmptyLine_Leaves()
    {
        var (result, _) = RunPrompt(new ScriptedKeys().Type("7").Enter().CtrlD());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, CountLines(result.Stdout, "7"));
    }

    [Fact]
    public void Prompt_NotUsed_WhenThereIsAnExpressionOrAFile()
    {
        var (result, keys) = RunPrompt(new ScriptedKeys(), "2*21");
        Assert.Equal("42\n", result.Stdout);
        Assert.Equal(0, keys.LinesEnded);
    }

    [Fact]
    public void Prompt_GoesToStderr_WhenStdoutIsRedirected()
    {
        var console = new CalcConsole(new MemoryStream(), new StringWriter(), new StringWriter())
        {
            StdinIsTerminal = true,
            Keys = new ScriptedKeys().Type("6*7").Enter().CtrlD(),
            EnvironmentVariable = static _ => null,
        };
        var result = CliHarness.Run(console);
        Assert.Equal("42\n", result.Stdout);
        Assert.StartsWith("> ", result.Stderr, StringComparison.Ordinal);
    }

    private static int CountLines(string text, string line) =>
        text.Split('\n').Count(l => l == line);
}
