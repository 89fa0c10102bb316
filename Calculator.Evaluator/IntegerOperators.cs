using System.Numerics;
using Calculator.Evaluator.Numerics;
using Calculator.Parser;

namespace Calculator.Evaluator;

/// <summary>
/// The operators of SPEC §4 that work on integers only (<c>&amp; | &lt;&lt; &gt;&gt; ~</c>), with Python's
/// two's-complement meaning for negative numbers, and the check of a <c>to hex</c> suffix. A value
/// they cannot take is a type error at that operand.
/// </summary>
internal static class IntegerOperators
{
    private const double Log10Of2 = 0.30102999566398119521;

    /// <summary><c>a &amp; b</c>, <c>a | b</c>, <c>a &lt;&lt; n</c> or <c>a &gt;&gt; n</c>.</summary>
    public static Number Apply(Binary node, Number x, Number y, NumericContext context)
    {
        var symbol = Printer.SymbolOf(node.Operator);
        var a = Operand(x, node.Left.Span, symbol, unary: false);
        var b = Operand(y, node.Right.Span, symbol, unary: false);
        var result = node.Operator switch
        {
            BinaryOperator.BitwiseAnd => a & b,
            BinaryOperator.BitwiseOr => a | b,
            BinaryOperator.ShiftLeft => ShiftLeft(a, Count(b, node.Right.Span), node.OperatorSpan, context),
            _ => ShiftRight(a, Count(b, node.Right.Span)),
        };
        return Number.Exact(Rational.FromInteger(result));
    }

    /// <summary><c>~a</c>, which is <c>-a-1</c>.</summary>
    public static Number Not(Unary node, Number x) =>
        Number.Exact(Rational.FromInteger(-Operand(x, node.Operand.Span, Printer.SymbolOf(UnaryOperator.BitwiseNot), unary: true) - 1));

    /// <summary>
    /// The radix a statement's value prints in after <c>to</c> (<c>255 to hex</c>): only an exact
    /// integer converts, anything else is a type error at <paramref name="span"/>, the expression.
    /// </summary>
    public static int Radix(Val value, NumberBase radix, TextSpan span)
    {
        if (!value.IsBoolean && value.Number.TryGetExact(out var exact) && exact.IsInteger)
        {
            return (int)radix;
        }
        var message = value.IsBoolean || value.Number.IsExact
            ? Messages.OnlyIntegersConvert(radix)
            : Messages.OnlyExactIntegersConvert(radix);
        throw Evaluator.Fail(DiagnosticKind.Type, span, message);
    }

    private static BigInteger Operand(Number x, TextSpan span, string symbol, bool unary)
    {
        if (!x.TryGetExact(out var exact))
        {
            throw Evaluator.Fail(DiagnosticKind.Type, span, Messages.ExactIntegerOperand(symbol, unary));
        }
        return exact.IsInteger
            ? exact.Numerator
            : throw Evaluator.Fail(DiagnosticKind.Type, span, Messages.IntegerOperand(symbol, unary));
    }

    private static BigInteger Count(BigInteger n, TextSpan span) =>
        n.Sign < 0 ? throw Evaluator.Fail(DiagnosticKind.Domain, span, Messages.NegativeShift) : n;

    // The size is known before the work: 1 << 10^9 fails at once rather than after allocating 125 MB.
    private static BigInteger ShiftLeft(BigInteger a, BigInteger n, TextSpan span, NumericContext context)
    {
        if (a.IsZero)
        {
            return a;
        }
        var digits = ((double)a.GetBitLength() + (double)n) * Log10Of2;
        try
        {
            context.CheckDigits(digits);
        }
        catch (NumericException e)
        {
            throw Evaluator.Fail(e, span);
        }
        return a << (int)n;
    }

    // BigInteger's >> is floored for negative numbers (-5 >> 1 = -3), as Python's is.
    private static BigInteger ShiftRight(BigInteger a, BigInteger n) =>
        n >= a.GetBitLength() ? (a.Sign < 0 ? BigInteger.MinusOne : BigInteger.Zero) : a >> (int)n;
}
