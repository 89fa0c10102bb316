using System.Globalization;
using Calculator.Parser;

namespace Calculator.Cli.Input;

/// <summary>The errors the CLI itself finds in input, before the parser sees it.</summary>
internal static class InputMessages
{
    /// <summary>The longest statement line, in UTF-8 bytes (SPEC §8).</summary>
    public const int MaxLineBytes = 1024 * 1024;

    public static Diagnostic InvalidUtf8(int offset, byte value) =>
        new(DiagnosticKind.Syntax, new TextSpan(offset, 1),
            string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8 byte 0x{value:X2}"));

    public static Diagnostic NulCharacter(int offset) =>
        new(DiagnosticKind.Syntax, new TextSpan(offset, 1), "unexpected NUL character");

    public static Diagnostic LineTooLong() =>
        new(DiagnosticKind.Limit, new TextSpan(0, 0), "limit: statement too long");
}
