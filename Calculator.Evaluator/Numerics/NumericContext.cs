namespace Calculator.Evaluator.Numerics;

/// <summary>
/// The settings numeric operations run under: the precision of approximate results and the
/// digit limit of exact ones (SPEC §4, §8).
/// </summary>
internal sealed class NumericContext
{
    /// <summary>The SPEC §8 default digit limit of exact results.</summary>
    public const int DefaultMaxDigits = 1_000_000;

    /// <summary>The SPEC §7 default precision.</summary>
    public const int DefaultPrecision = 20;

    /// <summary>Creates a context.</summary>
    /// <param name="precision">Significant decimal digits of approximate results; at least 1.</param>
    /// <param name="maxDigits">The most decimal digits an exact numerator or denominator may have; at least 1.</param>
    public NumericContext(int precision = DefaultPrecision, int maxDigits = DefaultMaxDigits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDigits, 1);
        Precision = precision;
        MaxDigits = maxDigits;
    }

    /// <summary>A context with the default precision and digit limit.</summary>
    public static NumericContext Default { get; } = new();

    /// <summary>
    /// P: significant decimal digits of approximate results, and of non-integers when printed.
    /// </summary>
    public int Precision { get; }

    /// <summary>The SPEC §8 limit on the decimal digits of an exact result's numerator or denominator.</summary>
    public int MaxDigits { get; }

    /// <summary>
    /// Throws a <see cref="NumericErrorKind.Limit"/> error when a result estimated to have
    /// <paramref name="estimatedDigits"/> decimal digits would exceed <see cref="MaxDigits"/>.
    /// </summary>
    /// <param name="estimatedDigits">The estimated decimal digit count of the result.</param>
    public void CheckDigits(double estimatedDigits)
    {
        if (estimatedDigits > MaxDigits)
        {
            throw new NumericException(NumericErrorKind.Limit, NumericMessages.TooManyDigits(estimatedDigits));
        }
    }
}
