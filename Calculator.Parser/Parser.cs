using Calculator.Parser.Lexing;
using Pidgin;

namespace Calculator.Parser;

/// <summary>One statement of the input: either its tree or the error that stopped it.</summary>
/// <param name="Span">The statement's characters (without the separating <c>;</c> or newline, comments or outer blanks).</param>
/// <param name="Syntax">The tree, when the statement parsed.</param>
/// <param name="Error">The first error, when it did not.</param>
public sealed record ParsedStatement(TextSpan Span, Statement? Syntax, Diagnostic? Error);

/// <summary>Entry points of the parser: text in, trees or positioned diagnostics out. Never throws on any input.</summary>
public static class CalcParser
{
    /// <summary>Deepest nesting of parentheses, calls, prefix and power chains accepted (SPEC §8).</summary>
    public const int MaxDepth = 1000;

    /// <summary>Longest statement accepted, in characters (SPEC §8: 1 MiB).</summary>
    public const int MaxStatementLength = 1024 * 1024;

    /// <summary>
    /// Parses text holding any number of statements separated by newlines and <c>;</c>.
    /// Blank and comment-only statements are skipped. Spans are offsets into <paramref name="text"/>.
    /// </summary>
    public static IReadOnlyList<ParsedStatement> ParseProgram(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var lexer = Lexer.Start(text, MaxDepth, MaxStatementLength);
        // A line is nearly always one statement: then the result is one small object, not a list.
        ParsedStatement? single = null;
        List<ParsedStatement>? many = null;
        while (lexer.Next(out var lexed))
        {
            var statement = lexed.Error is not null
                ? new ParsedStatement(lexed.Span, null, lexed.Error)
                : ParseStatement(lexer.Tokens, lexed.Span);
            if (single is null)
            {
                single = statement;
            }
            else
            {
                (many ??= [single]).Add(statement);
            }
        }
        return many ?? (single is null ? [] : [single]);
    }

    private static ParsedStatement ParseStatement(ReadOnlySpan<Token> tokens, TextSpan span)
    {
        var statement = ParseTokens(tokens, span);
        if (statement.Error is not { Kind: DiagnosticKind.Limit })
        {
            return statement;
        }
        // The lexer has refused every input deeper than MaxDepth, so a Limit error here only means that
        // the caller's stack is small: parse again on a thread with room.
        var copy = tokens.ToArray();
        return LargeStack.Run(() => ParseTokens(copy, span));
    }

    private static ParsedStatement ParseTokens(ReadOnlySpan<Token> tokens, TextSpan span)
    {
        var result = Grammar.Grammar.Statement.Parse(tokens);
        return result.Success
            ? new ParsedStatement(span, result.Value, null)
            : new ParsedStatement(span, null, ErrorText.ToDiagnostic(result.Error!, tokens, span));
    }
}
