using Calculator.Parser;
using Xunit;
using static Calculator.Tests.Support.ParserTestKit;

namespace Calculator.Tests.Parser;

/// <summary>
/// SPEC §2–§3 for the integer operators and the <c>to</c> suffix: the longest operator wins between
/// the one- and two-character spellings, and <c>to</c> is a keyword of one place.
/// </summary>
public class IntegerSyntaxTests
{
    [Theory]
    [InlineData("a|b", "(| a b)")]
    [InlineData("a||b", "(|| a b)")]
    [InlineData("a&b", "(& a b)")]
    [InlineData("a&&b", "(&& a b)")]
    [InlineData("a<b", "(< a b)")]
    [InlineData("a<=b", "(<= a b)")]
    [InlineData("a<<b", "(<< a b)")]
    [InlineData("a>>b", "(>> a b)")]
    [InlineData("a>=b", "(>= a b)")]
    [InlineData("a*b", "(* a b)")]
    [InlineData("a**b", "(^ a b)")]
    [InlineData("a/b", "(/ a b)")]
    [InlineData("a//b", "(// a b)")]
    [InlineData("!a", "(not a)")]
    [InlineData("~a", "(~ a)")]
    [InlineData("a<<-b", "(<< a (neg b))")]
    [InlineData("a<-b", "(< a (neg b))")]
    [InlineData("a&~b", "(& a (~ b))")]
    [InlineData("a|!b", "(| a (not b))")]
    [InlineData("~!a", "(~ (not a))")]
    [InlineData("a**-b", "(^ a (neg b))")]
    [InlineData("a||b|c", "(|| a (| b c))")]
    [InlineData("a&&b&c", "(&& a (& b c))")]
    [InlineData("3!=2", "(!= 3 2)")]
    [InlineData("3! & 2", "(& (! 3) 2)")]
    public void Lexer_TakesTheLongestOperator(string text, string shape) => Assert.Equal(shape, Tree(text));

    [Theory]
    [InlineData("a ? b : c | d", "(? a b (| c d))")]
    [InlineData("a || b && c == d | e & f << g + h * i // j", "(|| a (&& b (== c (| d (& e (<< f (+ g (// (* h i) j))))))))")]
    [InlineData("-a ** b", "(neg (^ a b))")]
    [InlineData("~a ^ b", "(~ (^ a b))")]
    [InlineData("~a!", "(~ (! a))")]
    [InlineData("a << b << c", "(<< (<< a b) c)")]
    [InlineData("a // b // c", "(// (// a b) c)")]
    [InlineData("a ** b ** c", "(^ a (^ b c))")]
    [InlineData("a & 1 == 0", "(== (& a 1) 0)")]
    public void Precedence_IsThePythonLadder(string text, string shape) => Assert.Equal(shape, Tree(text));

    [Theory]
    [InlineData("255 to hex", "(to hex 255)")]
    [InlineData("-255 to bin", "(to bin (neg 255))")]
    [InlineData("x + 1 to oct", "(to oct (+ x 1))")]
    [InlineData("0xff to dec", "(to dec 255)")]
    [InlineData("a ? b : c to hex", "(to hex (? a b c))")]
    [InlineData("2to hex", "(to hex 2)")]
    public void To_EndsAnExpressionStatement(string text, string shape) => Assert.Equal(shape, Tree(text));

    [Fact]
    public void To_StatementSpanCoversTheSuffix()
    {
        var statement = Assert.IsType<ExpressionStatement>(Single("  255 to hex ").Syntax);
        Assert.Equal((new TextSpan(2, 10), new TextSpan(2, 3), NumberBase.Hex), (statement.Span, statement.Expression.Span, statement.Base));
        Assert.Null(Assert.IsType<ExpressionStatement>(Single("255").Syntax).Base);
    }

    private const string Place = "unexpected 'to': 'to' may only end an expression statement, as in '255 to hex'";

    [Theory]
    [InlineData("x = 3 to hex", 6, 2, "unexpected 'to': an assignment prints nothing to convert; write 'to hex' after an expression, as in 'x to hex'")]
    [InlineData("f(x) = x to hex", 9, 2, "unexpected 'to': an assignment prints nothing to convert; write 'to hex' after an expression, as in 'x to hex'")]
    [InlineData("to", 0, 2, Place)]
    [InlineData("to = 3", 0, 2, Place)]
    [InlineData("to + 1", 0, 2, Place)]
    [InlineData("1 + to", 4, 2, Place)]
    [InlineData("sqrt(to)", 5, 2, Place)]
    [InlineData("(3 to hex)", 3, 2, Place)]
    [InlineData("f(to) = 1", 2, 2, Place)]
    [InlineData("3 to hex to bin", 9, 2, Place)]
    [InlineData("3 to", 4, 0, "unexpected end of input; expected hex, bin, oct or dec")]
    [InlineData("3 to foo", 5, 3, "unexpected 'foo'; expected hex, bin, oct or dec")]
    [InlineData("3 to HEX", 5, 3, "unexpected 'HEX'; expected hex, bin, oct or dec")]
    [InlineData("3 to hex 4", 9, 1, "unexpected '4'; expected end of statement")]
    [InlineData("3 to (hex)", 5, 1, "unexpected '('; expected hex, bin, oct or dec")]
    public void To_Elsewhere_IsASyntaxErrorSayingWhereItMayStand(string text, int start, int length, string message)
    {
        var error = Error(text);
        Assert.Equal((DiagnosticKind.Syntax, new TextSpan(start, length), message), (error.Kind, error.Span, error.Message));
    }

    [Theory]
    [InlineData("1 &", 3, "unexpected end of input; expected a number, a name or '('")]
    [InlineData("1 & & 2", 4, "unexpected '&'; expected a number, a name or '('")]
    [InlineData("1 &&& 2", 4, "unexpected '&'; expected a number, a name or '('")]
    [InlineData("1 ||| 2", 4, "unexpected '|'; expected a number, a name or '('")]
    [InlineData("1 <<< 2", 4, "unexpected '<'; expected a number, a name or '('")]
    [InlineData("2 *** 3", 4, "unexpected '*'; expected a number, a name or '('")]
    [InlineData("2 /// 3", 4, "unexpected '/'; expected a number, a name or '('")]
    [InlineData("2 ~ 3", 2, "unexpected '~'; expected an operator or end of statement")]
    [InlineData("| 1", 0, "unexpected '|'; expected a number, a name or '('")]
    [InlineData("a < b << c < d", 11, "unexpected '<': comparisons do not chain; combine them with '&&'")]
    public void Operators_InTheWrongPlace_AreSyntaxErrorsListingWhatWasExpected(string text, int start, string message)
    {
        var error = Error(text);
        Assert.Equal((DiagnosticKind.Syntax, start, message), (error.Kind, error.Span.Start, error.Message));
    }

    [Theory]
    [InlineData("255 to hex")]
    [InlineData("-x to bin")]
    [InlineData("a ? b : c to oct")]
    [InlineData("~a ** b // c << d & e | f")]
    [InlineData("(a | b) & c")]
    [InlineData("-(a << b)")]
    [InlineData("~(a + b)")]
    public void Printer_RoundTrips(string text)
    {
        var tree = Single(text).Syntax!;
        var printed = Printer.Print(tree);
        Assert.Equal(ParserSexpr(tree), Tree(printed));
    }

    private static string ParserSexpr(Node node) => Calculator.Tests.Support.ParserSexpr.Dump(node);
}
