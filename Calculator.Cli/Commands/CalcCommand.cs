using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using Calculator.Cli.Output;

namespace Calculator.Cli.Commands;

/// <summary>
/// SPEC §7: <c>calc [options] [--] [expression ...]</c> on System.CommandLine 2.0.
/// POSIX bundling is off so that <c>-pi</c> and <c>-5+3</c> are expression text rather than
/// <c>-p i</c>; response files are off so that <c>@word</c> is too. <see cref="UsageCheck"/>
/// decides what is an option before System.CommandLine parses.
/// </summary>
internal static class CalcCommand
{
    public const int UsageError = 2;
    public const int MaxPrecision = 100_000;
    public const int DefaultPrecision = 20;

    private const string Examples = """
        Examples:
          calc 2^64 - 1                      the arguments, joined by spaces, are the program
          calc 'x = 3; x^2; sqrt(x)'         several statements, one result per line
          calc -5+3                          an argument that is no option is expression text
          calc -- -p                         '--' ends the options
          calc -- "$text"                    text you did not write: after '--', or on stdin
          calc -p 50 'sqrt(2)'               50 significant digits
          calc --fraction '1/3 + 1/6'        prints 1/2
          calc --base 16 '2^64 - 1'          prints 0xffffffffffffffff
          calc < prices.txt                  one result per statement of stdin
          calc -f defs.calc 'f(10)'          files run first, then the arguments
          calc -i -f defs.calc               the file, then a prompt with its definitions
          tail -f log | calc --format json   JSON Lines, one object per statement
          calc                               a prompt, when stdin is a terminal

        Exit status: 0 every statement succeeded, 1 a statement failed,
        2 bad usage or an unreadable file, 74 results could not be written.

        """;

    private static readonly ParserConfiguration Configuration = new()
    {
        EnablePosixBundling = false,
        ResponseFileTokenReplacer = null,
    };

    /// <summary>Parses <paramref name="args"/> and runs calc; returns the exit status.</summary>
    public static int Invoke(string[] args, CalcConsole console, TextWriter stdout, TextWriter stderr)
    {
        // Every option starts with '-', and '[word]' and '@word' are expression text here: arguments
        // without a leading '-' can only be the program, so the command line needs no parser. This
        // halves the start-up of 'calc 1+2' (System.CommandLine builds its symbols and loads resources).
        if (Array.TrueForAll(args, static arg => !arg.StartsWith('-')))
        {
            try
            {
                return CalcRun.Execute(new CalcSettings(args, [], Precision: DefaultPrecision, Fraction: false, Json: false, FailFast: false),
                    console, stdout, stderr);
            }
            catch (OutputClosedException)
            {
                return 0;
            }
        }

        var expression = new Argument<string[]>("expression")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "The program: the arguments joined by single spaces.",
        };
        var files = new Option<string[]>("--file", "-f")
        {
            Description = "Read statements from a file (repeatable; '-' is stdin).",
            HelpName = "PATH",
        };
        var precision = new Option<int>("--precision", "-p")
        {
            Description = "Significant digits of approximate results, 1 to 100000.",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultPrecision,
            CustomParser = ParsePrecision,
        };
        var fraction = new Option<bool>("--fraction") { Description = "Print exact non-integers as p/q." };
        var format = new Option<string>("--format")
        {
            Description = "plain, or json for one JSON object per statement (JSON Lines).",
            HelpName = "plain|json",
            DefaultValueFactory = _ => "plain",
            CustomParser = ParseFormat,
        };
        var radix = new Option<int>("--base")
        {
            Description = "Print integer results in base 16, 8, 2 or 10 (0xff, 0o377, 0b11111111).",
            HelpName = "16|8|2|10",
            DefaultValueFactory = _ => 10,
            CustomParser = ParseBase,
        };
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop at the first error." };
        var interactive = new Option<bool>("--interactive", "-i") { Description = "Open the prompt after the files and arguments have run." };
        var threads = new Option<int?>("--threads")
        {
            Description = $"Threads for stdin and files, 1 to {ThreadCount.Max} (default: the CPUs calc may use, or {ThreadCount.Variable}).",
            HelpName = "N",
            CustomParser = ParseThreads,
        };

        var root = new RootCommand("calc evaluates infix arithmetic exactly: rationals stay exact, irrational results get the digits you ask for.")
        {
            expression, files, precision, fraction, radix, format, failFast, threads, interactive,
        };
        root.Directives.Clear();
        foreach (var option in root.Options)
        {
            if (option is HelpOption help && help.Action is HelpAction defaultHelp)
            {
                help.Action = new HelpWithExamples(defaultHelp);
            }
        }

        // System.CommandLine reads leading "[word]" arguments as directives even when none are
        // registered; here they are expression text like any other argument.
        var leading = 0;
        while (leading < args.Length && args[leading].StartsWith('[') && args[leading].EndsWith(']'))
        {
            leading++;
        }

        root.SetAction(parseResult => CalcRun.Execute(
            new CalcSettings(
                [.. args[..leading], .. parseResult.GetValue(expression) ?? []],
                parseResult.GetValue(files) ?? [],
                parseResult.GetValue(precision),
                parseResult.GetValue(fraction),
                parseResult.GetValue(format) == "json",
                parseResult.GetValue(failFast),
                parseResult.GetValue(threads),
                parseResult.GetValue(interactive),
                parseResult.GetValue(radix)),
            console, stdout, stderr));

        if (UsageCheck.FirstError(args[leading..], root.Options) is { } usage)
        {
            return ReportUsage(stderr, [usage]);
        }

        var result = root.Parse(args[leading..], Configuration);
        if (result.Errors.Count > 0 && result.Action is not HelpWithExamples)
        {
            return ReportUsage(stderr, result.Errors.Select(error => error.Message));
        }

        try
        {
            return result.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (OutputClosedException)
        {
            return 0;
        }
    }

    internal static int ReportUsage(TextWriter stderr, IEnumerable<string> errors)
    {
        foreach (var error in errors)
        {
            stderr.Write($"calc: error: {error}\n");
        }

        stderr.Write("Try 'calc --help' for more information.\n");
        stderr.Flush();
        return UsageError;
    }

    private static int ParsePrecision(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var digits) && digits is >= 1 and <= MaxPrecision)
        {
            return digits;
        }

        result.AddError($"--precision takes a whole number from 1 to 100000, not '{text}'");
        return 0;
    }

    private static int ParseBase(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (text is "2" or "8" or "10" or "16")
        {
            return int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        result.AddError($"--base takes 16, 8, 2 or 10, not '{text}'");
        return 10;
    }

    private static int? ParseThreads(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (ThreadCount.TryParse(text, out var count))
        {
            return count;
        }

        result.AddError(ThreadCount.Invalid("--threads", text));
        return null;
    }

    private static string ParseFormat(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (text is "plain" or "json")
        {
            return text;
        }

        result.AddError($"--format takes plain or json, not '{text}'");
        return "plain";
    }

    /// <summary>The usual help, then examples and exit statuses.</summary>
    private sealed class HelpWithExamples(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            inner.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.Write(Examples);
            parseResult.InvocationConfiguration.Output.Flush();
            return 0;
        }
    }
}
