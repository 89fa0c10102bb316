using Calculator.Parser;
using Calculator.Tests.Support;
using Xunit;

namespace Calculator.Tests.Parser;

/// <summary>How text is cut into statements (SPEC §2) and the spans each statement gets.</summary>
public class StatementSplittingTests
{
    private static (string Tree, int Start, int Length)[] Parse(string text) =>
        [.. CalcParser.ParseProgram(text).Select(s =>
            (s.Syntax is null ? "error: " + s.Error!.Message : ParserSexpr.Dump(s.Syntax), s.Span.Start, s.Span.Length))];

    [Fact]
    public void Program_NewlinesAndSemicolons_SplitStatements()
    {
        Assert.Equal(
            [("(= x 3)", 0, 5), ("(^ x 2)", 6, 3), ("(call sqrt x)", 11, 7)],
            Parse("x = 3\nx^2; sqrt(x)"));
    }

    [Fact]
    public void Program_BlankAndCommentOnlyStatements_AreSkipped()
    {
        Assert.Equal(
            [("1", 14, 1), ("2", 25, 1)],
            Parse("\n  \t\n# note\n;;1 # one\n\n;;2;\n# end"));
    }

    [Fact]
    public void Program_Empty_HasNoStatements()
    {
        Assert.Empty(CalcParser.ParseProgram(""));
        Assert.Empty(CalcParser.ParseProgram("\uFEFF"));
        Assert.Empty(CalcParser.ParseProgram(" ;\r\n; # only a comment"));
    }

    [Fact]
    public void Program_CommentAfterCode_IsExcludedFromSpan()
    {
        Assert.Equal([("(+ 1 2)", 0, 5)], Parse("1 + 2   # the sum; not a new statement"));
    }

    [Fact]
    public void Program_LeadingByteOrderMark_IsSkipped()
    {
        Assert.Equal([("(+ 1 1)", 1, 3)], Parse("\uFEFF1+1"));
    }

    [Fact]
    public void Program_CrLfLineEnds_CountAsNewlines()
    {
        Assert.Equal([("(= x 1)", 0, 5), ("(* x 2)", 7, 3)], Parse("x = 1\r\nx*2\r\n"));
    }

    [Fact]
    public void Program_ErrorInOneStatement_DoesNotLoseTheOthers()
    {
        Assert.Equal(
            [("1", 0, 1), ("error: unexpected character '@'", 2, 3), ("3", 6, 1)],
            Parse("1;2@2\n3"));
    }

    [Fact]
    public void Program_Spans_CoverStatementWithoutOuterBlanks()
    {
        var statements = CalcParser.ParseProgram("  f(a, b) = a  ;\t y = 2 ");
        Assert.Equal([new TextSpan(2, 11), new TextSpan(18, 5)], statements.Select(s => s.Span));
        var definition = Assert.IsType<FunctionDefinition>(statements[0].Syntax);
        Assert.Equal(new TextSpan(2, 11), definition.Span);
        Assert.Equal(new TextSpan(2, 1), definition.Name.Span);
        Assert.Equal([new TextSpan(4, 1), new TextSpan(7, 1)], definition.Parameters.Select(p => p.Span));
        Assert.Equal(new TextSpan(12, 1), definition.Body.Span);
        var assignment = Assert.IsType<Assignment>(statements[1].Syntax);
        Assert.Equal((new TextSpan(18, 1), new TextSpan(22, 1)), (assignment.Name.Span, assignment.Value.Span));
    }

    [Fact]
    public void Expression_NodeSpans_CoverTheirCharacters()
    {
        const string text = "-2^3! + f(x, (1))*y ? a : b";
        var conditional = Assert.IsType<Conditional>(ParserTestKit.Expression(text));
        Assert.Equal(new TextSpan(0, text.Length), conditional.Span);
        var sum = Assert.IsType<Binary>(conditional.Condition);
        Assert.Equal((new TextSpan(0, 19), new TextSpan(6, 1)), (sum.Span, sum.OperatorSpan));
        var negation = Assert.IsType<Unary>(sum.Left);
        Assert.Equal(new TextSpan(0, 5), negation.Span);
        var power = Assert.IsType<Binary>(negation.Operand);
        Assert.Equal((new TextSpan(1, 4), new TextSpan(2, 1)), (power.Span, power.OperatorSpan));
        Assert.Equal(new TextSpan(3, 2), Assert.IsType<Factorial>(power.Right).Span);
        var product = Assert.IsType<Binary>(sum.Right);
        Assert.Equal(new TextSpan(8, 11), product.Span);
        var call = Assert.IsType<FunctionCall>(product.Left);
        Assert.Equal((new TextSpan(8, 9), new TextSpan(8, 1)), (call.Span, call.Function.Span));
        Assert.Equal(new TextSpan(13, 3), call.Arguments[1].Span);
    }

    [Fact]
    public void Implicit_Multiplication_HasZeroWidthOperatorSpan()
    {
        var product = Assert.IsType<Binary>(ParserTestKit.Expression("2pi"));
        Assert.Equal((BinaryOperator.Multiply, new TextSpan(1, 0), new TextSpan(0, 3)), (product.Operator, product.OperatorSpan, product.Span));
    }
}
