using System.Globalization;
using System.Numerics;
using Calculator.Evaluator;
using Xunit;

namespace Calculator.Tests.Evaluator.Numerics;

/// <summary>
/// The families of issue 13 (cancellation past the cap, exact ties reached through irrational
/// operations, trigonometric arguments up to 2^(2^20), integer parts of large approximate
/// values) against reference values computed by mpmath (Data/accuracy.py writes
/// Data/accuracy.tsv), and the law that the P-digit text is the 2P-digit value rounded to P.
/// </summary>
public sealed class AccuracyCorpusTests
{
    public static TheoryData<string, int, string, string> Rows { get; } = Load(includeSlow: true);

    public static TheoryData<string, int, string, string> LawRows { get; } = Load(includeSlow: false);

    [Theory]
    [MemberData(nameof(Rows))]
    public void Prints_the_reference_value(string family, int precision, string expression, string expected)
    {
        var printed = Evaluate(expression, precision);
        Assert.True(
            Decimal.Parse(expected) == Decimal.Parse(printed),
            $"{family}: {expression} at P={precision.ToString(CultureInfo.InvariantCulture)} printed {printed}, mpmath {expected}");
    }

    [Theory]
    [MemberData(nameof(LawRows))]
    public void Printing_at_P_is_printing_at_2P_rounded_to_P(string family, int precision, string expression, string expected)
    {
        _ = family;
        _ = expected;
        var printed = Evaluate(expression, precision);
        var printedAt2P = Evaluate(expression, 2 * precision);
        if (IsExactAndUnrounded(expression, precision))
        {
            // A value recognised as exact with a terminating expansion prints all its digits at any P (SPEC §5).
            Assert.Equal(printedAt2P, printed);
            return;
        }
        var atP = Decimal.Parse(printed);
        var at2P = Decimal.Parse(printedAt2P);
        Assert.Equal(at2P.RoundTo(precision), atP);
    }

    private static bool IsExactAndUnrounded(string expression, int precision)
    {
        var value = new Session(new SessionOptions { Precision = precision }).Run(expression)[^1].Value!;
        _ = value.FormatWithRounding(false, out var rounded);
        return value.IsExact && !rounded;
    }

    private static string Evaluate(string expression, int precision)
    {
        var outcomes = new Session(new SessionOptions { Precision = precision }).Run(expression);
        var last = outcomes[^1];
        Assert.True(last.Error is null, $"{expression}: {last.Error?.Message}");
        return last.Value!.Format();
    }

    private static TheoryData<string, int, string, string> Load(bool includeSlow)
    {
        var data = new TheoryData<string, int, string, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "accuracy.tsv");
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split('\t');
            var slow = cells[2].Contains("2^1048576", StringComparison.Ordinal);
            if (includeSlow || (!slow && cells[0] != "floor"))
            {
                data.Add(cells[0], int.Parse(cells[1], CultureInfo.InvariantCulture), cells[2], cells[3]);
            }
        }

        return data;
    }

    /// <summary>±Digits·10^Exponent with no trailing zeros in Digits: one spelling per value.</summary>
    internal readonly record struct Decimal(BigInteger Digits, long Exponent)
    {
        public static Decimal Parse(string text)
        {
            var e = text.IndexOfAny(['e', 'E']);
            var mantissa = e < 0 ? text : text[..e];
            long exponent = e < 0 ? 0 : long.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            var point = mantissa.IndexOf('.', StringComparison.Ordinal);
            if (point >= 0)
            {
                exponent -= mantissa.Length - point - 1;
                mantissa = mantissa.Remove(point, 1);
            }

            return Normalized(BigInteger.Parse(mantissa, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), exponent);
        }

        /// <summary>Rounded to <paramref name="precision"/> significant digits, halves away from zero.</summary>
        public Decimal RoundTo(int precision)
        {
            var count = BigInteger.Abs(Digits).ToString(CultureInfo.InvariantCulture).Length;
            if (Digits.IsZero || count <= precision)
            {
                return this;
            }

            var unit = BigInteger.Pow(10, count - precision);
            var kept = BigInteger.DivRem(BigInteger.Abs(Digits), unit, out var rest);
            if (2 * rest >= unit)
            {
                kept++;
            }

            return Normalized(Digits.Sign < 0 ? -kept : kept, Exponent + count - precision);
        }

        private static Decimal Normalized(BigInteger digits, long exponent)
        {
            if (digits.IsZero)
            {
                return new Decimal(BigInteger.Zero, 0);
            }

            while (BigInteger.Remainder(digits, 10).IsZero)
            {
                digits /= 10;
                exponent++;
            }

            return new Decimal(digits, exponent);
        }
    }
}
