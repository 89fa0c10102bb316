using System.Diagnostics;
using Calculator.Tests.Support;
using Xunit;

namespace Calculator.Tests.Cli;

/// <summary>The prompt in a real terminal: calc runs in a detached tmux session and gets real key presses.</summary>
public sealed class TerminalTests : IDisposable
{
    private readonly string _socket = $"calc-test-{Guid.NewGuid():N}";

    public void Dispose() => Tmux(["kill-server"], check: false);

    [FactNeeding("tmux")]
    public void Prompt_InTmux_AnswersRecallsAndExits()
    {
        var calc = CalcExecutable.Path;
        Tmux(["new-session", "-d", "-s", "calc", "-x", "100", "-y", "30", $"NO_COLOR=1 CALC_HISTORY= '{calc}'; echo EXIT=$?; sleep 600"]);

        WaitFor(screen => Lines(screen).Contains(">"), "the prompt");
        Keys("1+2", "Enter");
        WaitFor(screen => Lines(screen).Count(l => l == "3") == 1, "the first answer");
        Keys("Up", "Enter");
        WaitFor(screen => Lines(screen).Count(l => l == "3") == 2, "the recalled line's answer");
        Keys("12", "Left", "Left", "4", "End", "5", "Enter");
        WaitFor(screen => Lines(screen).Contains("4125"), "the edited line's answer");
        Keys("99", "C-c", "6*7", "Enter");
        WaitFor(screen => Lines(screen).Contains("42"), "the answer after Ctrl-C cleared the line");
        Keys("exit", "Enter");
        var final = WaitFor(screen => screen.Contains("EXIT=0", StringComparison.Ordinal), "calc to exit with status 0");

        // At least the typed and the recalled line; under heavy load the editor may redraw a line once more.
        Assert.True(Lines(final).Count(l => l == "> 1+2") >= 2, $"expected the typed and the recalled line; the screen was:\n{final}");
        Assert.Contains("> 99^C", final, StringComparison.Ordinal);
    }

    [Fact]
    public void CtrlC_InTmux_StopsTheStatement_KeepsTheSession_AndExitResetsTheKeypad()
    {
        Start(100);
        Keys("x = 5", "Enter", "fib(n) = n < 2 ? n : fib(n-1) + fib(n-2)", "Enter", "fib(60)", "Enter");
        WaitFor(screen => Lines(screen).Contains("> fib(60)"), "the long statement");
        Thread.Sleep(500);
        Assert.Equal("1 1", Tmux(["display", "-p", "-t", "calc", "#{keypad_cursor_flag} #{keypad_flag}"]).Trim());
        Keys("C-c");
        WaitFor(screen => screen.Contains("error: interrupted", StringComparison.Ordinal), "the interrupted statement");
        Keys("x + 1", "Enter");
        WaitFor(screen => Lines(screen).Contains("6"), "the variable defined before Ctrl-C");
        Keys("quit", "Enter");
        WaitFor(screen => screen.Contains("EXIT=0", StringComparison.Ordinal), "calc to exit with status 0");
        Assert.Equal("0 0", Tmux(["display", "-p", "-t", "calc", "#{keypad_cursor_flag} #{keypad_flag}"]).Trim());
    }

    [Fact]
    public void Sigterm_AtThePrompt_ExitsWith143_AndResetsTheKeypad()
    {
        Tmux(["new-session", "-d", "-s", "calc", "-x", "100", "-y", "30",
            $"sh -c 'echo PID=$$; NO_COLOR=1 CALC_HISTORY= exec \"{CalcExecutable.Path}\"'; echo EXIT=$?; sleep 600"]);
        var screen = WaitFor(screen => Lines(screen).Contains(">"), "the prompt");
        Keys("7");
        WaitFor(screen => Lines(screen).Contains("> 7"), "the typed key");
        var pid = Lines(screen).Single(l => l.StartsWith("PID=", StringComparison.Ordinal))[4..];
        using (var kill = Process.Start("kill", ["-TERM", pid]))
        {
            kill.WaitForExit();
        }

        WaitFor(screen => screen.Contains("EXIT=143", StringComparison.Ordinal), "calc to exit with status 143");
        Assert.Equal("0 0", Tmux(["display", "-p", "-t", "calc", "#{keypad_cursor_flag} #{keypad_flag}"]).Trim());
    }

    [Fact]
    public void IntegerOperatorsAndTo_InTmux_AnswerAtThePrompt()
    {
        Start(100);
        Keys("255 to hex", "Enter");
        WaitFor(screen => Lines(screen).Contains("0xff"), "255 in hex");
        Keys("ans | 256", "Enter");
        WaitFor(screen => Lines(screen).Contains("511"), "ans, the number, or 256");
        Keys("~(1 << 4) & 0xff to bin", "Enter");
        WaitFor(screen => Lines(screen).Contains("0b11101111"), "the masked complement in binary");
        Keys("0 - 7 // 2 ** 2", "Enter");
        WaitFor(screen => Lines(screen).Contains("-1"), "the floored quotient");
        Keys("x = 3 to hex", "Enter");
        WaitFor(screen => screen.Contains("an assignment prints nothing to convert", StringComparison.Ordinal), "the misplaced 'to'");
        Keys("quit", "Enter");
        WaitFor(screen => screen.Contains("EXIT=0", StringComparison.Ordinal), "calc to exit with status 0");
    }

    [Fact]
    public void LongLine_InTmux_WrapsWithoutGarbling()
    {
        Start(30);
        var line = string.Join("+", Enumerable.Repeat("1", 40));
        Keys(line);
        Keys("Home", "2", "*", "End", "Left", "Left", "Right", "Right");
        WaitFor(screen => Joined(screen).Contains("> 2*" + line, StringComparison.Ordinal), "the wrapped line");
        var screen = Tmux(["capture-pane", "-p", "-t", "calc"]);
        Assert.Single(Lines(screen), l => l.StartsWith('>'));
        Keys("Enter");
        WaitFor(screen => Lines(screen).Contains("41"), "the long line's answer");
    }

    [Fact]
    public void ReadlineKeys_InTmux_WordsSearchAndCompletion()
    {
        Start(100);
        Keys("total = 40", "Enter");
        Keys("2 + to", "Tab", "M-b", "M-b", "M-d", "3", "Enter");
        WaitFor(screen => Lines(screen).Contains("43"), "Alt-b, Alt-d and Tab's answer");
        Keys("7 + 80 * 6", "C-w", "C-w", "+ 1", "Enter");
        WaitFor(screen => Lines(screen).Contains("88"), "Ctrl-W's answer");
        Keys("C-r", "7 +", "Enter");
        WaitFor(screen => Lines(screen).Count(l => l == "88") == 2, "the answer of the line Ctrl-R found");
        Keys("help", "Enter");
        WaitFor(screen => screen.Contains("Ctrl-R search history", StringComparison.Ordinal), "the help");
        Keys("C-l");
        WaitFor(screen => !screen.Contains("Ctrl-R search history", StringComparison.Ordinal), "the cleared screen");
    }

    private void Start(int width)
    {
        Tmux(["new-session", "-d", "-s", "calc", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", "30",
            $"NO_COLOR=1 CALC_HISTORY= '{CalcExecutable.Path}'; echo EXIT=$?; sleep 600"]);
        WaitFor(screen => Lines(screen).Contains(">"), "the prompt");

        // .NET sets the keypad mode as it first reads a key; keys sent before that would be echoed
        // by the terminal itself, as for any program that is not reading yet.
        var clock = Stopwatch.StartNew();
        while (Tmux(["display", "-p", "-t", "calc", "#{keypad_cursor_flag}"]).Trim() != "1" && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(50);
        }

        Thread.Sleep(100);
    }

    private static string Joined(string screen) => string.Concat(screen.Split('\n').Select(l => l.TrimEnd()));

    private static string[] Lines(string screen) => screen.Split('\n').Select(l => l.TrimEnd()).ToArray();

    private string WaitFor(Func<string, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        var screen = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            screen = Tmux(["capture-pane", "-p", "-t", "calc"]);
            if (condition(screen))
            {
                return screen;
            }

            Thread.Sleep(50);
        }

        Assert.Fail($"timed out waiting for {what}; the screen was:\n{screen}");
        return screen;
    }

    private void Keys(params string[] keys) => Tmux(["send-keys", "-t", "calc", .. keys]);

    private string Tmux(string[] arguments, bool check = true)
    {
        ProcessStartInfo start = new("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-L", _socket, "-f", "/dev/null", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"tmux is needed for the terminal test and could not be started ({ex.Message}); install it (apt-get install tmux)");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (check && process.ExitCode != 0)
            {
                Assert.Fail($"tmux {string.Join(' ', arguments)} failed: {error}");
            }

            return output;
        }
    }
}
