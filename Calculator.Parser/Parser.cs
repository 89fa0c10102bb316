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

    // Past this depth the parse moves to a thread whose stack surely holds MaxDepth levels.
    private const int DeepThreshold = 150;
    private const int DeepStackSize = 64 * 1024 * 1024;

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
                : ParseStatement(lexer, lexed);
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

    private static ParsedStatement ParseStatement(Lexer lexer, LexedStatement lexed)
    {
        var tokens = lexer.Tokens;
        if (lexed.Depth <= DeepThreshold)
        {
            // The lexer has refused every input deeper than MaxDepth, so a Limit error here only means
            // that the caller's stack is small: parse again on a thread with room.
            var shallow = ParseTokens(lexer.TokenArray, tokens.Length, lexer.Text, lexed.Span);
            if (shallow.Error is not { Kind: DiagnosticKind.Limit })
            {
                return shallow;
            }
        }
        ParsedStatement? result = null;
        var array = tokens.ToArray();
        var source = lexer.Text;
        var thread = new Thread(() => result = ParseTokens(array, array.Length, source, lexed.Span), DeepStackSize);
        thread.Start();
        thread.Join();
        return result!;
    }

    private static ParsedStatement ParseTokens(Token[] array, int count, string source, TextSpan span)
    {
        var tokens = array.AsSpan(0, count);
        var parser = ChooseParser(tokens, out var header);
        Result<Token, Statement> result;
        using (Grammar.TokenCursor.Enter(array, count, source))
        {
            result = parser.Parse((ReadOnlySpan<Token>)tokens);
        }
        return result.Success
            ? new ParsedStatement(span, result.Value, null)
            : new ParsedStatement(span, null, ErrorText.ToDiagnostic(result.Error!, tokens, source, span, header));
    }

    // The statement's form is decided by its first tokens, so no alternative is ever tried and undone.
    // header: how many tokens come before the expression part (a definition's name and parameters).
    private static Parser<Token, Statement> ChooseParser(ReadOnlySpan<Token> tokens, out int header)
    {
        header = 0;
        if (tokens.Length >= 2 && tokens[0].Kind == TokenKind.Name)
        {
            if (tokens[1].Kind == TokenKind.Assign)
            {
                return Grammar.Grammar.Assignment;
            }
            if (tokens[1].Kind == TokenKind.LeftParen)
            {
                for (var i = 2; i < tokens.Length; i++)
                {
                    if (tokens[i].Kind == TokenKind.Assign)
                    {
                        header = i;
                        return Grammar.Grammar.FunctionDefinition;
                    }
                }
            }
        }
        return Grammar.Grammar.ExpressionStatement;
    }
}
