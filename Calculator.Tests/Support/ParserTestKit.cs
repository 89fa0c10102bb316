using Calculator.Parser;
using Xunit;

namespace Calculator.Tests.Support;

/// <summary>Short ways to parse one statement and look at its tree or its error.</summary>
internal static class ParserTestKit
{
    /// <summary>Parses text that must hold exactly one statement.</summary>
    public static ParsedStatement Single(string text)
    {
        var statements = CalcParser.ParseProgram(text);
        Assert.Single(statements);
        return statements[0];
    }

    /// <summary>The S-expression of a statement that must parse.</summary>
    public static string Tree(string text)
    {
        var statement = Single(text);
        Assert.True(statement.Error is null, $"'{Shorten(text)}' failed: {statement.Error}");
        return ParserSexpr.Dump(statement.Syntax!);
    }

    /// <summary>The expression of a statement that must parse as an expression.</summary>
    public static Expr Expression(string text)
    {
        var statement = Single(text);
        Assert.True(statement.Error is null, $"'{Shorten(text)}' failed: {statement.Error}");
        return Assert.IsType<ExpressionStatement>(statement.Syntax).Expression;
    }

    /// <summary>The diagnostic of a statement that must fail.</summary>
    public static Diagnostic Error(string text)
    {
        var statement = Single(text);
        Assert.True(statement.Syntax is null, $"'{Shorten(text)}' parsed unexpectedly");
        return Assert.IsType<Diagnostic>(statement.Error);
    }

    /// <summary>
    /// Checks the contract of <see cref="CalcParser.ParseProgram"/> for one result: a tree or an error, never both,
    /// with every span inside the text, and every node's span inside its statement's span. Iterative, so any depth is fine.
    /// </summary>
    public static string? Violation(string text, ParsedStatement statement)
    {
        if ((statement.Syntax is null) == (statement.Error is null))
        {
            return "exactly one of tree and error expected";
        }
        if (!Within(statement.Span, text.Length))
        {
            return $"statement span {statement.Span} outside text of length {text.Length}";
        }
        if (statement.Error is { } error)
        {
            return Within(error.Span, text.Length) && error.Message.Length > 0
                ? null
                : $"error span {error.Span} outside text of length {text.Length}, or no message";
        }
        var work = new Stack<Node>();
        work.Push(statement.Syntax!);
        while (work.Count > 0)
        {
            var node = work.Pop();
            if (node.Span.Start < statement.Span.Start || node.Span.End > statement.Span.End || node.Span.Length < 0)
            {
                return $"{node.GetType().Name} span {node.Span} outside statement span {statement.Span}";
            }
            foreach (var child in ParserSexpr.Children(node))
            {
                work.Push(child);
            }
        }
        return null;
    }

    private static bool Within(TextSpan span, int length) => span.Start >= 0 && span.Length >= 0 && span.End <= length;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
