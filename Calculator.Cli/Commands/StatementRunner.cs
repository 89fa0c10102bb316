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
    // Where each user function was last defined, for the note of an error inside it (SPEC §6).
    private readonly Dictionary<string, StatementContext> _definitions = new(StringComparer.Ordinal);

    /// <summary>SIGINT and SIGTERM: the running statement's token, and whether calc must end.</summary>
    public Signals? Signals { get; init; }

    /// <summary>True once any statement failed.</summary>
    public bool AnyFailed { get; private set; }

    /// <summary>Runs every line of <paramref name="source"/>; false when <c>--fail-fast</c> stopped at an error.</summary>
    public bool Run(ILineSource source)
    {
        while (Signals is not { EndStatus: not 0 } && source.TryReadLine(out var line))
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

        return RunParsed(sourceName, line, CalcParser.ParseProgram(line.Text));
    }

    /// <summary>
    /// Runs the statements of one line parsed beforehand (<paramref name="statements"/> is null when
    /// the line itself is spoilt); false when <c>--fail-fast</c> stopped at an error.
    /// </summary>
    public bool RunParsed(string sourceName, in SourceLine line, IReadOnlyList<ParsedStatement>? statements)
    {
        if (line.Error is not null || statements is null)
        {
            return Fail(new StatementContext(sourceName, line.Number, line.Text, new TextSpan(0, line.Text.Length)),
                line.Error ?? new Diagnostic(DiagnosticKind.Syntax, new TextSpan(0, line.Text.Length), "invalid line"));
        }

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

            var outcome = session.Execute(parsed.Syntax, Signals?.StatementToken ?? default);
            if (Signals is { EndStatus: not 0 })
            {
                // calc ends at a signal: the statement it stopped has no result to report.
                return false;
            }

            switch (outcome.Kind)
            {
                case OutcomeKind.Value when outcome.Value is not null:
                    sink.Value(context, outcome.Value);
                    break;
                case OutcomeKind.Assignment when outcome.Value is not null:
                    sink.Assignment(context, outcome.Name ?? "", outcome.Value);
                    break;
                case OutcomeKind.Definition:
                    _definitions[outcome.Name ?? ""] = context;
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
        sink.Error(context, error, error.Note is { } note && _definitions.TryGetValue(note.Function, out var definition) ? definition : null);
        return !failFast;
    }
}
