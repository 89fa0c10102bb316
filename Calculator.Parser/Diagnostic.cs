namespace Calculator.Parser;

/// <summary>What went wrong, in the categories users and JSON output see.</summary>
public enum DiagnosticKind
{
    /// <summary>The text is not a statement of the language.</summary>
    Syntax,
    /// <summary>A name that is neither built in nor defined.</summary>
    UnknownName,
    /// <summary>A function called with the wrong number of arguments.</summary>
    Arity,
    /// <summary>An argument outside a function's real domain, such as <c>sqrt(-1)</c>.</summary>
    Domain,
    /// <summary>A division, modulo or power that divides by zero.</summary>
    DivisionByZero,
    /// <summary>A boolean where a number is needed, or the other way round.</summary>
    Type,
    /// <summary>A resource limit of SPEC §8: nesting, recursion, digits, statement length, time, or a cancelled statement.</summary>
    Limit,
    /// <summary>A function supplied by the host program failed in a way that is not a domain error.</summary>
    Host,
}

/// <summary>An error with its place. Positions stay data until the CLI renders them. Immutable and thread-safe.</summary>
/// <param name="Kind">The category.</param>
/// <param name="Span">The characters the error is about, as offsets into the parsed text.</param>
/// <param name="Message">A sentence for the user, without position.</param>
public sealed record Diagnostic(DiagnosticKind Kind, TextSpan Span, string Message)
{
    /// <summary>The 1-based line of <see cref="Span"/>'s start in the text it came from; 0 when the text is not known.</summary>
    public int Line { get; init; }

    /// <summary>The 1-based column (in characters) of <see cref="Span"/>'s start on its line; 0 when the text is not known.</summary>
    public int Column { get; init; }

    /// <summary>This diagnostic with <see cref="Line"/> and <see cref="Column"/> computed from the text it came from.</summary>
    /// <param name="text">The text whose offsets <see cref="Span"/> counts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public Diagnostic WithPositionIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = Math.Clamp(Span.Start, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = text.IndexOf('\n', 0, start); i >= 0; i = text.IndexOf('\n', i + 1, start - i - 1))
        {
            line++;
            lineStart = i + 1;
        }
        return this with { Line = line, Column = start - lineStart + 1 };
    }

    /// <summary>
    /// <c>LINE:COLUMN: error: MESSAGE</c> when the position is known (see <see cref="WithPositionIn"/>),
    /// otherwise <c>error: MESSAGE</c>.
    /// </summary>
    public override string ToString() => Line > 0
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Line}:{Column}: error: {Message}")
        : "error: " + Message;

    /// <summary>The kind as JSON and documentation spell it: <c>syntax</c>, <c>unknown-name</c>, …</summary>
    public string KindName => Kind switch
    {
        DiagnosticKind.Syntax => "syntax",
        DiagnosticKind.UnknownName => "unknown-name",
        DiagnosticKind.Arity => "arity",
        DiagnosticKind.Domain => "domain",
        DiagnosticKind.DivisionByZero => "division-by-zero",
        DiagnosticKind.Type => "type",
        DiagnosticKind.Limit => "limit",
        DiagnosticKind.Host => "host",
        _ => "error",
    };
}
