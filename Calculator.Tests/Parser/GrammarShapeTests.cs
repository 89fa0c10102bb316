using Calculator.Parser;
using Xunit;
using static Calculator.Tests.Support.ParserTestKit;

namespace Calculator.Tests.Parser;

/// <summary>The tree shape of each rule of SPEC §3, as fully parenthesised S-expressions.</summary>
public class GrammarShapeTests
{
    [Theory]
    [InlineData("-2^2", "(neg (^ 2 2))")]
    [InlineData("2^-1", "(^ 2 (neg 1))")]
    [InlineData("2^3^2", "(^ 2 (^ 3 2))")]
    [InlineData("2^3!", "(^ 2 (! 3))")]
    [InlineData("-3!", "(neg (! 3))")]
    [InlineData("7 - 2 - 1", "(- (- 7 2) 1)")]
    [InlineData("8 / 2 / 2", "(/ (/ 8 2) 2)")]
    [InlineData("2pi", "(* 2 pi)")]
    [InlineData("6/2(1+2)", "(* (/ 6 2) (+ 1 2))")]
    [InlineData("(1+2)(3+4)", "(* (+ 1 2) (+ 3 4))")]
    public void SpecConsequence_Parses_ToPinnedShape(string text, string shape) => Assert.Equal(shape, Tree(text));

    [Theory]
    [InlineData("--3", "(neg (neg 3))")]
    [InlineData("-+-+2", "(neg (pos (neg (pos 2))))")]
    [InlineData("5----3", "(- 5 (neg (neg (neg 3))))")]
    [InlineData("!a", "(not a)")]
    [InlineData("!!a", "(not (not a))")]
    [InlineData("-a * b", "(* (neg a) b)")]
    [InlineData("a * -b", "(* a (neg b))")]
    [InlineData("-2^-3^2", "(neg (^ 2 (neg (^ 3 2))))")]
    [InlineData("-(1)", "(neg 1)")]
    public void Unary_PrefixChain_WrapsPowerAndNests(string text, string shape) => Assert.Equal(shape, Tree(text));

    [Theory]
    [InlineData("2^-(1+1)", "(^ 2 (neg (+ 1 1)))")]
    [InlineData("(2^3)^2", "(^ (^ 2 3) 2)")]
    [InlineData("2^3^4^5", "(^ 2 (^ 3 (^ 4 5)))")]
    [InlineData("a^b*c", "(* (^ a b) c)")]
    [InlineData("a*b^c", "(* a (^ b c))")]
    [InlineData("3!^2", "(^ (! 3) 2)")]
    [InlineData("2^!a", "(^ 2 (not a))")]
    public void Power_IsRightAssociative_AndTakesUnaryExponent(string text, string shape) => Assert.Equal(shape, Tree(text));

    [Theory]
    [InlineData("3!", "(! 3)")]
    [InlineData("3!!", "(! (! 3))")]
    [InlineData("(1+2)!", "(! (+ 1 2))")]
    [InlineData("f(x)!", "(! (call f x))")]
    [InlineData("n!", "(! n)")]
    public void Postfix_Factorial_BindsTighterThanPrefix(string text, string shape) => Assert.Equal(shape, Tree(text));

    [Theory]
    [InlineData("1/2a", "(* (/ 1 2) a)")]
    [InlineData("2a^3", "(* 2 (^ a 3))")]
    [InlineData("2^3a", "(* (^ 2 3) a)")]
    [InlineData("8/2a/2", "(/ (* (/ 8 2) a) 2)")]
    [InlineData("2 e", "(* 2 e)")]
    [InlineData("2 pi", "(* 2 pi)")]
    [InlineData("2(3)", "(* 2 3)")]
    [InlineData("(2)x", "(* 2 x)")]
    [InlineData("(x)(y)", "(* x y)")]
    [InlineData("(x)y", "(* x y)")]
    [InlineData("(pi)2", null)]
    [InlineData("2x!", "(* 2 (! x))")]
    [InlineData("2sqrt(2)", "(* 2 (call sqrt 2))")]
    [InlineData("f(1)(2)", "(* (call f 1) 2)")]
    [InlineData("-2x", "(* (neg 2) x)")]
    [InlineData("1 + 2x", "(+ 1 (* 2 x))")]
    [InlineData("2π", "(* 2 pi)")]
    public void Implicit_Multiplication_HasProductPrecedenceAndLeftAssociates(string text, string? shape)
    {
        // A factor must start with a name or '(': a number after ')' is not implicit multiplication.
        if (shape is null)
        {
            Assert.Equal(DiagnosticKind.Syntax, Error(text).Kind);
        }
        else
        {
            Assert.Equal(shape, Tree(text));
        }
    }

    [Theory]
    [InlineData("1 + 2 * 3", "(+ 1 (* 2 3))")]
    [InlineData("1 * 2 + 3", "(+ (* 1 2) 3)")]
    [InlineData("7 % 3 * 2", "(* (% 7 3) 2)")]
    [InlineData("1 - 2 + 3", "(+ (- 1 2) 3)")]
    [InlineData("1 + 2 < 3 * 4", "(< (+ 1 2) (* 3 4))")]
    [InlineData("a && b || c && d", "(|| (&& a b) (&& c d))")]
    [InlineData("a || b && c", "(|| a (&& b c))")]
    [InlineData("a || b || c", "(|| (|| a b) c)")]
    [InlineData("a && b && c", "(&& (&& a b) c)")]
    [InlineData("a == b && c != d", "(&& (== a b) (!= c d))")]
    [InlineData("!a == b", "(== (not a) b)")]
    [InlineData("!(a == b)", "(not (== a b))")]
    public void Binary_Levels_FollowSpecPrecedence(string text, string shape) => Assert.Equal(shape, Tree(text));

    [Theory]
    [InlineData("1 == 2", "(== 1 2)")]
    [InlineData("1 != 2", "(!= 1 2)")]
    [InlineData("3!=2", "(!= 3 2)")]
    [InlineData("1 < 2", "(< 1 2)")]
    [InlineData("1 <= 2", "(<= 1 2)")]
    [InlineData("1 > 2", "(> 1 2)")]
    [InlineData("1 >= 2", "(>= 1 2)")]
    [InlineData("1<-2", "(< 1 (neg 2))")]
    [InlineData("(1 < 2) == (2 < 3)", "(== (< 1 2) (< 2 3))")]
    public void Compare_EachOperator_ParsesWithLongestMatch(string text, string shape) => Assert.Equal(shape, Tree(text));

    [Theory]
    [InlineData("a ? b : c", "(? a b c)")]
    [InlineData("a ? b : c ? d : e", "(? a b (? c d e))")]
    [InlineData("a ? b ? c : d : e", "(? a (? b c d) e)")]
    [InlineData("a || b ? 1 + 2 : 3", "(? (|| a b) (+ 1 2) 3)")]
    [InlineData("(a ? b : c) + 1", "(+ (? a b c) 1)")]
    [InlineData("f(a ? b : c, d)", "(call f (? a b c) d)")]
    public void Conditional_IsRightAssociative_AndLowestPrecedence(string text, string shape) =>
        Assert.Equal(shape, Tree(text));

    [Theory]
    [InlineData("0x1e+4", "(+ 30 4)")]
    [InlineData("1.23e+4", "123e2")]
    [InlineData("1.5e3x", "(* 15e2 x)")]
    [InlineData("2 E", "(* 2 E)")]
    [InlineData("0b0a", "(* 0 a)")]
    [InlineData("2exp", null)]
    public void Number_FollowedByLetters_LexesLikeSpec(string text, string? shape)
    {
        // A letter e right after a decimal number must start an exponent (SPEC §2).
        if (shape is null)
        {
            Assert.Equal(DiagnosticKind.Syntax, Error(text).Kind);
        }
        else
        {
            Assert.Equal(shape, Tree(text));
        }
    }

    [Theory]
    [InlineData("x = 3", "(= x 3)")]
    [InlineData("x = y = 3", null)]
    [InlineData("total_2 = a ? 1 : 2", "(= total_2 (? a 1 2))")]
    [InlineData("f() = 1", "(def f () 1)")]
    [InlineData("f(x) = x^2", "(def f (x) (^ x 2))")]
    [InlineData("f(a, b) = a + b", "(def f (a b) (+ a b))")]
    [InlineData("f(a, b, c) = a ? b : c", "(def f (a b c) (? a b c))")]
    [InlineData("fact(n) = n < 2 ? 1 : n*fact(n-1)", "(def fact (n) (? (< n 2) 1 (* n (call fact (- n 1)))))")]
    public void Statement_AssignmentAndDefinition_Parse(string text, string? shape)
    {
        if (shape is null)
        {
            Assert.Equal(DiagnosticKind.Syntax, Error(text).Kind);
        }
        else
        {
            Assert.Equal(shape, Tree(text));
        }
    }

    [Theory]
    [InlineData("f()", "(call f)")]
    [InlineData("f(1)", "(call f 1)")]
    [InlineData("f(1, 2)", "(call f 1 2)")]
    [InlineData("f(1, 2, 3)", "(call f 1 2 3)")]
    [InlineData("max(1, min(2, 3), -4)", "(call max 1 (call min 2 3) (neg 4))")]
    [InlineData("f(x) == 3", "(== (call f x) 3)")]
    public void Call_ZeroToThreeArguments_Parse(string text, string shape) => Assert.Equal(shape, Tree(text));

    [Theory]
    [InlineData("π", "pi")]
    [InlineData("_", "_")]
    [InlineData("_x1", "_x1")]
    [InlineData("a_b_2", "a_b_2")]
    [InlineData("X9y", "X9y")]
    [InlineData("log10(x)", "(call log10 x)")]
    public void Name_AsciiLettersDigitsUnderscore_AndPi(string text, string shape) => Assert.Equal(shape, Tree(text));

    [Theory]
    [InlineData("2 3", 2, 1, "unexpected '3'; expected an operator or end of statement")]
    [InlineData("1 < 2 < 3", 6, 1, "unexpected '<': comparisons do not chain; combine them with '&&'")]
    [InlineData("1 == 2 != 3", 7, 2, "unexpected '!=': comparisons do not chain; combine them with '&&'")]
    [InlineData("a b", 2, 1, "unexpected 'b'; expected an operator or end of statement")]
    [InlineData("3! x", 3, 1, "unexpected 'x'; expected an operator or end of statement")]
    public void Expression_WithoutOperatorOrChainedComparison_IsSyntaxError(string text, int start, int length, string message)
    {
        var error = Error(text);
        Assert.Equal((DiagnosticKind.Syntax, new TextSpan(start, length), message), (error.Kind, error.Span, error.Message));
    }
}
