using Calculator.Parser;
using Calculator.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Calculator.Tests.Properties;

/// <summary>Laws of the parser and printer (STYLE: parse(print(ast)) == ast).</summary>
public class ParserProperties
{
    private static Property ForAll<T>(Gen<T> gen, Func<T, bool> law) => Prop.ForAll(gen.ToArbitrary(), law);

    private static string? Reparse(Statement statement)
    {
        var statements = CalcParser.ParseProgram(Printer.Print(statement));
        return statements is [{ Syntax: { } syntax }] ? ParserSexpr.Dump(syntax) : null;
    }

    [Property(MaxTest = 500)]
    public Property Print_then_parse_round_trips() =>
        ForAll(ParserGenerators.Statement, statement =>
            Reparse(statement) == ParserSexpr.Dump(statement));

    [Property(MaxTest = 500)]
    public Property Print_of_parse_of_print_is_print() =>
        ForAll(ParserGenerators.Statement, statement =>
        {
            var printed = Printer.Print(statement);
            return CalcParser.ParseProgram(printed) is [{ Syntax: { } syntax }] && Printer.Print(syntax) == printed;
        });

    [Property(MaxTest = 300)]
    public Property Parse_gives_spans_within_the_statement_for_printed_trees() =>
        ForAll(ParserGenerators.Statement, statement =>
        {
            var printed = Printer.Print(statement);
            return CalcParser.ParseProgram(printed) is [var parsed]
                && parsed.Span == new TextSpan(0, printed.Length)
                && ParserTestKit.Violation(printed, parsed) is null;
        });

    [Property(MaxTest = 1000)]
    public Property Parse_of_calculator_text_never_throws_and_positions_every_result() =>
        ForAll(ParserGenerators.CalculatorText, Contract);

    [Property(MaxTest = 1000)]
    public Property Parse_of_any_unicode_never_throws_and_positions_every_result() =>
        ForAll(ParserGenerators.UnicodeText, Contract);

    [Property(MaxTest = 1000)]
    public Property Parse_of_token_soup_never_throws_and_positions_every_result() =>
        ForAll(ParserGenerators.TokenSoup, Contract);

    [Property(MaxTest = 300)]
    public Property Parse_of_a_parsed_statement_reprinted_is_stable() =>
        ForAll(ParserGenerators.TokenSoup, text =>
            CalcParser.ParseProgram(text).All(s => s.Syntax is null || Reparse(s.Syntax) == ParserSexpr.Dump(s.Syntax)));

    [Property(MaxTest = 1000)]
    public Property Decimal_literal_parses_to_its_exact_digits_and_exponent() =>
        ForAll(ParserGenerators.DecimalLiteral, literal =>
            CalcParser.ParseProgram(literal.Text) is [{ Syntax: ExpressionStatement { Expression: NumberLiteral number } }]
            && number.Significand == literal.Significand
            && number.Exponent10 == literal.Exponent10);

    private static bool Contract(string text) =>
        CalcParser.ParseProgram(text).All(statement => ParserTestKit.Violation(text, statement) is null);
}
