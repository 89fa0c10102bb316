using Xunit;

namespace Calculator.Tests.Support;

/// <summary>Programs some tests run beside calc (tmux, bc, python3), looked up on PATH.</summary>
public static class ExternalTools
{
    private const UnixFileMode Executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>True when <paramref name="tool"/> is an executable file in a PATH directory.</summary>
    public static bool Available(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .Any(file => File.Exists(file) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & Executable) != 0));
    }

    /// <summary>The skip reason for a test that needs <paramref name="tools"/>, or null when all are there.</summary>
    public static string? SkipUnlessAvailable(IEnumerable<string> tools)
    {
        var missing = tools.Where(tool => !Available(tool)).ToList();
        return missing.Count == 0
            ? null
            : $"needs {string.Join(" and ", missing)}, not found on PATH (apt-get install {string.Join(' ', missing)}; .ci/run installs them and fails on any skipped test)";
    }
}

/// <summary>A fact that runs another program: skipped, naming the program, when it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FactNeedingAttribute : FactAttribute
{
    public FactNeedingAttribute(params string[] tools)
    {
        Tools = tools;
        Skip = ExternalTools.SkipUnlessAvailable(tools);
    }

    public IReadOnlyList<string> Tools { get; }
}

/// <summary>A theory that runs another program: skipped, naming the program, when it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TheoryNeedingAttribute : TheoryAttribute
{
    public TheoryNeedingAttribute(params string[] tools)
    {
        Tools = tools;
        Skip = ExternalTools.SkipUnlessAvailable(tools);
    }

    public IReadOnlyList<string> Tools { get; }
}
