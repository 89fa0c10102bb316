namespace Calculator.Cli.Input;

/// <summary>Keys from the terminal; tests replace the console with a queue.</summary>
internal interface IKeyReader
{
    /// <summary>The terminal's width in columns, where a long line wraps.</summary>
    int Columns { get; }

    /// <summary>Waits for the next key, without echoing it. Ctrl-C arrives as a key.</summary>
    ConsoleKeyInfo ReadKey();

    /// <summary>A line is complete: until the next <see cref="ReadKey"/> Ctrl-C interrupts the statement.</summary>
    void EndLine();
}

/// <summary>The real terminal, through <see cref="Console.ReadKey(bool)"/> (no extra packages, AOT friendly).</summary>
internal sealed class ConsoleKeyReader : IKeyReader
{
    // What .NET writes when it sets the terminal up for reading keys (keypad_xmit), and its undoing.
    private const string KeypadLocal = "\e[?1l\e>";
    private static int s_used;

    public int Columns
    {
        get
        {
            try
            {
                return Console.WindowWidth;
            }
            catch (IOException)
            {
                return 80;
            }
        }
    }

    public ConsoleKeyInfo ReadKey()
    {
        Volatile.Write(ref s_used, 1);

        // Ctrl-C clears the line while editing; while a statement runs it is SIGINT, which stops the statement.
        Console.TreatControlCAsInput = true;
        return Console.ReadKey(intercept: true);
    }

    public void EndLine() => Console.TreatControlCAsInput = false;

    /// <summary>
    /// Puts the terminal's keypad back in the mode calc found it in, if the prompt changed it. Runs at
    /// every exit, after the last output, because .NET leaves the mode set when the process ends.
    /// </summary>
    public static void RestoreTerminal()
    {
        if (Interlocked.Exchange(ref s_used, 0) == 0 || Console.IsOutputRedirected)
        {
            return;
        }

        try
        {
            using var terminal = Console.OpenStandardOutput();
            terminal.Write(System.Text.Encoding.ASCII.GetBytes(KeypadLocal));
        }
        catch (IOException)
        {
        }
    }
}
