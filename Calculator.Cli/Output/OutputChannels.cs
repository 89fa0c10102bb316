namespace Calculator.Cli.Output;

/// <summary>
/// Stdout and stderr, both buffered. When output switches from one to the other the one
/// written before is flushed, so a terminal shows results and errors in input order while a
/// run without errors never flushes per line.
/// </summary>
internal sealed class OutputChannels(TextWriter output, TextWriter error)
{
    private bool _lastWasError;

    /// <summary>Stdout, for results.</summary>
    public TextWriter Output
    {
        get
        {
            if (_lastWasError)
            {
                error.Flush();
                _lastWasError = false;
            }

            return output;
        }
    }

    /// <summary>Stderr, for errors.</summary>
    public TextWriter Error
    {
        get
        {
            if (!_lastWasError)
            {
                output.Flush();
                _lastWasError = true;
            }

            return error;
        }
    }

    /// <summary>Flushes both, in the order they were written.</summary>
    public void Flush()
    {
        if (_lastWasError)
        {
            output.Flush();
            error.Flush();
        }
        else
        {
            error.Flush();
            output.Flush();
        }
    }
}
