namespace Calculator.Evaluator.Numerics;

/// <summary>
/// An expected numeric failure caused by one argument of a built-in function, so the evaluator
/// underlines that argument rather than the whole call (<c>powmod(2, 3, 0)</c> points at the 0).
/// </summary>
internal sealed class NumericArgumentException(int index, NumericException error) : Exception(error.Message, error)
{
    /// <summary>The position of the argument at fault, from 0.</summary>
    public int Index { get; } = index;

    /// <summary>The failure itself.</summary>
    public NumericException Error { get; } = error;

    /// <summary>A failure of the given kind at argument <paramref name="index"/>.</summary>
    public static NumericArgumentException At(int index, NumericErrorKind kind, string message) =>
        new(index, new NumericException(kind, message));
}
