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
        Tmux(["new-session", "-d", "-s", "calc", "-x", "100", "-y", "30", $"NO_COLOR=1 '{calc}'; echo EXIT=$?; sleep 600"]);

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
