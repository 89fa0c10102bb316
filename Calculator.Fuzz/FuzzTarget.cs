using System.Diagnostics;
using System.Text;
using System.Text.Unicode;
using Calculator.Evaluator;
using Calculator.Parser;

namespace Calculator.Fuzz;

/// <summary>
/// What the fuzzer feeds: arbitrary bytes, read as the CLI reads stdin, through one session
/// with the default limits. Any exception that leaves <c>Run</c> is a bug.
/// </summary>
public static class FuzzTarget
{
    /// <summary>
    /// Splits <paramref name="input"/> into lines as the CLI does (BOM skipped, <c>\r\n</c> is a line end,
    /// lines of invalid UTF-8 or with NUL bytes are errors on that line only), runs every statement
    /// in one session as the CLI's statement runner does, and prints every value as the CLI would.
    /// </summary>
    /// <returns>The number of statements run, so the work cannot be optimised away.</returns>
    public static int Run(ReadOnlySpan<byte> input) => Run(input, out _, out _);

    /// <inheritdoc cref="Run(ReadOnlySpan{byte})"/>
    /// <param name="input">The bytes, as stdin would deliver them.</param>
    /// <param name="slowest">The longest time one statement took, printing included: what a user waits for.</param>
    /// <param name="slowestText">That statement's text.</param>
    /// <param name="statementTimeLimit">The session's time limit per statement (SPEC §8's 60 s when null).</param>
    public static int Run(ReadOnlySpan<byte> input, out TimeSpan slowest, out string slowestText, TimeSpan? statementTimeLimit = null)
    {
        slowest = TimeSpan.Zero;
        slowestText = "";
        if (input.StartsWith("\uFEFF"u8))
        {
            input = input[3..];
        }

        var session = statementTimeLimit is { } limit ? new Session(new SessionOptions { StatementTimeLimit = limit }) : new Session();
        var statements = 0;
        while (!input.IsEmpty)
        {
            var newline = input.IndexOf((byte)'\n');
            var line = newline >= 0 ? input[..newline] : input;
            input = newline >= 0 ? input[(newline + 1)..] : [];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (!Utf8.IsValid(line) || line.Contains((byte)0))
            {
                continue;
            }

            var start = Stopwatch.GetTimestamp();
            var text = Encoding.UTF8.GetString(line);
            foreach (var statement in CalcParser.ParseProgram(text))
            {
                statements++;
                var outcome = session.Execute(statement);
                if (outcome.Value is { } value)
                {
                    // The CLI prints one form: p/q for exact non-integers under --fraction, else decimals.
                    _ = value.Format();
                    if (value.TryGetFraction(out _, out var denominator) && !denominator.IsOne)
                    {
                        _ = value.Format(fraction: true);
                    }
                }

                var now = Stopwatch.GetTimestamp();
                var elapsed = Stopwatch.GetElapsedTime(start, now);
                if (elapsed > slowest)
                {
                    slowest = elapsed;
                    slowestText = text.Substring(statement.Span.Start, statement.Span.Length);
                }
                start = now;
            }
        }

        return statements;
    }

    // The stack of the CLI's worker thread (docs/cli.md), so recursion limits behave as in calc.
    private const int CliStackSize = 1024 << 20;

    /// <summary>Runs <paramref name="action"/> on a thread with the CLI's stack and rethrows what escapes it.</summary>
    public static void OnCliStack(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            // Not Calculator.Parser's LargeStack: SharpFuzz instruments that assembly, and its code
            // must not run before the fuzzer has set up the shared coverage map (afl's fork server
            // then dies at start-up with an access violation).
            Exception? escaped = null;
            var thread = new Thread(() =>
            {
                try
                {
                    action();
                }
#pragma warning disable CA1031 // Handed back to this thread.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    escaped = e;
                }
            }, CliStackSize);
            thread.Start();
            thread.Join();
            if (escaped is not null)
            {
                throw escaped;
            }
        }
#pragma warning disable CA1031 // Handed to the caller, who decides what a crash is.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            throw new InvalidOperationException("the engine threw: " + failure.GetType().Name + ": " + failure.Message, failure);
        }
    }
}
