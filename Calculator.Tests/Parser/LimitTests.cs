using System.Diagnostics;
using System.Text;
using Calculator.Parser;
using Calculator.Tests.Support;
using Xunit;
using static Calculator.Tests.Support.ParserTestKit;

namespace Calculator.Tests.Parser;

/// <summary>
/// SPEC §8 limits. Hostile input is refused with a Limit diagnostic before any deep recursion, so these
/// tests run on the test's own thread: a stack overflow would kill the test host, not fail a test.
/// </summary>
public class LimitTests
{
    private const string NestedTooDeeply = "limit: nested too deeply";

    private static string Repeat(string part, int count) => new StringBuilder(part.Length * count).Insert(0, part, count).ToString();

    private static void AssertTooDeep(string text)
    {
        var error = Error(text);
        Assert.Equal((DiagnosticKind.Limit, NestedTooDeeply), (error.Kind, error.Message));
        Assert.True(error.Span.Start >= 0 && error.Span.End <= text.Length, $"span {error.Span}");
    }

    public static TheoryData<string, string> DeepInputs() => new()
    {
        { "parentheses", Repeat("(", 100_000) + "1" + Repeat(")", 100_000) },
        { "unclosed parentheses", Repeat("(", 100_000) },
        { "prefix minus", Repeat("-", 100_000) + "3" },
        { "prefix mix", Repeat("-+!", 40_000) + "3" },
        { "bitwise not", Repeat("~", 100_000) + "3" },
        { "power chain spelled **", "2" + Repeat("**2", 100_000) },
        { "nested calls", Repeat("f(", 100_000) + "1" + Repeat(")", 100_000) },
        { "power chain", "2" + Repeat("^2", 100_000) },
        { "factorials", "3" + Repeat("!", 100_000) },
        { "conditional chain", Repeat("a ? b : ", 100_000) + "c" },
        { "conditional in true branch", Repeat("a ? ", 100_000) + "b" + Repeat(" : c", 100_000) },
        { "negated parentheses", Repeat("-(", 100_000) + "1" + Repeat(")", 100_000) },
    };

    [Theory]
    [MemberData(nameof(DeepInputs), DisableDiscoveryEnumeration = true)]
    public void Nesting_Of100000Levels_IsLimitErrorWithoutRecursion(string what, string text)
    {
        Assert.NotNull(what);
        AssertTooDeep(text);
    }

    [Fact]
    public void Nesting_1001Parentheses_IsLimitErrorAtTheDeepestOpening()
    {
        var error = Error(Repeat("(", 1001) + "1" + Repeat(")", 1001));
        Assert.Equal((DiagnosticKind.Limit, new TextSpan(1000, 1), NestedTooDeeply), (error.Kind, error.Span, error.Message));
    }

    [Fact]
    public void Nesting_Exactly1000Parentheses_Parses()
    {
        var expression = Expression(Repeat("(", 1000) + "1" + Repeat(")", 1000));
        Assert.Equal("1", ParserSexpr.Dump(expression));
    }

    [Fact]
    public void Nesting_Exactly1000Calls_Parses()
    {
        var text = Repeat("f(", 1000) + "1" + Repeat(")", 1000);
        Assert.Equal(Repeat("(call f ", 1000) + "1" + Repeat(")", 1000), Tree(text));
    }

    [Fact]
    public void Nesting_1000PrefixOperators_Parses()
    {
        Assert.Equal(Repeat("(neg ", 1000) + "3" + Repeat(")", 1000), Tree(Repeat("-", 1000) + "3"));
        AssertTooDeep(Repeat("-", 1001) + "3");
    }

    [Fact]
    public void Nesting_1000Powers_Parses()
    {
        Assert.Equal(Repeat("(^ 2 ", 1000) + "2" + Repeat(")", 1000), Tree("2" + Repeat("^2", 1000)));
        AssertTooDeep("2" + Repeat("^2", 1001));
    }

    [Fact]
    public void Nesting_1000Conditionals_Parses()
    {
        Assert.Equal(Repeat("(? a b ", 1000) + "c" + Repeat(")", 1000), Tree(Repeat("a ? b : ", 1000) + "c"));
        AssertTooDeep(Repeat("a ? b : ", 1001) + "c");
    }

    [Fact]
    public void Nesting_1000Factorials_Parses()
    {
        Assert.Equal(Repeat("(! ", 1000) + "3" + Repeat(")", 1000), Tree("3" + Repeat("!", 1000)));
        AssertTooDeep("3" + Repeat("!", 1001));
    }

    [Fact]
    public void Nesting_ManyShallowSiblings_IsNotMistakenForDepth()
    {
        // Depth is how deep, not how many: each of these closes what it opens.
        Assert.Null(Single(Repeat("(1)+", 5000) + "1").Error);
        Assert.Null(Single(Repeat("-1+", 5000) + "1").Error);
        Assert.Null(Single(Repeat("2^2*", 5000) + "1").Error);
        Assert.Null(Single("max(" + string.Join(", ", Enumerable.Repeat("-(1)", 5000)) + ")").Error);
    }

    [Fact]
    public void Nesting_ManyConditionalArguments_IsNotMistakenForDepth()
    {
        var text = "max(" + string.Join(", ", Enumerable.Repeat("a ? 1 : 2", 1500)) + ")";
        var call = Assert.IsType<FunctionCall>(Expression(text));
        Assert.Equal(1500, call.Arguments.Count);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1000)]
    public void Nesting_WithinLimitOnSmallStackThread_Parses(int depth)
    {
        // The caller's stack is not the user's problem: a legal depth parses on any thread.
        var text = Repeat("f(", depth) + "1" + Repeat(")", depth);
        IReadOnlyList<ParsedStatement>? result = null;
        var thread = new Thread(() => result = CalcParser.ParseProgram(text), 128 * 1024);
        thread.Start();
        thread.Join();
        Assert.NotNull(result);
        Assert.Null(Assert.Single(result).Error);
    }

    [Fact]
    public void FlatSum_Of250000Terms_ParsesQuickly()
    {
        var text = "1" + Repeat("+1", 249_999);
        var stopwatch = Stopwatch.StartNew();
        var expression = Expression(text);
        stopwatch.Stop();
        var terms = 1;
        while (expression is Binary { Operator: BinaryOperator.Add } sum)
        {
            Assert.IsType<NumberLiteral>(sum.Right);
            terms++;
            expression = sum.Left;
        }
        Assert.Equal(250_000, terms);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Statement_LongerThan1MiB_IsLimitError()
    {
        var text = "1" + Repeat("+1", 629_146);
        Assert.True(text.Length > 1.2 * 1024 * 1024);
        var error = Error(text);
        Assert.Equal((DiagnosticKind.Limit, new TextSpan(0, 1)), (error.Kind, error.Span));
        Assert.StartsWith("limit: statement too long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statement_LongerThan1MiB_DoesNotSpoilTheNextStatement()
    {
        var statements = CalcParser.ParseProgram(new string('1', 1_300_000) + "\n2+2");
        Assert.Equal(2, statements.Count);
        Assert.Equal(DiagnosticKind.Limit, statements[0].Error?.Kind);
        Assert.Equal("(+ 2 2)", ParserSexpr.Dump(statements[1].Syntax!));
    }

    [Fact]
    public void Statement_Exactly1MiB_IsNotTooLong()
    {
        var text = "11" + Repeat("+1", 524_287);
        Assert.Equal(1024 * 1024, text.Length);
        Assert.Null(Single(text).Error);
        Assert.Equal(DiagnosticKind.Limit, Error(text + "1").Kind);
    }

    public static TheoryData<string, string> HostileInputs() => new()
    {
        { "unclosed parentheses then garbage", Repeat("(", 2000) + Repeat("@", 10) },
        { "closing parentheses", Repeat(")", 200_000) },
        { "operators only", Repeat("+*/", 100_000) },
        { "question marks", Repeat("?", 200_000) },
        { "colons", Repeat(":", 200_000) },
        { "commas in call", "f(" + Repeat(",", 200_000) + ")" },
        { "equals", Repeat("=", 200_000) },
        { "names", Repeat("a ", 200_000) },
        { "long name", new string('a', 1_100_000) },
        { "null characters", new string('\0', 100_000) },
        { "lone surrogates", new string('\uD800', 100_000) },
        { "deep definition", "f(x) = " + Repeat("(", 5000) },
        { "deep assignment", "x = " + Repeat("-", 5000) + "1" },
        { "exponent overflow", "1e99999999999999999999" },
        { "999 parentheses then a deep minus chain", Repeat("(", 999) + Repeat("-", 5000) + "1" + Repeat(")", 999) },
    };

    [Theory]
    [MemberData(nameof(HostileInputs), DisableDiscoveryEnumeration = true)]
    public void HostileInput_NeverThrows_AndGivesPositionedResult(string what, string text)
    {
        var statements = CalcParser.ParseProgram(text);
        Assert.NotEmpty(statements);
        foreach (var statement in statements)
        {
            Assert.Null(Violation(text, statement));
        }
        Assert.NotNull(what);
    }
}
