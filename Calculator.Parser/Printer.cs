using System.Globalization;
using System.Text;

namespace Calculator.Parser;

/// <summary>
/// Turns any tree back into canonical text that parses to the same tree (spans aside):
/// spaces around binary operators, parentheses only where precedence needs them, implicit products written with <c>*</c>.
/// </summary>
public static class Printer
{
    // Binding strength of each form, from the operator table; higher binds tighter.
    private const int Ternary = OperatorTable.ConditionalPrecedence;
    private const int UnaryLevel = OperatorTable.PrefixPrecedence;
    private const int PostfixLevel = OperatorTable.PostfixPrecedence;

    /// <summary>The canonical text of a statement.</summary>
    public static string Print(Statement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var builder = new StringBuilder();
        switch (statement)
        {
            case ExpressionStatement s:
                Write(builder, s.Expression);
                if (s.Base is { } radix)
                {
                    builder.Append(" to ").Append(OperatorTable.WordOf(radix));
                }
                break;
            case Assignment a:
                builder.Append(a.Name.Text).Append(" = ");
                Write(builder, a.Value);
                break;
            case FunctionDefinition f:
                builder.Append(f.Name.Text).Append('(').AppendJoin(", ", f.Parameters.Select(p => p.Text)).Append(") = ");
                Write(builder, f.Body);
                break;
            default:
                throw new System.Diagnostics.UnreachableException();
        }
        return builder.ToString();
    }

    /// <summary>The canonical text of an expression.</summary>
    public static string Print(Expr expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var builder = new StringBuilder();
        Write(builder, expression);
        return builder.ToString();
    }

    /// <summary>The symbol the printer writes for <paramref name="op"/> (<c>^</c> for a power, <c>*</c> for an implicit product).</summary>
    public static string SymbolOf(BinaryOperator op) => OperatorTable.RowOf(op).Symbol;

    /// <summary>The symbol the printer writes for <paramref name="op"/>.</summary>
    public static string SymbolOf(UnaryOperator op) => OperatorTable.SymbolOf(op);

    private static int Precedence(Expr e) => e switch
    {
        Conditional => Ternary,
        Binary b => Precedence(b.Operator),
        Unary => UnaryLevel,
        _ => PostfixLevel,
    };

    private static int Precedence(BinaryOperator op) => OperatorTable.RowOf(op).Precedence;

    private static Associativity AssociativityOf(BinaryOperator op) => OperatorTable.RowOf(op).Associativity;

    private static string Symbol(BinaryOperator op) => OperatorTable.RowOf(op).Symbol;

    private static void Write(StringBuilder builder, Expr e)
    {
        switch (e)
        {
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
                builder.Append(OperatorTable.SymbolOf(u.Operator));
                WrapIf(builder, u.Operand, Precedence(u.Operand) < UnaryLevel);
                break;
            case Factorial f:
                WrapIf(builder, f.Operand, Precedence(f.Operand) < PostfixLevel);
                builder.Append(OperatorTable.SymbolOf(PostfixOperator.Factorial));
                break;
            case Binary b:
                WriteBinary(builder, b);
                break;
            case FunctionCall c:
                builder.Append(c.Function.Text).Append('(');
                for (var i = 0; i < c.Arguments.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }
                    Write(builder, c.Arguments[i]);
                }
                builder.Append(')');
                break;
            case Conditional t:
                WrapIf(builder, t.Condition, Precedence(t.Condition) == Ternary);
                builder.Append(" ? ");
                Write(builder, t.WhenTrue);
                builder.Append(" : ");
                Write(builder, t.WhenFalse);
                break;
            default:
                throw new System.Diagnostics.UnreachableException();
        }
    }

    private static void WriteBinary(StringBuilder builder, Binary b)
    {
        if (IsLeftAssociative(b.Operator))
        {
            WriteLeftChain(builder, b);
            return;
        }
        var precedence = Precedence(b.Operator);
        var left = Precedence(b.Left);
        var right = Precedence(b.Right);
        bool leftParens, rightParens;
        if (AssociativityOf(b.Operator) == Associativity.Right)
        {
            // power := postfix ['^' unary]: the base is a postfix expression, the exponent a unary one.
            leftParens = left < PostfixLevel;
            rightParens = right < UnaryLevel;
        }
        else
        {
            // Comparisons do not chain.
            leftParens = left <= precedence;
            rightParens = right <= precedence;
        }
        WrapIf(builder, b.Left, leftParens);
        builder.Append(' ').Append(Symbol(b.Operator)).Append(' ');
        WrapIf(builder, b.Right, rightParens);
    }

    private static bool IsLeftAssociative(BinaryOperator op) => AssociativityOf(op) == Associativity.Left;

    // A flat sum of 250 000 terms is a left spine 250 000 deep: walk it with a list, recursing only into
    // right operands and the leftmost one, whose depth the parser's nesting limit bounds.
    private static void WriteLeftChain(StringBuilder builder, Binary top)
    {
        var spine = new List<Binary> { top };
        while (spine[^1].Left is Binary left && IsLeftAssociative(left.Operator)
            && Precedence(left.Operator) >= Precedence(spine[^1].Operator))
        {
            spine.Add(left);
        }
        var bottom = spine[^1];
        WrapIf(builder, bottom.Left, Precedence(bottom.Left) < Precedence(bottom.Operator));
        for (var i = spine.Count - 1; i >= 0; i--)
        {
            var b = spine[i];
            builder.Append(' ').Append(Symbol(b.Operator)).Append(' ');
            WrapIf(builder, b.Right, Precedence(b.Right) <= Precedence(b.Operator));
        }
    }

    private static void WrapIf(StringBuilder builder, Expr e, bool parentheses)
    {
        if (parentheses)
        {
            builder.Append('(');
        }
        Write(builder, e);
        if (parentheses)
        {
            builder.Append(')');
        }
    }
}
