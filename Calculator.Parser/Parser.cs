namespace Calculator.Parser;

/// <summary>One statement of the input: either its tree or the error that stopped it.</summary>
/// <param name="Span">The statement's characters (without the separating <c>;</c> or newline, comments or outer blanks).</param>
/// <param name="Syntax">The tree, when the statement parsed.</param>
/// <param name="Error">The first error, when it did not.</param>
public sealed record ParsedStatement(TextSpan Span, Statement? Syntax, Diagnostic? Error);

/// <summary>Entry points of the parser: text in, trees or positioned diagnostics out. Never throws on any input.</summary>
public static class CalcParser
{
    /// <summary>
    /// Parses text holding any number of statements separated by newlines and <c>;</c>.
    /// Blank and comment-only statements are skipped. Spans are offsets into <paramref name="text"/>.
    /// </summary>
    public static IReadOnlyList<ParsedStatement> ParseProgram(string text) => throw new NotImplementedException();
}
