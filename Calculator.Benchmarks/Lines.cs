namespace Calculator.Benchmarks;

/// <summary>Typical statements of the kinds calc meets in files, one set per benchmark parameter.</summary>
public static class Lines
{
    /// <summary>The names of the line kinds, as benchmark parameters.</summary>
    public static IEnumerable<string> Kinds => Samples.Keys;

    /// <summary>Eight lines of each kind, like the corpora of bench/gen-corpus.pl.</summary>
    public static IReadOnlyDictionary<string, string[]> Samples { get; } = new Dictionary<string, string[]>
    {
        ["integers"] = ["91417 + 33121", "7673 * 3579 - 78", "(789 + 538) * 66", "124 - 93 * 57 + 4410", "3 + 4", "65536 - 1", "12 * 12", "(1 + 2) * (3 + 4)"],
        ["decimals"] = ["238.1 * 897.36", "52.5 + 7.25 - 1.75", "26164 / 25", "-924 + (635.9 - 3) * 14", "0.1 + 0.2", "3.75 * 4", "1.5 / 8", "99.99 - 0.01"],
        ["powers"] = ["484^2", "823^3", "2^64 - 1", "12^5 + 7", "2^-3", "(3/4)^4", "9^0.5", "10^20"],
        ["functions"] = ["sqrt(165.1) + ln(165.1)", "atan(933.8)", "sin(0.25) + cos(0.25)", "exp(0.5) * 2", "ln(562.65)", "sqrt(559.8)", "713 * sin(0.42)", "max(3, 7, 5)"],
    };
}
