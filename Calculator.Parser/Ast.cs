using System.Collections;
using System.Numerics;

namespace Calculator.Parser;

/// <summary>Binary operators, from SPEC §3.</summary>
public enum BinaryOperator
{
    /// <summary><c>+</c></summary>
    Add,
    /// <summary><c>-</c></summary>
    Subtract,
    /// <summary><c>*</c>, or implicit multiplication such as <c>2pi</c>.</summary>
    Multiply,
    /// <summary><c>/</c></summary>
    Divide,
    /// <summary><c>%</c>, floored.</summary>
    Modulo,
    /// <summary><c>^</c>, right-associative.</summary>
    Power,
    /// <summary><c>==</c></summary>
    Equal,
    /// <summary><c>!=</c></summary>
    NotEqual,
    /// <summary><c>&lt;</c></summary>
    Less,
    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,
    /// <summary><c>&gt;</c></summary>
    Greater,
    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
    /// <summary><c>&amp;&amp;</c>, short-circuit.</summary>
    And,
    /// <summary><c>||</c>, short-circuit.</summary>
    Or,
    /// <summary><c>&amp;</c>, bitwise and of integers (two's complement for negatives).</summary>
    BitwiseAnd,
    /// <summary><c>|</c>, bitwise or of integers (two's complement for negatives).</summary>
    BitwiseOr,
    /// <summary><c>&lt;&lt;</c>, <c>a · 2^n</c> for integers.</summary>
    ShiftLeft,
    /// <summary><c>&gt;&gt;</c>, <c>floor(a / 2^n)</c> for integers.</summary>
    ShiftRight,
    /// <summary><c>//</c>, floored division: <c>floor(a / b)</c>.</summary>
    FloorDivide,
}

/// <summary>Prefix operators.</summary>
public enum UnaryOperator
{
    /// <summary><c>-x</c></summary>
    Negate,
    /// <summary><c>+x</c></summary>
    Plus,
    /// <summary><c>!x</c>, logical not.</summary>
    Not,
    /// <summary><c>~x</c>, bitwise not of an integer: <c>-x-1</c>.</summary>
    BitwiseNot,
    /// <summary><c>√x</c>, the square root (the function <c>sqrt</c>).</summary>
    SquareRoot,
}

/// <summary>The bases a <c>to</c> suffix converts an integer result to (SPEC §5).</summary>
public enum NumberBase
{
    /// <summary><c>to bin</c>: <c>0b1010</c>.</summary>
    Bin = 2,
    /// <summary><c>to oct</c>: <c>0o17</c>.</summary>
    Oct = 8,
    /// <summary><c>to dec</c>: <c>255</c>.</summary>
    Dec = 10,
    /// <summary><c>to hex</c>: <c>0xff</c>.</summary>
    Hex = 16,
}

/// <summary>A node of the syntax tree. Every node knows the characters it came from.</summary>
public abstract record Node(TextSpan Span);

/// <summary>One statement: an expression, an assignment or a function definition.</summary>
public abstract record Statement(TextSpan Span) : Node(Span);

/// <summary>An expression whose value is printed, in <see cref="Base"/> when it ends with <c>to hex</c> and the like.</summary>
public sealed record ExpressionStatement(Expr Expression, TextSpan Span) : Statement(Span)
{
    /// <summary>The base of a <c>to</c> suffix (<c>255 to hex</c>); null without one.</summary>
    public NumberBase? Base { get; init; }
}

/// <summary><c>name = value</c></summary>
public sealed record Assignment(Identifier Name, Expr Value, TextSpan Span) : Statement(Span);

/// <summary><c>name(p1, p2) = body</c></summary>
public sealed record FunctionDefinition(Identifier Name, NodeList<Identifier> Parameters, Expr Body, TextSpan Span)
    : Statement(Span);

/// <summary>A name where it is declared (assignment target, function name, parameter).</summary>
public sealed record Identifier(string Text, TextSpan Span) : Node(Span);

/// <summary>An expression.</summary>
public abstract record Expr(TextSpan Span) : Node(Span);

/// <summary>
/// A number literal kept exact: its value is <c>Significand × 10^Exponent10</c>.
/// <c>2.5e-7</c> is (25, -8); <c>0x1F</c> is (31, 0).
/// </summary>
public sealed record NumberLiteral(BigInteger Significand, int Exponent10, TextSpan Span) : Expr(Span);

/// <summary>A name read as a value: a variable or constant.</summary>
public sealed record Variable(string Name, TextSpan Span) : Expr(Span);

/// <summary>A prefix operator applied to an operand.</summary>
public sealed record Unary(UnaryOperator Operator, Expr Operand, TextSpan Span) : Expr(Span);

/// <summary>Postfix <c>!</c>.</summary>
public sealed record Factorial(Expr Operand, TextSpan Span) : Expr(Span);

/// <summary>A binary operator. <paramref name="OperatorSpan"/> is the operator's own characters.</summary>
public sealed record Binary(BinaryOperator Operator, Expr Left, Expr Right, TextSpan OperatorSpan, TextSpan Span)
    : Expr(Span);

/// <summary><c>name(arg, …)</c></summary>
public sealed record FunctionCall(Identifier Function, NodeList<Expr> Arguments, TextSpan Span) : Expr(Span);

/// <summary><c>condition ? whenTrue : whenFalse</c></summary>
public sealed record Conditional(Expr Condition, Expr WhenTrue, Expr WhenFalse, TextSpan Span) : Expr(Span);

/// <summary>An immutable list that compares element by element, so records holding it compare structurally.</summary>
public sealed class NodeList<T> : IReadOnlyList<T>, IEquatable<NodeList<T>>
    where T : Node
{
    private readonly T[] _items;

    /// <summary>Wraps <paramref name="items"/>; the caller gives up the array.</summary>
    public NodeList(T[] items) => _items = items;

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public T this[int index] => _items[index];

    /// <summary>The items as a span.</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <inheritdoc/>
    public bool Equals(NodeList<T>? other)
    {
        if (other is null)
        {
            return false;
        }
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        return _items.AsSpan().SequenceEqual(other._items);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NodeList<T>);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
