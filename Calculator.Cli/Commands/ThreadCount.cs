using System.Globalization;

namespace Calculator.Cli.Commands;

/// <summary>
/// How many threads run the statements of stdin and files (SPEC §7): <c>--threads</c>, else
/// <c>CALC_THREADS</c>, else the processors calc may use. One runs the plain read, parse and
/// evaluate loop; N &gt; 1 runs N − 1 parse workers beside the thread that evaluates and prints.
/// </summary>
internal static class ThreadCount
{
    public const int Max = 256;

    /// <summary>The environment variable that sets the count when <c>--threads</c> is not given.</summary>
    public const string Variable = "CALC_THREADS";

    /// <summary>
    /// The default: <see cref="Environment.ProcessorCount"/> honours the process's affinity
    /// (<c>taskset</c>) and a container's CPU limit, so a one-CPU container runs one thread.
    /// </summary>
    public static int Default => Math.Min(Environment.ProcessorCount, Max);

    public static bool TryParse(string text, out int threads) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out threads) && threads is >= 1 and <= Max;

    /// <summary>The usage error for a count that <see cref="TryParse"/> refuses; <paramref name="name"/> says where it came from.</summary>
    public static string Invalid(string name, string text) => $"{name} takes a whole number from 1 to {Max}, not '{text}'";
}
