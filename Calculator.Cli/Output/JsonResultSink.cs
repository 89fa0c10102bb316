using System.Globalization;
using Calculator.Evaluator;
using Calculator.Parser;

namespace Calculator.Cli.Output;

/// <summary>
/// SPEC §7 JSON Lines: exactly one object per statement on stdout, errors included, in input order.
/// <code>
/// {"source":"&lt;stdin&gt;","line":3,"input":"2^10","value":"1024","exact":true}
/// {"source":"&lt;stdin&gt;","line":4,"input":"x = 3","name":"x","value":"3","exact":true}
/// {"source":"&lt;stdin&gt;","line":5,"input":"1/3","value":"0.33333333333333333333","exact":true,"rounded":true}
/// {"source":"&lt;stdin&gt;","line":6,"input":"f(a) = a^2","name":"f"}
/// {"source":"&lt;stdin&gt;","line":7,"input":"1+*2","error":{"kind":"syntax","message":"…","column":3,"length":1}}
/// </code>
/// </summary>
internal sealed class JsonResultSink(OutputChannels channels, ResultFormat format) : IResultSink
{
    private readonly ColumnCursor _columns = new();

    public void Value(in StatementContext statement, Value value)
    {
        var output = Begin(statement);
        WriteValue(output, value);
        output.Write("}\n");
    }

    public void Assignment(in StatementContext statement, string name, Value value)
    {
        var output = Begin(statement);
        WriteName(output, name);
        WriteValue(output, value);
        output.Write("}\n");
    }

    public void Definition(in StatementContext statement, string name)
    {
        var output = Begin(statement);
        WriteName(output, name);
        output.Write("}\n");
    }

    public void Error(in StatementContext statement, Diagnostic error, StatementContext? definition = null)
    {
        var (column, length) = _columns.Locate(statement.LineText, error.Span.Start, error.Span.Length);
        var output = Begin(statement);
        output.Write(",\"error\":{\"kind\":");
        JsonText.WriteString(output, error.KindName);
        output.Write(",\"message\":");
        JsonText.WriteString(output, error.Message);
        output.Write(",\"column\":");
        output.Write(column.ToString(CultureInfo.InvariantCulture));
        output.Write(",\"length\":");
        output.Write(length.ToString(CultureInfo.InvariantCulture));
        WriteNote(output, error.Note, definition);
        output.Write("}}\n");
    }

    /// <summary><c>,"note":{"function":"f","source":…,"line":1,"column":6,"length":9}</c>: the place in the definition.</summary>
    private static void WriteNote(TextWriter output, DiagnosticNote? note, StatementContext? definition)
    {
        if (note is null)
        {
            return;
        }

        output.Write(",\"note\":{\"function\":");
        JsonText.WriteString(output, note.Function);
        if (definition is { } site)
        {
            var (column, length) = TextColumns.Locate(site.LineText, note.Span.Start, note.Span.Length);
            output.Write(",\"source\":");
            JsonText.WriteString(output, site.Source);
            output.Write(",\"line\":");
            output.Write(site.Line.ToString(CultureInfo.InvariantCulture));
            output.Write(",\"column\":");
            output.Write(column.ToString(CultureInfo.InvariantCulture));
            output.Write(",\"length\":");
            output.Write(length.ToString(CultureInfo.InvariantCulture));
        }

        output.Write('}');
    }

    private TextWriter Begin(in StatementContext statement)
    {
        var output = channels.Output;
        output.Write("{\"source\":");
        JsonText.WriteString(output, statement.Source);
        output.Write(",\"line\":");
        output.Write(statement.Line.ToString(CultureInfo.InvariantCulture));
        output.Write(",\"input\":");
        JsonText.WriteString(output, statement.Input);
        return output;
    }

    private static void WriteName(TextWriter output, string name)
    {
        output.Write(",\"name\":");
        JsonText.WriteString(output, name);
    }

    private void WriteValue(TextWriter output, Value value)
    {
        output.Write(",\"value\":");
        JsonText.WriteString(output, format.Text(value, out var rounded));
        output.Write(value.IsExact ? ",\"exact\":true" : ",\"exact\":false");
        if (rounded)
        {
            output.Write(",\"rounded\":true");
        }
    }
}
