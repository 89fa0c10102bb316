using Calculator.Parser;
using Xunit;
using static Calculator.Tests.Support.ParserTestKit;

namespace Calculator.Tests.Parser;

/// <summary>Every syntax diagnostic: exact span (start, length) and message in plain English.</summary>
public class DiagnosticTests
{
    [Theory]
    [InlineData("1+*2", 2, 1, "unexpected '*'; expected a number, a name or '('")]
    [InlineData("1+", 2, 0, "unexpected end of input; expected a number, a name or '('")]
    [InlineData("-", 1, 0, "unexpected end of input; expected a number, a name or '('")]
    [InlineData("*", 0, 1, "unexpected '*'; expected a number, a name or '('")]
    [InlineData("(1+2", 4, 0, "unexpected end of input; expected an operator or ')'")]
    [InlineData("(1+2))", 5, 1, "unexpected ')'; expected an operator or end of statement")]
    [InlineData(")", 0, 1, "unexpected ')'; expected a number, a name or '('")]
    [InlineData("()", 1, 1, "unexpected ')'; expected a number, a name or '('")]
    [InlineData("f(*)", 2, 1, "unexpected '*'; expected a number, a name, '(' or ')'")]
    [InlineData("f(", 2, 0, "unexpected end of input; expected a number, a name, '(' or ')'")]
    [InlineData("f(-)", 3, 1, "unexpected ')'; expected a number, a name or '('")]
    [InlineData("f(1,)", 4, 1, "unexpected ')'; expected a number, a name or '('")]
    [InlineData("f(1 2)", 4, 1, "unexpected '2'; expected an operator, ',' or ')'")]
    [InlineData("f(1", 3, 0, "unexpected end of input; expected an operator, ',' or ')'")]
    [InlineData("a ? b", 5, 0, "unexpected end of input; expected an operator or ':'")]
    [InlineData("a ? b : ", 7, 0, "unexpected end of input; expected a number, a name or '('")]
    [InlineData("a : b", 2, 1, "unexpected ':'; expected an operator or end of statement")]
    [InlineData("2^", 2, 0, "unexpected end of input; expected a number, a name or '('")]
    [InlineData("1 + veryveryveryverylongname12345 3", 34, 1, "unexpected '3'; expected an operator or end of statement")]
    [InlineData("x abcdefghij_klmnopqrst", 2, 21, "unexpected 'abcdefghij_klmnopqrst'; expected an operator or end of statement")]
    public void Syntax_UnexpectedToken_NamesTokenAndExpectedSet(string text, int start, int length, string message)
    {
        var error = Error(text);
        Assert.Equal((DiagnosticKind.Syntax, new TextSpan(start, length), message), (error.Kind, error.Span, error.Message));
    }

    [Fact]
    public void Syntax_LongUnexpectedToken_IsShortenedInMessage()
    {
        var error = Error("x " + new string('y', 40));
        Assert.Equal(new TextSpan(2, 40), error.Span);
        Assert.Equal("unexpected '" + new string('y', 24) + "…'; expected an operator or end of statement", error.Message);
    }

    [Theory]
    [InlineData("2 = 3", 2, 1, "unexpected '='; expected an operator or end of statement (use '==' to compare)")]
    [InlineData("x + 1 = 3", 6, 1, "unexpected '='; expected an operator or end of statement (use '==' to compare)")]
    [InlineData("x = 1 = 2", 6, 1, "unexpected '='; expected an operator or end of statement (use '==' to compare)")]
    [InlineData("= 3", 0, 1, "unexpected '='; expected a number, a name or '(' (use '==' to compare)")]
    [InlineData("x =", 3, 0, "unexpected end of input; expected a number, a name or '('")]
    public void Syntax_StrayAssign_SuggestsComparison(string text, int start, int length, string message)
    {
        var error = Error(text);
        Assert.Equal((DiagnosticKind.Syntax, new TextSpan(start, length), message), (error.Kind, error.Span, error.Message));
    }

    [Theory]
    [InlineData("f(2) = 3", 2, 1, "unexpected '2'; expected a parameter name or ')'")]
    [InlineData("f(a, 2) = 3", 5, 1, "unexpected '2'; expected a parameter name")]
    [InlineData("f(a b) = 3", 4, 1, "unexpected 'b'; expected ',' or ')'")]
    [InlineData("f(a = 3", 4, 1, "unexpected '='; expected ',' or ')'")]
    [InlineData("f(a) = ", 6, 0, "unexpected end of input; expected a number, a name or '('")]
    [InlineData("f(a) + 1 = 3", 5, 1, "unexpected '+'; expected '='")]
    public void Syntax_BadFunctionDefinition_ExpectsParameters(string text, int start, int length, string message)
    {
        var error = Error(text);
        Assert.Equal((DiagnosticKind.Syntax, new TextSpan(start, length), message), (error.Kind, error.Span, error.Message));
    }

    [Theory]
    [InlineData("1 @ 2", 2, 1, "unexpected character '@'")]
    [InlineData("café", 3, 1, "unexpected character 'é'")]
    [InlineData("1 +\0 2", 3, 1, "unexpected character U+0000")]
    [InlineData("2 $ 3", 2, 1, "unexpected character '$'")]
    [InlineData("2 \\ 3", 2, 1, "unexpected character '\\'")]
    [InlineData("1 + \U0001F600", 4, 2, "unexpected character '\U0001F600'")]
    [InlineData("١", 0, 1, "unexpected character '١'")]
    [InlineData("1,5", 1, 1, "unexpected ','; expected an operator or end of statement")]
    public void Syntax_UnknownCharacter_IsReportedAtIt(string text, int start, int length, string message)
    {
        var error = Error(text);
        Assert.Equal((DiagnosticKind.Syntax, new TextSpan(start, length), message), (error.Kind, error.Span, error.Message));
    }

    // Built in code: xunit's theory serialisation would turn a lone surrogate into U+FFFD.
    public static TheoryData<string, int, string> InvisibleCharacters() => new()
    {
        { "1 + " + '\uD800' + " + 2", 4, "unexpected character U+D800" },
        { "1 + " + '\uDC00', 4, "unexpected character U+DC00" },
        { "1 + " + '\uDC00' + '\uD800', 4, "unexpected character U+DC00" },
        { "1 \uFEFF+ 2", 2, "unexpected character U+FEFF" },
        { "1 \u200B+ 2", 2, "unexpected character U+200B" },
        { "1 \u00A0+ 2", 2, "unexpected character U+00A0" },
    };

    [Theory]
    [MemberData(nameof(InvisibleCharacters), DisableDiscoveryEnumeration = true)]
    public void Syntax_InvisibleOrLoneSurrogate_IsNamedByCodePoint(string text, int start, string message)
    {
        var error = Error(text);
        Assert.Equal((DiagnosticKind.Syntax, new TextSpan(start, 1), message), (error.Kind, error.Span, error.Message));
    }

    [Fact]
    public void Syntax_FirstErrorWins_AndRestOfStatementIsSkipped()
    {
        var error = Error("1 @ 2 $ 3");
        Assert.Equal((new TextSpan(2, 1), "unexpected character '@'"), (error.Span, error.Message));
    }
}
