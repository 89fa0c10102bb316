using Calculator.Parser;

namespace Calculator.Evaluator;

/// <summary>
/// A statement or expression failed: the <see cref="Diagnostic"/> says how and where.
/// Thrown by the throwing members of <see cref="Session"/> and <see cref="CalcExpression"/>;
/// the <c>Try…</c> members return the diagnostic instead.
/// </summary>
public class CalcException : Exception
{
    /// <summary>Creates an exception for a diagnostic.</summary>
    /// <param name="diagnostic">What went wrong and where.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostic"/> is null.</exception>
    public CalcException(Diagnostic diagnostic)
        : base((diagnostic ?? throw new ArgumentNullException(nameof(diagnostic))).ToString())
    {
        Diagnostic = diagnostic;
    }

    /// <summary>What went wrong, with its kind, message, span, line and column.</summary>
    public Diagnostic Diagnostic { get; }
}

/// <summary>The text is not an expression of the language (its <see cref="CalcException.Diagnostic"/> has kind <see cref="DiagnosticKind.Syntax"/> or <see cref="DiagnosticKind.Limit"/>).</summary>
public sealed class CalcSyntaxException : CalcException
{
    /// <summary>Creates an exception for a syntax diagnostic.</summary>
    /// <param name="diagnostic">What went wrong and where.</param>
    public CalcSyntaxException(Diagnostic diagnostic)
        : base(diagnostic)
    {
    }
}
