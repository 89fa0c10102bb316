using System.Diagnostics.CodeAnalysis;
using Calculator.Evaluator.Builtins;
using Calculator.Parser;

namespace Calculator.Evaluator;

/// <summary>
/// One expression of calc, parsed once and evaluated as often as needed, in any number of
/// <see cref="Session"/>s. Immutable and thread-safe: share one instance between threads.
/// </summary>
/// <example>
/// <code>
/// var area = CalcExpression.Parse("pi * r^2");
/// session.SetVariable("r", Value.FromInteger(3));
/// Value result = session.Evaluate(area);
/// </code>
/// </example>
public sealed class CalcExpression
{
    private CalcExpression(string text, Expr syntax)
    {
        Text = text;
        Syntax = syntax;
        var variables = new List<string>();
        var functions = new List<string>();
        CollectNames(syntax, variables, functions);
        Variables = variables.AsReadOnly();
        Functions = functions.AsReadOnly();
    }

    /// <summary>The text the expression was parsed from.</summary>
    public string Text { get; }

    /// <summary>
    /// The variable names the expression reads that are not built in (not <c>pi</c>, <c>true</c>, <c>ans</c>, …),
    /// each once, in order of first use: the names a host must supply.
    /// </summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>The function names the expression calls that are not built in, each once, in order of first use.</summary>
    public IReadOnlyList<string> Functions { get; }

    /// <summary>The tree.</summary>
    internal Expr Syntax { get; }

    /// <summary>Parses one expression (no assignment, definition or second statement).</summary>
    /// <param name="text">The expression, such as <c>a*x^2 + b*x + c</c>.</param>
    /// <exception cref="CalcSyntaxException">The text is not one expression; the diagnostic has its place.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static CalcExpression Parse(string text) =>
        TryParse(text, out var expression, out var diagnostic) ? expression : throw new CalcSyntaxException(diagnostic);

    /// <summary>Parses one expression, reporting a syntax error instead of throwing.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="expression">The parsed expression, when the text is one.</param>
    /// <param name="diagnostic">The error with its line and column, when it is not.</param>
    /// <returns>Whether the text is one expression.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static bool TryParse(string text, [NotNullWhen(true)] out CalcExpression? expression,
        [NotNullWhen(false)] out Diagnostic? diagnostic)
    {
        ArgumentNullException.ThrowIfNull(text);
        var statements = CalcParser.ParseProgram(text);
        expression = null;
        if (statements.Count == 0)
        {
            diagnostic = new Diagnostic(DiagnosticKind.Syntax, new TextSpan(text.Length, 0), Messages.NotOneExpression)
                .WithPositionIn(text);
            return false;
        }
        var first = statements[0];
        if (first.Error is { } error)
        {
            diagnostic = error.WithPositionIn(text);
            return false;
        }
        if (first.Syntax is not ExpressionStatement statement)
        {
            diagnostic = new Diagnostic(DiagnosticKind.Syntax, first.Span, Messages.NotOneExpression).WithPositionIn(text);
            return false;
        }
        if (statements.Count > 1)
        {
            diagnostic = new Diagnostic(DiagnosticKind.Syntax, statements[1].Span, Messages.NotOneExpression).WithPositionIn(text);
            return false;
        }
        if (statement.Base is not null)
        {
            // 'to hex' says how a printed result looks; an expression gives the host a Value.
            var suffix = text.AsSpan(statement.Expression.Span.End, statement.Span.End - statement.Expression.Span.End);
            var start = statement.Expression.Span.End + (suffix.Length - suffix.TrimStart().Length);
            diagnostic = new Diagnostic(DiagnosticKind.Syntax, TextSpan.FromBounds(start, statement.Span.End), Messages.ConversionInExpression)
                .WithPositionIn(text);
            return false;
        }
        expression = new CalcExpression(text, statement.Expression);
        diagnostic = null;
        return true;
    }

    /// <summary>The text.</summary>
    public override string ToString() => Text;

    private static void CollectNames(Expr root, List<string> variables, List<string> functions)
    {
        // An explicit stack: a 250 000-term sum must not recurse once per term.
        var pending = new Stack<Expr>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case Variable v when !IsBuiltinValue(v.Name) && seen.Add("v:" + v.Name):
                    variables.Add(v.Name);
                    break;
                case FunctionCall c:
                    if (!BuiltinTable.Functions.ContainsKey(c.Function.Text) && seen.Add("f:" + c.Function.Text))
                    {
                        functions.Add(c.Function.Text);
                    }
                    for (var i = c.Arguments.Count - 1; i >= 0; i--)
                    {
                        pending.Push(c.Arguments[i]);
                    }
                    break;
                case Unary u:
                    pending.Push(u.Operand);
                    break;
                case Factorial f:
                    pending.Push(f.Operand);
                    break;
                case Binary b:
                    pending.Push(b.Right);
                    pending.Push(b.Left);
                    break;
                case Conditional c:
                    pending.Push(c.WhenFalse);
                    pending.Push(c.WhenTrue);
                    pending.Push(c.Condition);
                    break;
            }
        }
    }

    private static bool IsBuiltinValue(string name) => BuiltinTable.IsReserved(name) && !BuiltinTable.Functions.ContainsKey(name);
}
