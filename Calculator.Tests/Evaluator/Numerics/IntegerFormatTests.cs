using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Calculator.Evaluator.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using static Calculator.Tests.Evaluator.Numerics.RationalGenerators;

namespace Calculator.Tests.Evaluator.Numerics;

public sealed class IntegerFormatTests
{
    [Theory]
    [InlineData("255", 16, "0xff")]
    [InlineData("-255", 16, "-0xff")]
    [InlineData("10", 2, "0b1010")]
    [InlineData("8", 8, "0o10")]
    [InlineData("0", 16, "0x0")]
    [InlineData("0", 2, "0b0")]
    [InlineData("-1", 2, "-0b1")]
    [InlineData("18446744073709551615", 16, "0xffffffffffffffff")]
    [InlineData("18446744073709551616", 16, "0x10000000000000000")]
    [InlineData("511", 8, "0o777")]
    [InlineData("512", 8, "0o1000")]
    [InlineData("-123456789", 10, "-123456789")]
    [InlineData("128", 16, "0x80")]
    public void Format_writes_lower_case_digits_after_the_sign_and_prefix(string value, int radix, string expected) =>
        Assert.Equal(expected, IntegerFormat.Format(BigInteger.Parse(value, CultureInfo.InvariantCulture), radix));

    [Property(MaxTest = 300)]
    public Property Format_reads_back_as_the_same_integer() =>
        Prop.ForAll(AnyInteger, Gen.Elements(2, 8, 16).ToArbitrary(), (x, radix) =>
        {
            var text = IntegerFormat.Format(x, radix);
            var negative = text.StartsWith('-');
            var digits = text[(negative ? 3 : 2)..];
            var value = BigInteger.Zero;
            foreach (var c in digits)
            {
                value = (value * radix) + Convert.ToInt32(c.ToString(), 16);
            }

            return (negative ? -value : value) == x && !digits.Any(char.IsAsciiLetterUpper)
                && (digits.Length == 1 || digits[0] != '0');
        });

    [Fact]
    public void Format_of_a_million_digit_number_is_linear()
    {
        var x = BigInteger.Pow(7, 1_200_000);
        var clock = Stopwatch.StartNew();
        var hex = IntegerFormat.Format(x, 16);
        var binary = IntegerFormat.Format(-x, 2);
        var octal = IntegerFormat.Format(x, 8);
        Assert.True(clock.ElapsedMilliseconds < 3000, $"took {clock.ElapsedMilliseconds} ms");
        Assert.Equal(x.ToString("x", CultureInfo.InvariantCulture).TrimStart('0'), hex[2..]);
        Assert.Equal((long)x.GetBitLength() + 3, binary.Length);
        Assert.Equal((x.GetBitLength() + 2) / 3, octal.Length - 2);
    }

    [Fact]
    public void Format_rejects_other_radices() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IntegerFormat.Format(5, 7));
}
