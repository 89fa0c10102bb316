using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// The number the evaluator computes with: an exact <see cref="Rational"/> or an approximate
/// <see cref="Real"/> (SPEC §4). Exactness is a property of the value. The exact case is a
/// plain struct around the rational, so small exact numbers allocate nothing.
/// </summary>
internal readonly struct Number : IEquatable<Number>
{
    private readonly Rational _exact;
    private readonly Real? _approximate;

    private Number(Rational exact)
    {
        _exact = exact;
        _approximate = null;
    }

    private Number(Real approximate)
    {
        _exact = Rational.Zero;
        _approximate = approximate;
    }

    /// <summary>Whether the value is an exact rational.</summary>
    public bool IsExact => _approximate is null;

    /// <summary>An exact number.</summary>
    /// <param name="value">The rational value.</param>
    public static Number Exact(Rational value) => new(value);

    /// <summary>An approximate number.</summary>
    /// <param name="value">The lazily evaluated real.</param>
    public static Number Approximate(Real value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Number(value);
    }

    /// <summary>The exact value of a decimal literal significand·10^exponent10 (SPEC §2).</summary>
    /// <param name="significand">The digits as an integer.</param>
    /// <param name="exponent10">The power of ten.</param>
    /// <param name="ctx">Supplies the digit limit.</param>
    public static Number FromDecimal(BigInteger significand, int exponent10, NumericContext ctx) =>
        new(Rational.FromDecimal(significand, exponent10, ctx));

    /// <summary>Gets the exact value when there is one.</summary>
    /// <param name="value">The rational when the method returns true; otherwise zero.</param>
    public bool TryGetExact(out Rational value)
    {
        value = _exact;
        return _approximate is null;
    }

    /// <summary>The value as a lazily evaluated real (an exact leaf for exact numbers).</summary>
    public Real ToReal() => _approximate ?? Real.FromRational(_exact);

    /// <summary>
    /// Exact numbers are equal when their values are; approximate ones only when they are the
    /// same expression (use <see cref="NumberMath.Compare"/> to compare values).
    /// </summary>
    /// <param name="other">Another number.</param>
    public bool Equals(Number other) =>
        _approximate is null ? other._approximate is null && _exact == other._exact
            : ReferenceEquals(_approximate, other._approximate);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Number other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _approximate is null ? _exact.GetHashCode() : _approximate.GetHashCode();

    /// <summary>The value as SPEC §5 prints it at the default precision.</summary>
    public override string ToString() => NumberMath.Format(this, NumericContext.Default, fraction: false);

    /// <summary>See <see cref="Equals(Number)"/>.</summary>
    /// <param name="left">A number.</param>
    /// <param name="right">Another number.</param>
    public static bool operator ==(Number left, Number right) => left.Equals(right);

    /// <summary>See <see cref="Equals(Number)"/>.</summary>
    /// <param name="left">A number.</param>
    /// <param name="right">Another number.</param>
    public static bool operator !=(Number left, Number right) => !left.Equals(right);
}
