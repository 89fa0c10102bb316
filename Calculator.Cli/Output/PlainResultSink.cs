using Calculator.Evaluator;
using Calculator.Parser;

namespace Calculator.Cli.Output;

/// <summary>SPEC §5 and §6: one value per line on stdout, errors with a caret on stderr.</summary>
internal sealed class PlainResultSink(OutputChannels channels, ResultFormat format, bool color) : IResultSink
{
    private readonly ColumnCursor _columns = new();

    public void Value(in StatementContext statement, Value value)
    {
        var output = channels.Output;
        output.Write(format.Text(value, out _));
        output.Write('\n');
    }

    public void Assignment(in StatementContext statement, string name, Value value)
    {
    }

    public void Definition(in StatementContext statement, string name)
    {
    }

    public void Error(in StatementContext statement, Diagnostic error, StatementContext? definition = null) =>
        ErrorRenderer.Render(channels.Error, statement, error, color, _columns, definition);
}
