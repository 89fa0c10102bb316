using Calculator.Parser;
using Calculator.Tests.Support;
using Xunit;
using static Calculator.Tests.Support.ParserTestKit;

namespace Calculator.Tests.Parser;

/// <summary>
/// The operators people paste from documents (issue 16): typographic spellings of <c>* / -</c>, the prefix
/// square root, the postfix powers and the degree sign. Each reads as the ASCII spelling it stands for,
/// and errors quote the character the user typed.
/// </summary>
public class UnicodeOperatorTests
{
    [Theory]
    [InlineData("3 × 4", "3 * 4")]
    [InlineData("3·4", "3*4")]
    [InlineData("3⋅4", "3*4")]
    [InlineData("12 ÷ 4 ÷ 3", "12 / 4 / 3")]
    [InlineData("5 − 7", "5 - 7")]
    [InlineData("−x", "-x")]
    [InlineData("2 − −3", "2 - -3")]
    [InlineData("1 + 2 × 3 − 4 ÷ 5", "1 + 2 * 3 - 4 / 5")]
    [InlineData("2 × −3²", "2 * -3^2")]
    public void TypographicSign_ParsesLikeItsAsciiSpelling(string typed, string ascii) =>
        Assert.Equal(Tree(ascii), Tree(typed));

    [Theory]
    [InlineData("√2", "(sqrt 2)")]
    [InlineData("√(8)", "(sqrt 8)")]
    [InlineData("√x^2", "(sqrt (^ x 2))")]
    [InlineData("-√4", "(neg (sqrt 4))")]
    [InlineData("√-4", "(sqrt (neg 4))")]
    [InlineData("√√16", "(sqrt (sqrt 16))")]
    [InlineData("√2 + 1", "(+ (sqrt 2) 1)")]
    [InlineData("2√9", "(* 2 (sqrt 9))")]
    [InlineData("(1+2)√3", "(* (+ 1 2) (sqrt 3))")]
    [InlineData("2^√4", "(^ 2 (sqrt 4))")]
    [InlineData("√4!", "(sqrt (! 4))")]
    public void SquareRoot_IsAPrefixBindingLikeUnaryMinus(string text, string shape) =>
        Assert.Equal(shape, Tree(text));

    [Theory]
    [InlineData("x²", "(^ x 2)")]
    [InlineData("x³", "(^ x 3)")]
    [InlineData("-2²", "(neg (^ 2 2))")]
    [InlineData("2x²", "(* 2 (^ x 2))")]
    [InlineData("(1+2)²", "(^ (+ 1 2) 2)")]
    [InlineData("2²³", "(^ (^ 2 2) 3)")]
    [InlineData("3!²", "(^ (! 3) 2)")]
    [InlineData("x²!", "(! (^ x 2))")]
    [InlineData("2^3²", "(^ 2 (^ 3 2))")]
    [InlineData("x² + y²", "(+ (^ x 2) (^ y 2))")]
    [InlineData("√x²", "(sqrt (^ x 2))")]
    [InlineData("30°", "(call rad 30)")]
    [InlineData("-30°", "(neg (call rad 30))")]
    [InlineData("sin(30°)", "(call sin (call rad 30))")]
    [InlineData("2x°", "(* 2 (call rad x))")]
    [InlineData("90° == pi/2", "(== (call rad 90) (/ pi 2))")]
    public void Postfix_PowersAndDegrees_BindTightest(string text, string shape) =>
        Assert.Equal(shape, Tree(text));

    [Theory]
    [InlineData("√2 × 3²", "√2 * 3 ^ 2")]
    [InlineData("√(1 + 2)", "√(1 + 2)")]
    [InlineData("-√x", "-√x")]
    [InlineData("x³ − 1", "x ^ 3 - 1")]
    [InlineData("45°", "rad(45)")]
    public void Printer_WritesCanonicalSpellings_ThatParseBack(string text, string printed)
    {
        var tree = Single(text).Syntax!;
        Assert.Equal(printed, Printer.Print(tree));
        Assert.Equal(ParserSexpr.Dump(tree), Tree(printed));
    }

    [Theory]
    [InlineData("3 × × 4", 4, 1, "unexpected '×'; expected a number, a name or '('")]
    [InlineData("× 3", 0, 1, "unexpected '×'; expected a number, a name or '('")]
    [InlineData("6 ÷", 3, 0, "unexpected end of input; expected a number, a name or '('")]
    [InlineData("2 ÷ ÷ 2", 4, 1, "unexpected '÷'; expected a number, a name or '('")]
    [InlineData("1 − · 2", 4, 1, "unexpected '·'; expected a number, a name or '('")]
    [InlineData("√", 1, 0, "unexpected end of input; expected a number, a name or '('")]
    [InlineData("² 3", 0, 1, "unexpected '²'; expected a number, a name or '('")]
    [InlineData("x √2", 2, 1, "unexpected '√'; expected an operator or end of statement")]
    [InlineData("°", 0, 1, "unexpected '°'; expected a number, a name or '('")]
    public void Error_QuotesWhatTheUserTyped(string text, int start, int length, string message)
    {
        var error = Error(text);
        Assert.Equal((DiagnosticKind.Syntax, new TextSpan(start, length), message), (error.Kind, error.Span, error.Message));
    }

    [Fact]
    public void Error_InsideAPostfixPower_PointsAtTheSign()
    {
        // x² is x^2: a failure of the power is reported on the '²' the user typed.
        var outcome = Calc.LastOutcome("(10^(6*10^5))³");
        Assert.Equal((DiagnosticKind.Limit, new TextSpan(13, 1)), (outcome.Error!.Kind, outcome.Error.Span));
    }

    [Theory]
    [InlineData("3 × 4", "12")]
    [InlineData("7 ÷ 2", "3.5")]
    [InlineData("5 − 7", "-2")]
    [InlineData("√2 == sqrt(2)", "true")]
    [InlineData("√(8)", "2.8284271247461900976")]
    [InlineData("√16", "4")]
    [InlineData("√(9/4)", "1.5")]
    [InlineData("2√9", "6")]
    [InlineData("√2²", "2")]
    [InlineData("(√2)²", "2")]
    [InlineData("3² + 4²", "25")]
    [InlineData("(-2)³", "-8")]
    [InlineData("-2²", "-4")]
    [InlineData("x = 1.5; x² · 2", "4.5")]
    [InlineData("sin(30°)", "0.5")]
    [InlineData("90° == pi/2", "true")]
    [InlineData("deg(45°)", "45")]
    [InlineData("cos(60°) × 2", "1")]
    public void Evaluates_AsTheOperatorItSpells(string text, string expected) =>
        Assert.Equal(expected, Calc.Last(text));

    [Fact]
    public void SquareRoot_OfANegative_IsADomainErrorOnTheWholeRoot()
    {
        var outcome = Calc.LastOutcome("1 + √(-4)");
        Assert.Equal((DiagnosticKind.Domain, new TextSpan(4, 5)), (outcome.Error!.Kind, outcome.Error.Span));
    }
}
