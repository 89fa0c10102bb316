namespace Calculator.Cli.Commands;

/// <summary>What the command line asked for.</summary>
/// <param name="Expression">Positional arguments; joined by single spaces they are the program.</param>
/// <param name="Files">The <c>-f</c> paths in order; <c>-</c> is stdin.</param>
/// <param name="Precision">Significant digits of approximate results.</param>
/// <param name="Fraction">Print exact non-integers as <c>p/q</c>.</param>
/// <param name="Json">JSON Lines instead of plain text.</param>
/// <param name="FailFast">Stop at the first error.</param>
/// <param name="Threads"><c>--threads</c>; null when not given (then <c>CALC_THREADS</c> or the default).</param>
/// <param name="Interactive">Open the prompt after the files and arguments (<c>-i</c>).</param>
/// <param name="Radix"><c>--base</c>: 2, 8, 10 or 16, the base integer results print in.</param>
internal sealed record CalcSettings(
    IReadOnlyList<string> Expression,
    IReadOnlyList<string> Files,
    int Precision,
    bool Fraction,
    bool Json,
    bool FailFast,
    int? Threads = null,
    bool Interactive = false,
    int Radix = 10);
