using Calculator.Evaluator;
using Calculator.Evaluator.Numerics;

namespace Calculator.Cli.Output;

/// <summary>How results print (SPEC §5, §7): <c>--fraction</c> and <c>--base</c>.</summary>
/// <param name="Fraction">Exact non-integers as <c>p/q</c>.</param>
/// <param name="Radix">2, 8, 10 or 16: the base of every integer result without a <c>to</c> suffix of its own.</param>
internal readonly record struct ResultFormat(bool Fraction, int Radix = 10)
{
    /// <summary>The text of <paramref name="value"/>; <paramref name="rounded"/> tells whether it is a rounding.</summary>
    public string Text(Value value, out bool rounded)
    {
        // A statement's own 'to dec' wins over --base 16.
        if (Radix != 10 && value.Radix == 0 && value.TryGetInteger(out var integer))
        {
            rounded = false;
            return IntegerFormat.Format(integer, Radix);
        }
        return value.FormatWithRounding(Fraction, out rounded);
    }
}
