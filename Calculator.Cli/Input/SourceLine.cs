using Calculator.Parser;

namespace Calculator.Cli.Input;

/// <summary>One line of a source, without its line end.</summary>
/// <param name="Number">The line number, from 1.</param>
/// <param name="Text">The decoded line; when <paramref name="Error"/> is set, a best-effort echo of it for messages.</param>
/// <param name="Error">Why the line cannot be parsed at all (invalid UTF-8, a NUL, too long); spans index <paramref name="Text"/>.</param>
internal readonly record struct SourceLine(long Number, string Text, Diagnostic? Error);

/// <summary>A named sequence of lines: a file, stdin, the arguments or the prompt.</summary>
internal interface ILineSource
{
    /// <summary>The name errors show: a path, <c>&lt;stdin&gt;</c> or <c>&lt;args&gt;</c>.</summary>
    string Name { get; }

    /// <summary>Reads the next line; false at the end of the source.</summary>
    bool TryReadLine(out SourceLine line);
}

/// <summary>Reading a source failed after it was opened (for example an I/O error on a file).</summary>
internal sealed class InputReadException(string source, Exception inner)
    : Exception($"cannot read {source}: {inner.Message}", inner);
