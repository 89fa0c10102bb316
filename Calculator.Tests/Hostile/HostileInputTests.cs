using Calculator.Tests.Cli;
using Xunit;

namespace Calculator.Tests.Hostile;

/// <summary>
/// Inputs that crash, hang or lose output in other calculators, fed to the real executable:
/// each must end in time with a positioned error (or its answer), never a stack trace.
/// </summary>
[Collection("calc processes")]
public sealed class HostileInputTests
{
    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void Nested_parentheses_Are_a_limit_error(int depth)
    {
        var outcome = CalcProcess.Run(new string('(', depth) + "1" + new string(')', depth) + "\n");

        // 10^6 levels is two million characters: over the statement limit before it is deep.
        CalcProcess.AssertPositionedError(outcome, "<stdin>", 1, "error: limit: ");
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public void Hundred_thousand_prefix_minuses_Are_nested_too_deeply()
    {
        var outcome = CalcProcess.Run(new string('-', 100_000) + "1\n");

        CalcProcess.AssertPositionedError(outcome, "<stdin>", 1, "limit: nested too deeply");
    }

    [Fact]
    public void Hundred_thousand_nested_calls_Are_nested_too_deeply()
    {
        var outcome = CalcProcess.Run(Repeat("abs(", 100_000) + "1" + new string(')', 100_000) + "\n");

        CalcProcess.AssertPositionedError(outcome, "<stdin>", 1, "limit: nested too deeply");
    }

    [Theory]
    [InlineData("9^9^9")]
    [InlineData("10^10^10")]
    [InlineData("2^2^2^2^2^2")]
    [InlineData("100000000!")]
    [InlineData("exp(1e10)")]
    [InlineData(".9^(70.9^50)")] // found by the fuzzer: the limit is only met when printing
    public void Huge_results_Fail_at_once_with_the_digit_limit(string program)
    {
        var outcome = CalcProcess.Run("", program);

        CalcProcess.AssertPositionedError(outcome, "<args>", 1, "limit: result would have about");
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public void Square_of_a_million_digit_number_Is_a_limit_error()
    {
        var outcome = CalcProcess.Run("(" + new string('7', 1_000_000) + ")^2\n");

        CalcProcess.AssertPositionedError(outcome, "<stdin>", 1, "limit: result would have about");
    }

    [Fact]
    public void Statement_of_1_2_MiB_Is_too_long_and_the_next_line_still_runs()
    {
        var outcome = CalcProcess.Run(Repeat("1+", 630_000) + "1\n2+2\n");

        CalcProcess.AssertPositionedError(outcome, "<stdin>", 1, "limit: statement too long");
        Assert.Equal(["4"], outcome.OutLines);
    }

    [Fact]
    public void Sum_of_250_000_terms_Succeeds()
    {
        var outcome = CalcProcess.Run(Repeat("1+", 249_999) + "1\n");

        CalcProcess.AssertSurvived(outcome);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("250000\n", outcome.Stdout);
    }

    [Theory]
    [InlineData("f(x) = f(x+1)\nf(1)\n")]
    [InlineData("g(x) = h(x) + 1\nh(x) = g(x) * 2\ng(1)\n")]
    public void Runaway_recursion_Is_a_limit_error(string program)
    {
        var outcome = CalcProcess.Run(program);

        CalcProcess.AssertPositionedError(outcome, "<stdin>", program.Count(c => c == '\n'), "limit: recursion too deep");
    }

    [Fact]
    public void Recursion_5000_deep_Succeeds()
    {
        var outcome = CalcProcess.Run("f(n) = n < 1 ? 0 : 1 + f(n-1)\nf(5000)\n");

        CalcProcess.AssertSurvived(outcome);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("5000\n", outcome.Stdout);
    }

    [Fact]
    public void Invalid_utf8_and_nul_bytes_Spoil_only_their_lines()
    {
        byte[] input = [.. "1+"u8, 0xFF, 0xFE, .. "2\n"u8, .. "3"u8, 0x00, .. "+4\n"u8, .. "6*7\n"u8];

        var outcome = CalcProcess.Run(input);

        CalcProcess.AssertPositionedError(outcome, "<stdin>", 1, "error: ");
        Assert.Equal(2, outcome.ErrorLines.Length);
        Assert.StartsWith("<stdin>:2:", outcome.ErrorLines[1], StringComparison.Ordinal);
        Assert.Equal(["42"], outcome.OutLines);
    }

    [Fact]
    public void Thousand_failing_lines_Then_a_good_one_Lose_nothing()
    {
        var outcome = CalcProcess.Run(Repeat("1+*2\n", 1000) + "6*7\n");

        CalcProcess.AssertPositionedError(outcome, "<stdin>", 1, "unexpected '*'");
        Assert.Equal(1000, outcome.ErrorLines.Length);
        Assert.StartsWith("<stdin>:1000:3: error: ", outcome.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(["42"], outcome.OutLines);
    }

    [Fact]
    public void Byte_order_mark_Is_skipped()
    {
        var outcome = CalcProcess.Run([0xEF, 0xBB, 0xBF, .. "1+1\n"u8]);

        CalcProcess.AssertSurvived(outcome);
        Assert.Equal((0, "2\n", ""), (outcome.ExitCode, outcome.Stdout, outcome.Stderr));
    }

    [Fact]
    public void Crlf_line_ends_Count_as_newlines_and_columns_stay_right()
    {
        var outcome = CalcProcess.Run("1+1\r\n2*3\r\n1+*2\r\n");

        CalcProcess.AssertPositionedError(outcome, "<stdin>", 3, "unexpected '*'");
        Assert.StartsWith("<stdin>:3:3: error: ", outcome.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(["2", "6"], outcome.OutLines);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing but a comment\n   # and another\n\n")]
    public void Empty_or_comment_only_input_Prints_nothing_and_succeeds(string input)
    {
        var outcome = CalcProcess.Run(input);

        CalcProcess.AssertSurvived(outcome);
        Assert.Equal((0, "", ""), (outcome.ExitCode, outcome.Stdout, outcome.Stderr));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100001")]
    [InlineData("-3")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public void Precision_out_of_range_or_not_a_number_Is_a_usage_error(string precision)
    {
        var outcome = CalcProcess.Run("", "-p", precision, "1/3");

        CalcProcess.AssertSurvived(outcome);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("precision", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public void Missing_file_Is_exit_two_with_its_name()
    {
        var missing = Path.Combine(Path.GetTempPath(), "calc-hostile-missing-" + Guid.NewGuid().ToString("N"));

        var outcome = CalcProcess.Run("", "-f", missing);

        CalcProcess.AssertSurvived(outcome);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(missing, outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void At_word_Is_an_expression_not_a_response_file()
    {
        var outcome = CalcProcess.Run("", "@word");

        CalcProcess.AssertPositionedError(outcome, "<args>", 1, "'@'");
        Assert.StartsWith("<args>:1:1: error: ", outcome.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Closed_stdout_in_the_middle_of_a_large_input_Ends_quietly()
    {
        var input = Path.Combine(Path.GetTempPath(), "calc-hostile-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(input, Repeat("2^100\n", 200_000));
        try
        {
            // head exits after one line; calc must notice the broken pipe and stop without a word.
            var result = CalcExecutable.Bash(
                $"err=$(mktemp); \"$CALC\" < '{input}' 2>\"$err\" | head -n 1; echo \"status=${{PIPESTATUS[0]}}\"; cat \"$err\"; rm -f \"$err\"");

            var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("1267650600228229401496703205376", lines[0]);
            Assert.StartsWith("status=", lines[1], StringComparison.Ordinal);
            Assert.True(lines.Length == 2, "calc wrote to stderr: " + result.Stdout);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
