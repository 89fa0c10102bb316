using System.Text;
using Calculator.Parser;
using Xunit;
using static Calculator.Tests.Support.ParserTestKit;

namespace Calculator.Tests.Parser;

/// <summary>The canonical text the printer gives to parsed statements.</summary>
public class PrinterTests
{
    [Theory]
    [InlineData("2pi", "2 * pi")]
    [InlineData("-2^2", "-2 ^ 2")]
    [InlineData("(-2)^2", "(-2) ^ 2")]
    [InlineData("2^-1", "2 ^ -1")]
    [InlineData("(2^3)^2", "(2 ^ 3) ^ 2")]
    [InlineData("2^3^2", "2 ^ 3 ^ 2")]
    [InlineData("1-(2-3)", "1 - (2 - 3)")]
    [InlineData("(1-2)-3", "1 - 2 - 3")]
    [InlineData("(1<2)==(3<4)", "(1 < 2) == (3 < 4)")]
    [InlineData("-(3!)", "-3!")]
    [InlineData("(-3)!", "(-3)!")]
    [InlineData("((a))", "a")]
    [InlineData("(a?b:c)?d:e", "(a ? b : c) ? d : e")]
    [InlineData("a?b:(c?d:e)", "a ? b : c ? d : e")]
    [InlineData("2.50", "250e-2")]
    [InlineData("0x10", "16")]
    [InlineData("π", "pi")]
    [InlineData("x=1", "x = 1")]
    [InlineData("f(a,b)=a", "f(a, b) = a")]
    [InlineData("f()=g()", "f() = g()")]
    public void Print_ParsedStatement_IsCanonical(string text, string printed) =>
        Assert.Equal(printed, Printer.Print(Single(text).Syntax!));

    [Fact]
    public void Print_FlatSumOf250000Terms_DoesNotRecursePerTerm()
    {
        var text = new StringBuilder("1").Insert(1, "+1", 249_999).ToString();
        var printed = Printer.Print(Expression(text));
        Assert.Equal(250_000 + (249_999 * 3), printed.Length);
        Assert.StartsWith("1 + 1 + 1", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_LongMixedLeftChains_KeepsPrecedence()
    {
        var text = new StringBuilder("1").Insert(1, "*2/3%4-5+6", 20_000).ToString();
        var printed = Printer.Print(Expression(text));
        Assert.StartsWith("1 * 2 / 3 % 4 - 5 + 6 * 2 / 3 % 4 - 5 + 6", printed, StringComparison.Ordinal);
    }
}
