using System.CommandLine;
using System.CommandLine.Help;

namespace Calculator.Cli.Commands;

/// <summary>
/// SPEC §7's rules for what is an option, checked before System.CommandLine sees the arguments,
/// so that usage errors are calc's own sentences. Up to <c>--</c>: an argument that starts with
/// <c>--</c> and a letter is an option, and an unknown one is an error with a "did you mean";
/// an option that takes a value takes the next argument (or <c>=VALUE</c>); a switch takes none.
/// Any other argument that starts with <c>-</c> and is not an option's name is expression text.
/// </summary>
internal static class UsageCheck
{
    /// <summary>The first usage error in <paramref name="args"/>, as one line without the <c>calc: error: </c> prefix, or null.</summary>
    public static string? FirstError(IReadOnlyList<string> args, IEnumerable<Option> options)
    {
        var byName = new Dictionary<string, Option>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            byName[option.Name] = option;
            foreach (var alias in option.Aliases)
            {
                byName[alias] = option;
            }
        }

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                return null;
            }

            var split = arg.IndexOfAny(['=', ':']);
            var name = split > 0 ? arg[..split] : arg;
            if (!byName.TryGetValue(name, out var option))
            {
                if (IsOptionShaped(arg))
                {
                    var suggestion = Closest(name, byName.Keys.Where(IsOptionShaped));
                    return suggestion is null
                        ? $"unknown option '{name}'"
                        : $"unknown option '{name}'; did you mean '{suggestion}'?";
                }

                continue;
            }

            var takesValue = TakesValue(option);
            if (split > 0 && !takesValue)
            {
                return $"option '{name}' takes no value";
            }

            if (split < 0 && takesValue)
            {
                if (i + 1 >= args.Count || byName.ContainsKey(args[i + 1]) || args[i + 1] == "--")
                {
                    return $"option '{name}' needs a value";
                }

                i++;
            }
        }

        return null;
    }

    private static bool IsOptionShaped(string arg) => arg.Length > 2 && arg.StartsWith("--", StringComparison.Ordinal) && char.IsAsciiLetter(arg[2]);

    // Switches (bool options, help, version) take no value; System.CommandLine would accept
    // '--fraction true' and read '--fraction yes' as the switch and the expression 'yes'.
    private static bool TakesValue(Option option) =>
        option is not HelpOption and not VersionOption && option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;

    /// <summary>The option name at most two edits away (one for short names), the nearest first.</summary>
    private static string? Closest(string name, IEnumerable<string> candidates)
    {
        var limit = name.Length <= 6 ? 1 : 2;
        return candidates
            .Select(candidate => (Candidate: candidate, Distance: Calculator.Evaluator.NameSuggestions.Distance(name, candidate)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance).ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .FirstOrDefault();
    }
}
