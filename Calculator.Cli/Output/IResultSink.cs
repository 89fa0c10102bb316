using Calculator.Evaluator;
using Calculator.Parser;

namespace Calculator.Cli.Output;

/// <summary>Where one statement came from.</summary>
/// <param name="Source">The source name: a path, <c>&lt;stdin&gt;</c> or <c>&lt;args&gt;</c>.</param>
/// <param name="Line">The line number, from 1.</param>
/// <param name="LineText">The whole line the statement stands on.</param>
/// <param name="Span">The statement's characters in <paramref name="LineText"/>.</param>
internal readonly record struct StatementContext(string Source, long Line, string LineText, TextSpan Span)
{
    /// <summary>The statement's own text, clamped to the line.</summary>
    public ReadOnlySpan<char> Input
    {
        get
        {
            var start = Math.Clamp(Span.Start, 0, LineText.Length);
            var end = Math.Clamp(Span.End, start, LineText.Length);
            return LineText.AsSpan(start, end - start);
        }
    }
}

/// <summary>Receives what each statement produced, in input order: plain text or JSON Lines.</summary>
internal interface IResultSink
{
    void Value(in StatementContext statement, Value value);

    void Assignment(in StatementContext statement, string name, Value value);

    void Definition(in StatementContext statement, string name);

    /// <param name="statement">The failed statement.</param>
    /// <param name="error">What went wrong.</param>
    /// <param name="definition">For an error inside a user function, the statement that defined it, when known.</param>
    void Error(in StatementContext statement, Diagnostic error, StatementContext? definition = null);
}
