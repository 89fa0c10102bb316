using Calculator.Parser.Lexing;
using Pidgin;
using static Calculator.Parser.SyntaxMessages;

namespace Calculator.Parser;

/// <summary>Turns Pidgin's errors over tokens into diagnostics that read like English.</summary>
internal static class ErrorText
{
    private const int MaxShown = 24;

    // Expected items in the order a reader wants them.
    private static readonly string[] Order =
    [
        ANumber, AParameterName, AName, OpenParenthesis, AnOperator, Comma, CloseParenthesis, EqualsSign, Colon, ABase, EndOfStatement,
    ];

    /// <summary>A token as an error message quotes it, shortened when long.</summary>
    public static string Describe(Token token)
    {
        var text = token.Text;
        return text.Length <= MaxShown ? "'" + text.ToString() + "'" : "'" + text[..MaxShown].ToString() + "…'";
    }

    /// <summary>The diagnostic for a failed parse of <paramref name="tokens"/>, the tokens of <paramref name="statement"/>.</summary>
    public static Diagnostic ToDiagnostic(ParseError<Token> error, ReadOnlySpan<Token> tokens, TextSpan statement)
    {
        var offset = (int)Math.Min(error.ErrorOffset, tokens.Length);
        if (error.Message is { } reason)
        {
            if (reason.StartsWith("limit:", StringComparison.Ordinal))
            {
                return new Diagnostic(DiagnosticKind.Limit, offset < tokens.Length ? tokens[offset].Span : new TextSpan(statement.End, 0), reason);
            }
            // The grammar rejects a token right after reading it (Grammar.Rejected).
            var rejected = tokens[offset - 1];
            return new Diagnostic(DiagnosticKind.Syntax, rejected.Span, Rejected(Describe(rejected), reason));
        }

        Token? unexpected = error.Unexpected.HasValue ? error.Unexpected.Value : null;
        // Where an implicit product may not stand, the factor after it is what is unexpected.
        if (unexpected is { Kind: TokenKind.Juxtaposition } && offset + 1 < tokens.Length)
        {
            unexpected = tokens[offset + 1];
        }
        var at = unexpected?.Span ?? (offset < tokens.Length ? tokens[offset].Span : new TextSpan(statement.End, 0));

        var expected = new List<string>();
        foreach (var item in error.Expected)
        {
            if (item.Label is { } label && !expected.Contains(label))
            {
                expected.Add(label);
            }
        }
        expected.Sort((a, b) => Rank(a).CompareTo(Rank(b)));

        // The keyword 'to' anywhere but its one place: where it may stand says more than what was expected.
        if (unexpected is { Kind: TokenKind.To })
        {
            return new Diagnostic(DiagnosticKind.Syntax, at, Rejected(Describe(unexpected.Value), ConversionPlace));
        }
        var what = error.EOF || unexpected is null ? "end of input" : Describe(unexpected.Value);
        var message = Unexpected(what, expected);
        // Where an expression or an operator could stand, a '=' was probably meant as a comparison.
        if (unexpected is { Kind: TokenKind.Assign } && (expected.Contains(AnOperator) || expected.Contains(ANumber)))
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
}
