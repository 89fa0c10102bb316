using System.Numerics;

namespace Calculator.Evaluator.Numerics;

/// <summary>
/// An approximate real as an immutable expression DAG that can be evaluated to any precision:
/// when cancellation eats the bits of a result (<c>exp(1e-30) - 1</c>), the printer asks the
/// whole expression again with more bits instead of printing noise. Each node remembers its
/// most precise ball.
/// </summary>
/// <remarks>
/// A node deeper than <see cref="MaxDepth"/> (a 250 000-term sum of approximate values, deep
/// user recursion) would make evaluation recurse too deeply, so such a node is evaluated at
/// once at a generous precision and replaced by a fixed ball. Results built on top of it can
/// then not be refined beyond that precision: the compromise that keeps the stack bounded.
/// </remarks>
internal abstract class Real
{
    /// <summary>The deepest node kept lazy; deeper nodes are materialised as fixed balls.</summary>
    public const int MaxDepth = 256;

    private Memo? _memo;

    private PrintedMemo? _printed;

    private protected Real(int depth) => Depth = depth;

    /// <summary>The length of the longest path to a leaf (leaves have depth 0).</summary>
    public int Depth { get; }

    /// <summary>pi.</summary>
    public static Real Pi { get; } = new ConstantReal(RealConstant.Pi);

    /// <summary>Euler's number e.</summary>
    public static Real E { get; } = new ConstantReal(RealConstant.E);

    /// <summary>tau = 2·pi.</summary>
    public static Real Tau { get; } = new ConstantReal(RealConstant.Tau);

    /// <summary>The golden ratio phi.</summary>
    public static Real Phi { get; } = new ConstantReal(RealConstant.Phi);

    /// <summary>
    /// A ball enclosing the value, with its midpoint carried to about <paramref name="bits"/>
    /// bits; fewer bits are correct where the expression cancels.
    /// </summary>
    /// <param name="bits">The working precision in bits, at least 8.</param>
    /// <exception cref="NumericException">The value exceeds a SPEC §8 limit.</exception>
    public Ball Approximate(int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 8);
        var memo = _memo;
        if (memo is not null && memo.Bits >= bits)
        {
            return memo.Value;
        }

        var value = Compute(bits);
        _memo = new Memo(bits, value);
        return value;
    }

    /// <summary>
    /// The value as it prints at precision P, if it was rounded before: a statement settles its
    /// digits and then prints them, and rounding a 10 000-digit value costs a power of ten and
    /// a full-size product.
    /// </summary>
    internal bool TryGetPrinted(int precision, out PrintedDecimal printed)
    {
        var memo = _printed;
        printed = memo is not null && memo.Precision == precision ? memo.Value : PrintedDecimal.Zero;
        return memo is not null && memo.Precision == precision;
    }

    /// <summary>Remembers the value as it prints at precision P (see <see cref="TryGetPrinted"/>).</summary>
    internal void SetPrinted(int precision, PrintedDecimal printed) => _printed = new PrintedMemo(precision, printed);

    /// <summary>The exact rational as a leaf.</summary>
    /// <param name="value">The value.</param>
    public static Real FromRational(Rational value) => new ExactReal(value);

    /// <summary>A fixed ball as a leaf; it cannot be refined.</summary>
    /// <param name="value">The ball.</param>
    public static Real FromBall(Ball value) => new BallReal(value);

    internal static Real Unary(RealFunction function, Real argument, NumericContext ctx) =>
        Bounded(new UnaryReal(function, argument), ctx);

    internal static Real Binary(RealOperator op, Real left, Real right, NumericContext ctx) =>
        Bounded(new BinaryReal(op, left, right), ctx);

    internal static Real IntegerPower(Real value, BigInteger exponent, NumericContext ctx)
    {
        PowerMagnitude.Check(value, exponent, ctx);
        return Bounded(new IntegerPowerReal(value, exponent), ctx);
    }

    internal static Real Atan2(Real y, Real x, bool upperHalf, NumericContext ctx) =>
        Bounded(new Atan2Real(y, x, upperHalf), ctx);

    /// <summary>Computes the ball; called only when the memo is not precise enough.</summary>
    /// <param name="bits">The working precision in bits.</param>
    private protected abstract Ball Compute(int bits);

    internal static Real Bounded(Real node, NumericContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (node.Depth <= MaxDepth)
        {
            return node;
        }

        var bits = (2 * ApproxFormat.WorkingBits(ctx.Precision)) + 64;
        return new BallReal(node.Approximate(bits));
    }

    private sealed record Memo(int Bits, Ball Value);

    private sealed record PrintedMemo(int Precision, PrintedDecimal Value);
}
