using Calculator.Parser.Lexing;
using Pidgin;

namespace Calculator.Parser;

/// <summary>Turns Pidgin's errors over tokens into diagnostics that read like English.</summary>
internal static class ErrorText
{
    private const int MaxShown = 24;

    // Expected items in the order a reader wants them.
    private static readonly string[] Order =
    [
        SyntaxMessages.OperandStart, "a parameter name", "a name", "a number", SyntaxMessages.AnOperator,
        "'('", "','", "')'", "'='", "':'", SyntaxMessages.EndOfStatement,
    ];

    public static string Describe(Token token, string source)
    {
        var text = token.TextIn(source);
        return text.Length <= MaxShown ? "'" + text.ToString() + "'" : "'" + text[..MaxShown].ToString() + "…'";
    }

    // header: tokens before this index are a definition's header, where no operator can follow a name.
    public static Diagnostic ToDiagnostic(ParseError<Token> error, ReadOnlySpan<Token> tokens, string source, TextSpan statement, int header)
    {
        var offset = (int)Math.Min(error.ErrorOffset, tokens.Length);
        var at = error.Unexpected.HasValue ? error.Unexpected.Value.Span
            : offset < tokens.Length ? tokens[offset].Span
            : new TextSpan(statement.End, 0);
        if (error.Message is not null)
        {
            var kind = error.Message.StartsWith("limit:", StringComparison.Ordinal) ? DiagnosticKind.Limit : DiagnosticKind.Syntax;
            return new Diagnostic(kind, at, error.Message);
        }

        var expected = new List<string>();
        foreach (var item in error.Expected)
        {
            if (item.Label is { } label && !expected.Contains(label))
            {
                expected.Add(label);
            }
        }
        // After a complete operand an operator could always have continued the expression.
        if (offset > header && offset <= tokens.Length && EndsOperand(tokens[offset - 1].Kind)
            && !expected.Contains(SyntaxMessages.AnOperator) && !expected.Contains(SyntaxMessages.OperandStart))
        {
            expected.Add(SyntaxMessages.AnOperator);
        }
        expected.Sort((a, b) => Rank(a).CompareTo(Rank(b)));
        // "a number, a name or '('" reads as one item only when it stands alone.
        var operand = expected.IndexOf(SyntaxMessages.OperandStart);
        if (operand >= 0 && expected.Count > 1)
        {
            expected.RemoveAt(operand);
            expected.InsertRange(operand, ["a number", "a name", "'('"]);
        }

        var what = error.EOF || !error.Unexpected.HasValue ? "end of input" : Describe(error.Unexpected.Value, source);
        var message = SyntaxMessages.Unexpected(what, expected);
        if (error.Unexpected.HasValue && error.Unexpected.Value.Kind == TokenKind.Assign && (header == 0 || offset > header))
        {
            message += " (use '==' to compare)";
        }
        return new Diagnostic(DiagnosticKind.Syntax, at, message);
    }

    private static int Rank(string label)
    {
        var index = Array.IndexOf(Order, label);
        return index < 0 ? Order.Length : index;
    }

    private static bool EndsOperand(TokenKind kind) =>
        kind is TokenKind.Number or TokenKind.Name or TokenKind.RightParen or TokenKind.Bang;
}
