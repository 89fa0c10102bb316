namespace Calculator.Evaluator.Numerics;

/// <summary>
/// The rules that end the refinement of an approximate value (SPEC §4, docs/numerics.md). A ball
/// that decides the question (a sign, P digits, an integer part) ends it at once. Otherwise the
/// precision doubles, past the cap if need be: exact leaves supply any precision and every node
/// asks its children for as many bits as it is asked for, so the bits that cancellation loses
/// are recovered, until the statement's time limit. Only the two questions no precision can
/// answer stop at the cap: is the value exactly zero, and is it exactly on a rounding boundary
/// (a tie)? Once the working precision reaches the cap, a ball within an absolute
/// 10^-(3P+50) of zero is taken to be zero, and a ball narrower than a relative 10^-(3P+50)
/// is taken to be the one boundary it contains.
/// </summary>
internal static class Refinement
{
    /// <summary>log10 of the zero and tie thresholds: 3P + 50 digits.</summary>
    /// <param name="precision">P.</param>
    public static int ThresholdDigits(int precision) => (3 * precision) + 50;

    /// <summary>The thresholds in bits.</summary>
    /// <param name="precision">P.</param>
    public static long ThresholdBits(int precision) =>
        (long)Math.Floor(ThresholdDigits(precision) * ApproxFormat.Log2Of10);

    /// <summary>Whether the ball contains zero and lies within 10^-(3P+50) of it.</summary>
    public static bool IsNegligible(Ball ball, int precision) =>
        !ball.IsUnbounded && ball.ContainsZero && (ball.IsExactZero || ball.UpperLog2 <= -ThresholdBits(precision));

    /// <summary>
    /// Whether the radius is below 10^-(3P+50) times 2^<paramref name="scaleLog2"/>: a ball this
    /// narrow contains at most one rounding boundary, and is taken to be it.
    /// </summary>
    public static bool IsNarrow(Ball ball, int precision, long scaleLog2) =>
        !ball.IsUnbounded && (ball.IsExact || RadiusLog2(ball) <= scaleLog2 - ThresholdBits(precision));

    /// <summary>Whether <paramref name="next"/> is clearly narrower than <paramref name="previous"/>.</summary>
    /// <remarks>
    /// A node evaluated once at a fixed precision (<see cref="Real.MaxDepth"/>) cannot improve;
    /// then refining further is pointless and the caller gives its verdict at once.
    /// </remarks>
    public static bool Improved(Ball previous, Ball next) =>
        previous.IsUnbounded ? !next.IsUnbounded
        : next.IsExact || (!next.IsUnbounded && RadiusLog2(next) < RadiusLog2(previous) - 8);

    /// <summary>
    /// The next precision: double, but stop once at <paramref name="cap"/> so the zero and tie
    /// rules are applied at the precision the documentation states.
    /// </summary>
    /// <exception cref="NumericException">The precision would leave the int range.</exception>
    public static int Next(int bits, int cap) =>
        bits < cap && 2 * bits > cap ? cap
        : bits < int.MaxValue / 4 ? 2 * bits
        : throw new NumericException(NumericErrorKind.Limit, NumericMessages.Undetermined);

    /// <summary>log2 of the radius, rounded up (the ball must not be exact).</summary>
    private static long RadiusLog2(Ball ball) => ball.Exponent + IntegerMath.BitLength(ball.Radius);
}
