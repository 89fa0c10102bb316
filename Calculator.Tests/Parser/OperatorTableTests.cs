using Calculator.Parser;
using Calculator.Tests.Support;
using Xunit;
using static Calculator.Tests.Support.ParserTestKit;

namespace Calculator.Tests.Parser;

/// <summary>
/// Every pair of operators, generated from <see cref="OperatorTable"/> (as minsk's SyntaxFacts feeds its
/// parser tests): the tree shape follows the table's precedence and associativity, and printing the tree
/// parses back to it. A new row of the table is tested here without a new line of test.
/// </summary>
public class OperatorTableTests
{
    // Implicit multiplication has no symbol: it is tested with its own spelling in GrammarShapeTests.
    private static IEnumerable<BinaryRow> Spelled => OperatorTable.Binary.Where(row => row.Symbol.Length > 0);

    public static TheoryData<string, string> BinaryPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var first in Spelled)
        {
            foreach (var second in Spelled)
            {
                data.Add(first.Symbol, second.Symbol);
            }
        }
        return data;
    }

    public static TheoryData<string, string> PrefixBinaryPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var prefix in OperatorTable.Prefix)
        {
            foreach (var binary in Spelled)
            {
                data.Add(prefix.Symbol, binary.Symbol);
            }
        }
        return data;
    }

    public static TheoryData<string, string> BinaryPostfixPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var binary in Spelled)
        {
            foreach (var postfix in OperatorTable.Postfix)
            {
                data.Add(binary.Symbol, postfix.Symbol);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BinaryPairs))]
    public void BinaryPair_GroupsByPrecedenceAndAssociativity_AndRoundTrips(string first, string second)
    {
        var left = Row(first);
        var right = Row(second);
        var text = $"a {first} b {second} c";
        var leftFirst = left.Precedence > right.Precedence
            || (left.Precedence == right.Precedence && left.Associativity == Associativity.Left);
        if (left.Precedence == right.Precedence && left.Associativity == Associativity.None)
        {
            // Non-associative operators do not chain: the second one is the error.
            var error = Error(text);
            Assert.Equal((DiagnosticKind.Syntax, new TextSpan(5 + first.Length, second.Length)), (error.Kind, error.Span));
            return;
        }
        // The tree names each operator by its canonical symbol ('**' is '^').
        var (one, two) = (Canonical(left), Canonical(right));
        var expected = leftFirst
            ? $"({two} ({one} a b) c)"
            : $"({one} a ({two} b c))";
        Assert.Equal(expected, Tree(text));
        AssertRoundTrips(text);
    }

    [Theory]
    [MemberData(nameof(PrefixBinaryPairs))]
    public void PrefixBeforeBinary_BindsByPrecedence_AndRoundTrips(string prefix, string binary)
    {
        var row = Row(binary);
        var text = $"{prefix}a {binary} b";
        var unary = PrefixName(prefix);
        var symbol = Canonical(row);
        var expected = row.Precedence > OperatorTable.PrefixPrecedence
            ? $"({unary} ({symbol} a b))"
            : $"({symbol} ({unary} a) b)";
        Assert.Equal(expected, Tree(text));
        AssertRoundTrips(text);
    }

    [Theory]
    [MemberData(nameof(BinaryPostfixPairs))]
    public void BinaryBeforePostfix_PostfixBindsTighter_AndRoundTrips(string binary, string postfix)
    {
        var text = $"a {binary} b{postfix}";
        Assert.Equal($"({Canonical(Row(binary))} a {PostfixTree("b", postfix)})", Tree(text));
        AssertRoundTrips(text);
    }

    [Fact]
    public void Table_EveryOperatorHasOneCanonicalSpelling()
    {
        foreach (var op in Enum.GetValues<BinaryOperator>())
        {
            var row = OperatorTable.RowOf(op);
            Assert.Equal(op, row.Operator);
            Assert.NotEmpty(row.Symbol);
        }
        foreach (var op in Enum.GetValues<UnaryOperator>())
        {
            Assert.NotEmpty(OperatorTable.SymbolOf(op));
        }
    }

    private static BinaryRow Row(string symbol) => OperatorTable.Binary.Single(row => row.Symbol == symbol);

    private static string Canonical(BinaryRow row) => OperatorTable.RowOf(row.Operator).Symbol;

    private static string PrefixName(string symbol) =>
        OperatorTable.Prefix.Single(row => row.Symbol == symbol).Operator switch
        {
            UnaryOperator.Negate => "neg",
            UnaryOperator.Plus => "pos",
            UnaryOperator.BitwiseNot => "~",
            UnaryOperator.SquareRoot => "sqrt",
            _ => "not",
        };

    // The node a postfix operator makes of its operand.
    private static string PostfixTree(string operand, string symbol) =>
        OperatorTable.Postfix.Single(row => row.Symbol == symbol).Operator switch
        {
            PostfixOperator.Factorial => $"(! {operand})",
            PostfixOperator.Square => $"(^ {operand} 2)",
            PostfixOperator.Cube => $"(^ {operand} 3)",
            _ => $"(call rad {operand})",
        };

    private static void AssertRoundTrips(string text)
    {
        var tree = Single(text).Syntax!;
        var printed = Printer.Print(tree);
        Assert.Equal(ParserSexpr.Dump(tree), Tree(printed));
    }
}
