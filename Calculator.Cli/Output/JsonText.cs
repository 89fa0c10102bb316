using System.Globalization;

namespace Calculator.Cli.Output;

/// <summary>
/// Writes JSON string literals by hand, so output needs no reflection (Native AOT) and is
/// valid JSON for any input: quotes, backslashes and control characters are escaped, and a
/// lone surrogate, which no UTF-8 encoder can write, becomes U+FFFD.
/// </summary>
internal static class JsonText
{
    /// <summary>Writes <paramref name="value"/> as a quoted JSON string.</summary>
    public static void WriteString(TextWriter writer, ReadOnlySpan<char> value)
    {
        writer.Write('"');
        var runStart = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= ' ' && c != '"' && c != '\\' && !char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            writer.Write(value[runStart..i]);
            runStart = i + 1;
            switch (c)
            {
                case '"': writer.Write("\\\""); break;
                case '\\': writer.Write("\\\\"); break;
                case '\n': writer.Write("\\n"); break;
                case '\r': writer.Write("\\r"); break;
                case '\t': writer.Write("\\t"); break;
                case '\b': writer.Write("\\b"); break;
                case '\f': writer.Write("\\f"); break;
                default:
                    if (char.IsSurrogate(c))
                    {
                        writer.Write('\uFFFD');
                    }
                    else
                    {
                        writer.Write("\\u00");
                        writer.Write(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        writer.Write(value[runStart..]);
        writer.Write('"');
    }
}
