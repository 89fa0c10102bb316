namespace Calculator.Cli.Input;

/// <summary>Keys from the terminal; tests replace the console with a queue.</summary>
internal interface IKeyReader
{
    /// <summary>Waits for the next key, without echoing it. Ctrl-C arrives as a key.</summary>
    ConsoleKeyInfo ReadKey();

    /// <summary>A line is complete: until the next <see cref="ReadKey"/> Ctrl-C interrupts calc again.</summary>
    void EndLine();
}

/// <summary>The real terminal, through <see cref="Console.ReadKey(bool)"/> (no extra packages, AOT friendly).</summary>
internal sealed class ConsoleKeyReader : IKeyReader
{
    public ConsoleKeyInfo ReadKey()
    {
        // Ctrl-C clears the line while editing; while a statement runs it stops calc, as in bc.
        Console.TreatControlCAsInput = true;
        return Console.ReadKey(intercept: true);
    }

    public void EndLine() => Console.TreatControlCAsInput = false;
}
