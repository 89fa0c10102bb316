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
/// <see cref="Evaluator.Arithmetic"/>, and every node it does not translate (calls, conditionals,
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
            // The operators Evaluator.Combine hands to Evaluator.Arithmetic, after the same operand checks.
            case Binary { Operator: BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply
                or BinaryOperator.Divide or BinaryOperator.Modulo or BinaryOperator.Power or BinaryOperator.FloorDivide
                or BinaryOperator.BitwiseAnd or BinaryOperator.BitwiseOr or BinaryOperator.ShiftLeft
                or BinaryOperator.ShiftRight } binary:
                return new Arithmetic(binary, Bind(binary.Left, scope, context, depth + 1),
                    Bind(binary.Right, scope, context, depth + 1));
            default:
                return new Unbound(expression);
        }
    }

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
            var x = negated.EvaluateNumber(evaluator, node.Operand);
            try
            {
                return NumberMath.Negate(x, evaluator.Context);
            }
            catch (NumericException e)
            {
                throw Evaluator.Fail(e, node.Span);
            }
        }
    }

    // As Evaluator.Combine: the left operand is evaluated and checked before the right one.
    private sealed class Arithmetic(Binary node, Node left, Node right) : Node
    {
        public override Val Evaluate(Evaluator evaluator) => Val.Of(EvaluateNumber(evaluator, node));

        public override Number EvaluateNumber(Evaluator evaluator, Expr operand)
        {
            evaluator.Tick(node.Span);
            var x = left.EvaluateNumber(evaluator, node.Left);
            var y = right.EvaluateNumber(evaluator, node.Right);
            return evaluator.Arithmetic(node, x, y);
        }
    }
}
