namespace Calculator.Cli.Input;

/// <summary>
/// The lines entered at the prompt, oldest first, kept between sessions in a file of one line per
/// entry. Each line is appended as it is entered, so sessions running side by side lose nothing.
/// History is a convenience: a file that cannot be read or written is left alone, never an error.
/// </summary>
internal sealed class LineHistory
{
    /// <summary>The entries kept; the file is cut back to them when it has grown to twice as many.</summary>
    public const int MaxEntries = 1000;

    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = PrivateFile | UnixFileMode.UserExecute;

    private readonly List<string> _entries = [];
    private string? _path;

    /// <summary>An in-memory history, or one kept in the file at <paramref name="path"/> (created when needed).</summary>
    public LineHistory(string? path = null)
    {
        _path = path;
        if (path is null || !File.Exists(path))
        {
            return;
        }

        try
        {
            var lines = File.ReadAllLines(path);
            _entries.AddRange(lines.Where(static line => !string.IsNullOrWhiteSpace(line)).TakeLast(MaxEntries));
            if (lines.Length > 2 * MaxEntries)
            {
                var fresh = path + ".new";
                File.WriteAllLines(fresh, _entries);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(fresh, PrivateFile);
                }

                File.Move(fresh, path, overwrite: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            _path = null;
        }
    }

    /// <summary>The entries, oldest first.</summary>
    public IReadOnlyList<string> Entries => _entries;

    /// <summary>
    /// The history file of SPEC §7: <c>$CALC_HISTORY</c> when set (empty: none), else
    /// <c>$XDG_STATE_HOME/calc/history</c>, else <c>~/.local/state/calc/history</c>.
    /// </summary>
    public static string? DefaultPath(Func<string, string?> environment)
    {
        var chosen = environment("CALC_HISTORY");
        if (chosen is not null)
        {
            return chosen.Length == 0 ? null : chosen;
        }

        var state = environment("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state) || !Path.IsPathRooted(state))
        {
            var home = environment("HOME");
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            state = Path.Combine(home, ".local", "state");
        }

        return Path.Combine(state, "calc", "history");
    }

    /// <summary>Adds an entered line, unless it is blank or repeats the last one.</summary>
    public void Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || (_entries.Count > 0 && _entries[^1] == line))
        {
            return;
        }

        _entries.Add(line);
        if (_entries.Count > MaxEntries)
        {
            _entries.RemoveAt(0);
        }

        if (_path is null)
        {
            return;
        }

        try
        {
            // Lines typed at the prompt are nobody else's business: the file and its folder are private.
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = PrivateFile;
                if (Path.GetDirectoryName(_path) is { Length: > 0 } directory)
                {
                    Directory.CreateDirectory(directory, PrivateDirectory);
                }
            }

            using var file = new FileStream(_path, options);
            using var writer = new StreamWriter(file);
            writer.Write(line);
            writer.Write('\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            _path = null;
        }
    }
}
