using System.Globalization;
using System.Text;
using Calculator.Parser;

namespace Calculator.Tests.Support;

/// <summary>
/// Dumps a syntax tree as a fully parenthesised S-expression, ignoring spans: <c>-2^2</c> is <c>(neg (^ 2 2))</c>.
/// Two trees are structurally equal exactly when their dumps are equal. The walk uses an explicit stack,
/// so the 250 000-deep left spine of a flat sum dumps without recursion.
/// </summary>
internal static class ParserSexpr
{
    public static string Dump(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var builder = new StringBuilder();
        var work = new Stack<object>();
        work.Push(node);
        while (work.Count > 0)
        {
            switch (work.Pop())
            {
                case string text:
                    builder.Append(text);
                    break;
                case Node n:
                    Expand(n, builder, work);
                    break;
                default:
                    throw new InvalidOperationException("unexpected work item");
            }
        }
        return builder.ToString();
    }

    // Writes the head of a node and pushes the rest (children and closing parenthesis) in reverse order.
    private static void Expand(Node node, StringBuilder builder, Stack<object> work)
    {
        switch (node)
        {
            case ExpressionStatement { Base: { } radix } s:
                builder.Append("(to ").Append(radix.ToString().ToLowerInvariant()).Append(' ');
                PushList(work, [s.Expression]);
                break;
            case ExpressionStatement s:
                work.Push(s.Expression);
                break;
            case Assignment a:
                builder.Append("(= ").Append(a.Name.Text).Append(' ');
                PushList(work, [a.Value]);
                break;
            case FunctionDefinition f:
                builder.Append("(def ").Append(f.Name.Text).Append(" (")
                    .AppendJoin(' ', f.Parameters.Select(p => p.Text)).Append(") ");
                PushList(work, [f.Body]);
                break;
            case NumberLiteral n:
                builder.Append(n.Significand.ToString(CultureInfo.InvariantCulture));
                if (n.Exponent10 != 0)
                {
                    builder.Append('e').Append(n.Exponent10.ToString(CultureInfo.InvariantCulture));
                }
                break;
            case Variable v:
                builder.Append(v.Name);
                break;
            case Unary u:
                builder.Append(u.Operator switch
                {
                    UnaryOperator.Negate => "(neg ",
                    UnaryOperator.Plus => "(pos ",
                    UnaryOperator.BitwiseNot => "(~ ",
                    UnaryOperator.SquareRoot => "(sqrt ",
                    _ => "(not ",
                });
                PushList(work, [u.Operand]);
                break;
            case Factorial f:
                builder.Append("(! ");
                PushList(work, [f.Operand]);
                break;
            case Binary b:
                builder.Append('(').Append(Symbol(b.Operator)).Append(' ');
                PushList(work, [b.Left, b.Right]);
                break;
            case FunctionCall c:
                builder.Append("(call ").Append(c.Function.Text);
                if (c.Arguments.Count == 0)
                {
                    builder.Append(')');
                }
                else
                {
                    builder.Append(' ');
                    PushList(work, [.. c.Arguments]);
                }
                break;
            case Conditional t:
                builder.Append("(? ");
                PushList(work, [t.Condition, t.WhenTrue, t.WhenFalse]);
                break;
            default:
                throw new InvalidOperationException("unknown node " + node.GetType().Name);
        }
    }

    // Pushes "a b c)" so that it pops in order.
    private static void PushList(Stack<object> work, Node[] items)
    {
        work.Push(")");
        for (var i = items.Length - 1; i >= 0; i--)
        {
            work.Push(items[i]);
            if (i > 0)
            {
                work.Push(" ");
            }
        }
    }

    public static string Symbol(BinaryOperator op) => OperatorTable.RowOf(op).Symbol;

    /// <summary>The direct children of a node, for walks that check spans.</summary>
    public static IEnumerable<Node> Children(Node node) => node switch
    {
        ExpressionStatement s => [s.Expression],
        Assignment a => [a.Name, a.Value],
        FunctionDefinition f => [f.Name, .. f.Parameters, f.Body],
        Unary u => [u.Operand],
        Factorial f => [f.Operand],
        Binary b => [b.Left, b.Right],
        FunctionCall c => [c.Function, .. c.Arguments],
        Conditional t => [t.Condition, t.WhenTrue, t.WhenFalse],
        _ => [],
    };
}
