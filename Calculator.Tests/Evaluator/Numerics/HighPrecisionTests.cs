using System.Globalization;
using Calculator.Evaluator.Numerics;
using Calculator.Tests.Support;
using Xunit;

namespace Calculator.Tests.Evaluator.Numerics;

/// <summary>
/// Functions at 1 000 to 12 000 digits, where exp, sin, cos, ln and atan take the bit-burst and
/// Newton paths, against digits computed by mpmath (Data/high-precision.tsv).
/// </summary>
public sealed class HighPrecisionTests
{
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (var (digits, expression, _) in Rows())
        {
            data.Add(digits, expression);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Value_at_high_precision_matches_mpmath(int digits, string expression)
    {
        var expected = Rows().Single(row => row.Digits == digits && row.Expression == expression).Value;
        var printed = Calc.Last(expression, digits);
        Assert.Equal(Normalize(expected), Normalize(printed));
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(9000)]
    public void Exp_of_a_chunked_argument_matches_the_series_path(int bits)
    {
        // An argument whose bits fill every chunk, against the same value at a precision below
        // the bit-burst threshold (Taylor with halving): the balls must overlap.
        var x = Ball.FromRational(-5, 7, bits + 64);
        var fast = Elementary.Exp(x, bits);
        var slow = Elementary.Exp(x, 1000);
        AssertOverlap(fast, slow);
        Assert.True(fast.UpperLog2 - RadiusLog2(fast) > bits - 4, "not precise enough");
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(9000)]
    public void Sin_and_cos_by_bit_burst_satisfy_the_pythagorean_identity(int bits)
    {
        var x = Ball.FromRational(3, 11, bits + 64);
        var sin = Elementary.Sin(x, bits);
        var cos = Elementary.Cos(x, bits);
        var one = Ball.Add(Ball.Multiply(sin, sin, bits), Ball.Multiply(cos, cos, bits), bits);
        Assert.True(Ball.Subtract(one, Ball.One, bits).ContainsZero);
        Assert.True(RadiusLog2(one) < 8 - bits, "not precise enough");
        AssertOverlap(sin, Elementary.Sin(x, 1000));
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(9000)]
    public void Ln_and_atan_by_newton_invert_exp_and_tan(int bits)
    {
        var y = Ball.FromRational(13, 5, bits + 64);
        var ln = Elementary.Ln(y, bits);
        AssertOverlap(Elementary.Exp(ln, bits), y);
        var t = Ball.FromRational(-4, 9, bits + 64);
        var atan = Elementary.Atan(t, bits);
        AssertOverlap(Elementary.Tan(atan, bits), t);
        Assert.True(RadiusLog2(atan) < 4 - bits, "not precise enough");
    }

    [Theory]
    [InlineData(1, 3, 2000)]
    [InlineData(-2, 9, 3000)]
    [InlineData(-7, 1, 2500)]
    [InlineData(5, 1, 9000)]
    [InlineData(1, 1000, 2000)]
    public void Atan_of_a_short_rational_by_its_series_agrees_with_the_newton_correction(int numerator, int denominator, int bits)
    {
        var series = Elementary.Atan(numerator, denominator, bits);
        var newton = Elementary.Atan(Ball.FromRational(numerator, denominator, bits + 64), bits);
        AssertOverlap(series, newton);
        Assert.True(series.UpperLog2 - RadiusLog2(series) > bits - 4, "not precise enough");
        Assert.Equal(Math.Atan((double)numerator / denominator), series.MidEstimate(), 12);
    }

    private static void AssertOverlap(Ball a, Ball b)
    {
        var gap = Ball.Subtract(a, b, 100_000);
        Assert.True(gap.ContainsZero, "the balls are disjoint");
    }

    private static long RadiusLog2(Ball x) => x.Exponent + (long)x.Radius.GetBitLength();

    /// <summary>Sign, significant digits without trailing zeros, and the decimal exponent of the first digit.</summary>
    private static (bool Negative, string Digits, long Exponent) Normalize(string text)
    {
        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        var e = body.IndexOf('e', StringComparison.Ordinal);
        long exponent = e < 0 ? 0 : long.Parse(body[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? body : body[..e];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = point < 0 ? mantissa.Length : point;
        var all = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var leading = all.Length - all.TrimStart('0').Length;
        return (negative, all.Trim('0'), exponent + integerDigits - leading - 1);
    }

    private static IEnumerable<(int Digits, string Expression, string Value)> Rows()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "high-precision.tsv");
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            yield return (int.Parse(fields[0], CultureInfo.InvariantCulture), fields[1], fields[2]);
        }
    }
}
