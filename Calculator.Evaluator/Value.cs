using System.Numerics;
using Calculator.Evaluator.Numerics;

namespace Calculator.Evaluator;

/// <summary>A computed value: a number (exact or approximate) or a boolean.</summary>
public sealed class Value
{
    private readonly Val _value;
    private readonly NumericContext _context;

    internal Value(Val value, NumericContext context)
    {
        _value = value;
        _context = context;
    }

    internal Val Inner => _value;

    /// <summary>True for booleans.</summary>
    public bool IsBoolean => _value.IsBoolean;

    /// <summary>True for booleans and exact (rational) numbers; false for approximations of irrational results.</summary>
    public bool IsExact => _value.IsBoolean || _value.Number.IsExact;

    /// <summary>The exact value as a fraction in lowest terms, when there is one.</summary>
    public bool TryGetFraction(out BigInteger numerator, out BigInteger denominator)
    {
        if (!_value.IsBoolean && _value.Number.TryGetExact(out var rational))
        {
            (numerator, denominator) = (rational.Numerator, rational.Denominator);
            return true;
        }
        (numerator, denominator) = (BigInteger.Zero, BigInteger.One);
        return false;
    }

    /// <summary>The value as SPEC §5 prints it at the session's precision; <paramref name="fraction"/> prints exact non-integers as <c>p/q</c>.</summary>
    public string Format(bool fraction = false) => Format(fraction, out _);

    /// <summary>
    /// As <see cref="Format(bool)"/>; <paramref name="rounded"/> tells whether the text is a
    /// rounding of the value (an approximate number, or an exact one whose decimal expansion does
    /// not terminate) rather than the value itself (SPEC §5).
    /// </summary>
    public string Format(bool fraction, out bool rounded)
    {
        if (_value.IsBoolean)
        {
            rounded = false;
            return _value.Boolean ? "true" : "false";
        }
        if (_value.Number.TryGetExact(out var exact))
        {
            return DecimalFormat.FormatExact(exact, _context, fraction, out rounded);
        }
        rounded = true;
        return NumberMath.Format(_value.Number, _context, fraction);
    }

    /// <inheritdoc/>
    public override string ToString() => Format();
}
