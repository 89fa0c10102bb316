using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Calculator.Evaluator.Hosting;
using Calculator.Evaluator.Numerics;

namespace Calculator.Evaluator;

/// <summary>
/// A value of calc: a number (exact rational or approximate real) or a boolean.
/// Immutable and thread-safe: a value may be shared between sessions and threads.
/// </summary>
public sealed class Value
{
    private static readonly Value s_true = new(Val.Of(true), NumericContext.Default);
    private static readonly Value s_false = new(Val.Of(false), NumericContext.Default);

    private readonly Val _value;
    private readonly NumericContext _context;

    internal Value(Val value, NumericContext context)
    {
        _value = value;
        _context = context;
    }

    internal Val Inner => _value;

    /// <summary>The base of a <c>to</c> suffix (<c>255 to hex</c>) the integer prints in; 0 for none.</summary>
    internal int Radix { get; init; }

    /// <summary>An exact integer.</summary>
    /// <param name="value">The integer, of any size.</param>
    public static Value FromInteger(BigInteger value) => Exact(Rational.FromInteger(value));

    /// <summary>An exact integer, without making a <see cref="BigInteger"/> (a host setting a variable in a loop).</summary>
    /// <param name="value">The integer.</param>
    public static Value FromInteger(long value) => Exact(value);

    /// <summary>The exact fraction <paramref name="numerator"/>/<paramref name="denominator"/>, reduced to lowest terms.</summary>
    /// <exception cref="ArgumentException"><paramref name="denominator"/> is zero.</exception>
    public static Value FromFraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new ArgumentException(Messages.ZeroDenominator, nameof(denominator));
        }
        return Exact(Rational.Create(numerator, denominator));
    }

    /// <summary>The exact value of a <see cref="decimal"/>: <c>0.1m</c> is 1/10.</summary>
    public static Value FromDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[3] < 0)
        {
            magnitude = -magnitude;
        }
        return Exact(Rational.Create(magnitude, BigInteger.Pow(10, scale)));
    }

    /// <summary>
    /// The exact value of a <see cref="double"/>: <c>0.1</c> is 3602879701896397/36028797018963968,
    /// the binary number the double holds, not 1/10 (use <see cref="FromDecimal"/> for decimal fractions).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or infinite.</exception>
    public static Value FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(Messages.NotFinite, nameof(value));
        }
        var raw = BitConverter.DoubleToInt64Bits(value);
        var exponentBits = (int)((raw >> 52) & 0x7FF);
        var fraction = raw & 0xF_FFFF_FFFF_FFFFL;
        // A normal double is (2^52 + fraction) · 2^(e − 1075); a subnormal one fraction · 2^−1074.
        var significand = exponentBits == 0 ? fraction : fraction | (1L << 52);
        var exponent = exponentBits == 0 ? -1074 : exponentBits - 1075;
        if (raw < 0)
        {
            significand = -significand;
        }
        var rational = exponent >= 0
            ? Rational.FromInteger(new BigInteger(significand) << exponent)
            : Rational.Create(significand, BigInteger.One << -exponent);
        return Exact(rational);
    }

    /// <summary>A boolean.</summary>
    public static Value FromBoolean(bool value) => value ? s_true : s_false;

    /// <summary>True for booleans.</summary>
    public bool IsBoolean => _value.IsBoolean;

    /// <summary>True for booleans and exact (rational) numbers; false for approximations of irrational results.</summary>
    public bool IsExact => _value.IsBoolean || _value.Number.IsExact;

    /// <summary>True for exact numbers that are integers.</summary>
    public bool IsInteger => !_value.IsBoolean && _value.Number.TryGetExact(out var r) && r.IsInteger;

    /// <summary>The value as an integer, when it is an exact integer.</summary>
    public bool TryGetInteger(out BigInteger value)
    {
        if (!_value.IsBoolean && _value.Number.TryGetExact(out var rational) && rational.IsInteger)
        {
            value = rational.Numerator;
            return true;
        }
        value = BigInteger.Zero;
        return false;
    }

    /// <summary>The exact value as a fraction in lowest terms (denominator positive), when there is one.</summary>
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

    /// <summary>The boolean, when the value is one.</summary>
    public bool TryGetBoolean(out bool value)
    {
        value = _value.IsBoolean && _value.Boolean;
        return _value.IsBoolean;
    }

    /// <summary>
    /// The number as the nearest <see cref="double"/> (ties to even); magnitudes beyond the
    /// double range give infinities, tiny ones zero or a subnormal, as IEEE 754 rounding does.
    /// Approximate values are refined until the rounding is decided.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is a boolean.</exception>
    public double ToDouble()
    {
        var number = ExpectNumber();
        if (number.TryGetExact(out var exact))
        {
            return HostConversions.ToDouble(exact.Numerator, exact.Denominator);
        }
        return HostConversions.ToDouble(number.ToReal());
    }

    /// <summary>The number as a <see cref="decimal"/>, rounded half to even to the digits a decimal holds.</summary>
    /// <exception cref="OverflowException">The magnitude is beyond <see cref="decimal.MaxValue"/>.</exception>
    /// <exception cref="InvalidOperationException">The value is a boolean.</exception>
    public decimal ToDecimal()
    {
        var number = ExpectNumber();
        var (numerator, denominator) = number.TryGetExact(out var exact)
            ? (exact.Numerator, exact.Denominator)
            : HostConversions.ToFraction(number.ToReal(), 128);
        return HostConversions.ToDecimal(numerator, denominator);
    }

    /// <summary>The value as SPEC §5 prints it at the session's precision; <paramref name="fraction"/> prints exact non-integers as <c>p/q</c>.</summary>
    public string Format(bool fraction = false) => FormatWithRounding(fraction, out _);

    /// <summary>
    /// As <see cref="Format(bool)"/>; <paramref name="rounded"/> tells whether the text is a
    /// rounding of the value (an approximate number, or an exact one whose decimal expansion does
    /// not terminate) rather than the value itself (SPEC §5).
    /// </summary>
    public string FormatWithRounding(bool fraction, out bool rounded)
    {
        if (_value.IsBoolean)
        {
            rounded = false;
            return _value.Boolean ? "true" : "false";
        }
        if (_value.Number.TryGetExact(out var exact))
        {
            if (Radix != 0 && exact.IsInteger)
            {
                rounded = false;
                return IntegerFormat.Format(exact.Numerator, Radix);
            }
            return DecimalFormat.FormatExact(exact, _context, fraction, out rounded);
        }
        rounded = true;
        return NumberMath.Format(_value.Number, _context, fraction);
    }

    /// <summary>The value as calc prints it (SPEC §5), at the precision of the session that computed it (default 20 digits).</summary>
    public override string ToString() => Format();

    private static Value Exact(Rational value) => new(Val.Of(Number.Exact(value)), NumericContext.Default);

    [SuppressMessage("Design", "CA1065", Justification = "Only the conversion members call it.")]
    private Number ExpectNumber() =>
        _value.IsBoolean ? throw new InvalidOperationException(Messages.BooleanNotNumber) : _value.Number;
}
