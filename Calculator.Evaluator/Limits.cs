namespace Calculator.Evaluator;

/// <summary>The resource limits of SPEC §8 that the evaluator enforces.</summary>
internal static class Limits
{
    /// <summary>Default maximum depth of user-function recursion.</summary>
    public const int MaxRecursionDepth = 10_000;

    /// <summary>Default maximum number of decimal digits of an exact result.</summary>
    public const int MaxDigits = 1_000_000;

    /// <summary>Default time one statement may run before it fails with a limit error.</summary>
    public static readonly TimeSpan StatementTimeLimit = TimeSpan.FromSeconds(60);

    /// <summary>Smallest accepted precision.</summary>
    public const int MinPrecision = 1;

    /// <summary>Largest accepted precision.</summary>
    public const int MaxPrecision = 100_000;
}
