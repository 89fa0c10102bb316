using Calculator.Cli.Input;
using Calculator.Cli.Output;
using Calculator.Evaluator;
using Calculator.Parser;

namespace Calculator.Cli.Commands;

/// <summary>
/// Runs lines through the parser and one session, statement by statement, and hands each
/// outcome to the sink. A newline always ends a statement, so lines are parsed one at a time
/// and memory stays flat however long the source.
/// </summary>
internal sealed class StatementRunner(Session session, IResultSink sink, bool failFast)
{
    /// <summary>True once any statement failed.</summary>
    public bool AnyFailed { get; private set; }

    /// <summary>Runs every line of <paramref name="source"/>; false when <c>--fail-fast</c> stopped at an error.</summary>
    public bool Run(ILineSource source)
    {
        while (source.TryReadLine(out var line))
        {
            if (!RunLine(source.Name, line))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs the statements of one line; false when <c>--fail-fast</c> stopped at an error.</summary>
    public bool RunLine(string sourceName, in SourceLine line)
    {
        if (line.Error is not null)
        {
            return Fail(new StatementContext(sourceName, line.Number, line.Text, new TextSpan(0, line.Text.Length)), line.Error);
        }

        var statements = CalcParser.ParseProgram(line.Text);
        for (var i = 0; i < statements.Count; i++)
        {
            var parsed = statements[i];
            var context = new StatementContext(sourceName, line.Number, line.Text, parsed.Span);
            if (parsed.Syntax is null)
            {
                if (!Fail(context, parsed.Error ?? new Diagnostic(DiagnosticKind.Syntax, parsed.Span, "invalid statement")))
                {
                    return false;
                }

                continue;
            }

            var outcome = session.Execute(parsed.Syntax);
            switch (outcome.Kind)
            {
                case OutcomeKind.Value when outcome.Value is not null:
                    sink.Value(context, outcome.Value);
                    break;
                case OutcomeKind.Assignment when outcome.Value is not null:
                    sink.Assignment(context, outcome.Name ?? "", outcome.Value);
                    break;
                case OutcomeKind.Definition:
                    sink.Definition(context, outcome.Name ?? "");
                    break;
                default:
                    if (!Fail(context, outcome.Error ?? new Diagnostic(DiagnosticKind.Syntax, parsed.Span, "statement failed")))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    private bool Fail(in StatementContext context, Diagnostic error)
    {
        AnyFailed = true;
        sink.Error(context, error);
        return !failFast;
    }
}
