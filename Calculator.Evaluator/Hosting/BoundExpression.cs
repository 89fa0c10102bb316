using Calculator.Evaluator.Numerics;
using Calculator.Parser;

namespace Calculator.Evaluator;

/// <summary>
/// A <see cref="CalcExpression"/> bound to one session's scope, so that evaluating it again and
/// again (a host changing a variable between evaluations) does no work that depends only on the
/// text: each variable the scope has is read from its <see cref="VariableSlot"/> rather than looked
/// up by name, and each literal's exact value is made once.
/// </summary>
/// <remarks>
/// Binding is a translation, not a second evaluator: arithmetic goes through
/// <see cref="Evaluator.Arithmetic(Binary, Number, Number, NumericContext)"/>, and every node it does not translate (calls, conditionals,
/// comparisons, logic, names the scope lacks, deep subtrees) is handed to <see cref="Evaluator.Evaluate"/>
/// as it stands, with the same errors at the same places. A binding stays right while the names
/// it read exist, and variables are never removed; it is redone when a name is added
/// (<see cref="Scope.NamesVersion"/>), so that a name the host binds later is read from its slot too.
/// Not thread-safe: it belongs to one session.
/// </remarks>
internal sealed class BoundExpression
{
    // Deeper subtrees stay with the evaluator, whose explicit stack walks a 250 000-term chain
    // without recursion; bound nodes recurse once per level.
    private const int MaxDepth = 64;

    private readonly Node _root;

    private BoundExpression(Node root, int namesVersion)
    {
        _root = root;
        NamesVersion = namesVersion;
    }

    /// <summary>The <see cref="Scope.NamesVersion"/> the binding was made at.</summary>
    public int NamesVersion { get; }

    /// <summary>Binds <paramref name="syntax"/> to the variables <paramref name="scope"/> has now.</summary>
    public static BoundExpression Bind(Expr syntax, Scope scope, NumericContext context) =>
        new(Bind(syntax, scope, context, 0), scope.NamesVersion);

    /// <summary>The value, or an <see cref="EvaluationException"/> as <see cref="Evaluator.Evaluate"/> gives.</summary>
    public Val Evaluate(Evaluator evaluator) => _root.Evaluate(evaluator);

    private static Node Bind(Expr expression, Scope scope, NumericContext context, int depth)
    {
        if (depth > MaxDepth)
        {
            return new Unbound(expression);
        }
        switch (expression)
        {
            case NumberLiteral literal when TryLiteral(literal, context, out var value):
                return new Constant(value);
            case Variable variable when scope.Variables.TryGetValue(variable.Name, out var slot):
                return new Slot(slot);
            case Unary { Operator: UnaryOperator.Negate } negation:
                return new Negation(negation, Bind(negation.Operand, scope, context, depth + 1));
            // The operators Evaluator.Combine hands to Evaluator.Arithmetic, after the same operand checks;
            // the commonest ones are nodes of their own, so that their exact small case runs inline.
            case Binary { Operator: BinaryOperator.Add } binary:
                return BindArithmetic<Sum>(binary, scope, context, depth);
            case Binary { Operator: BinaryOperator.Subtract } binary:
                return BindArithmetic<Difference>(binary, scope, context, depth);
            case Binary { Operator: BinaryOperator.Multiply } binary:
                return BindArithmetic<Product>(binary, scope, context, depth);
            case Binary { Operator: BinaryOperator.Power } binary:
                return BindArithmetic<Power>(binary, scope, context, depth);
            case Binary { Operator: BinaryOperator.Divide or BinaryOperator.Modulo or BinaryOperator.FloorDivide
                or BinaryOperator.BitwiseAnd or BinaryOperator.BitwiseOr or BinaryOperator.ShiftLeft
                or BinaryOperator.ShiftRight } binary:
                return BindArithmetic<AnyArithmetic>(binary, scope, context, depth);
            default:
                return new Unbound(expression);
        }
    }

    private static Arithmetic<TOperation> BindArithmetic<TOperation>(Binary binary, Scope scope, NumericContext context, int depth)
        where TOperation : struct, IOperation =>
        new(binary, Bind(binary.Left, scope, context, depth + 1), Bind(binary.Right, scope, context, depth + 1));

    // A literal over the digit limit stays unbound, so its error comes when it is evaluated.
    private static bool TryLiteral(NumberLiteral literal, NumericContext context, out Number value)
    {
        try
        {
            value = Number.FromDecimal(literal.Significand, literal.Exponent10, context);
            return true;
        }
        catch (NumericException)
        {
            value = default;
            return false;
        }
    }

    private static Number AsNumber(Val value, Expr operand) =>
        value.IsBoolean ? throw Evaluator.Fail(DiagnosticKind.Type, operand.Span, Messages.BooleanInArithmetic) : value.Number;

    private abstract class Node
    {
        public abstract Val Evaluate(Evaluator evaluator);

        // An operand of arithmetic as a number, or the type error at the operand's place. Arithmetic
        // subtrees pass numbers, not Vals: each wrap and copy of the larger struct costs per node.
        public virtual Number EvaluateNumber(Evaluator evaluator, Expr operand) => AsNumber(Evaluate(evaluator), operand);
    }

    private sealed class Constant(Number value) : Node
    {
        public override Val Evaluate(Evaluator evaluator) => Val.Of(value);

        public override Number EvaluateNumber(Evaluator evaluator, Expr operand) => value;
    }

    private sealed class Slot(VariableSlot slot) : Node
    {
        public override Val Evaluate(Evaluator evaluator) => slot.Value;

        public override Number EvaluateNumber(Evaluator evaluator, Expr operand) => AsNumber(slot.Value, operand);
    }

    private sealed class Unbound(Expr expression) : Node
    {
        public override Val Evaluate(Evaluator evaluator) => evaluator.Evaluate(expression);
    }

    private sealed class Negation(Unary node, Node negated) : Node
    {
        public override Val Evaluate(Evaluator evaluator) => Val.Of(EvaluateNumber(evaluator, node));

        public override Number EvaluateNumber(Evaluator evaluator, Expr operand)
        {
            evaluator.Tick(node.Span);
            return evaluator.Negate(node, negated.EvaluateNumber(evaluator, node.Operand));
        }
    }

    // As Evaluator.Combine: the left operand is evaluated and checked before the right one. The
    // operation is a type argument rather than a field, so that each operator's node is compiled
    // with its NumberMath method inline.
    private sealed class Arithmetic<TOperation>(Binary node, Node left, Node right) : Node
        where TOperation : struct, IOperation
    {
        public override Val Evaluate(Evaluator evaluator) => Val.Of(EvaluateNumber(evaluator, node));

        public override Number EvaluateNumber(Evaluator evaluator, Expr operand)
        {
            evaluator.Tick(node.Span);
            var x = left.EvaluateNumber(evaluator, node.Left);
            var y = right.EvaluateNumber(evaluator, node.Right);
            try
            {
                return TOperation.Apply(node, x, y, evaluator.Context);
            }
            catch (NumericException e)
            {
                throw Evaluator.Fail(e, node.OperatorSpan);
            }
        }
    }

    private interface IOperation
    {
        static abstract Number Apply(Binary node, Number x, Number y, NumericContext context);
    }

    private readonly struct Sum : IOperation
    {
        public static Number Apply(Binary node, Number x, Number y, NumericContext context) => NumberMath.Add(x, y, context);
    }

    private readonly struct Difference : IOperation
    {
        public static Number Apply(Binary node, Number x, Number y, NumericContext context) => NumberMath.Subtract(x, y, context);
    }

    private readonly struct Product : IOperation
    {
        public static Number Apply(Binary node, Number x, Number y, NumericContext context) => NumberMath.Multiply(x, y, context);
    }

    private readonly struct Power : IOperation
    {
        public static Number Apply(Binary node, Number x, Number y, NumericContext context) => NumberMath.Power(x, y, context);
    }

    private readonly struct AnyArithmetic : IOperation
    {
        public static Number Apply(Binary node, Number x, Number y, NumericContext context) => Evaluator.Arithmetic(node, x, y, context);
    }
}
