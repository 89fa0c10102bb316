using System.Text;

namespace Calculator.Cli.Input;

/// <summary>The editor's history keys: Up/Down (Ctrl-P/N) and Ctrl-R's reverse search.</summary>
internal sealed partial class LineEditor
{
    private int Recall(int historyIndex, int step, ref string draft)
    {
        var entries = _history.Entries;
        var next = historyIndex + step;
        if (next < 0 || next > entries.Count)
        {
            return historyIndex;
        }

        if (historyIndex == entries.Count)
        {
            draft = _line.ToString();
        }

        Replace(next == entries.Count ? draft : entries[next]);
        return next;
    }

    /// <summary>
    /// Ctrl-R: each key extends the text searched for, from the newest line back; Ctrl-R again finds an
    /// older match. Enter runs the match; Ctrl-G or Ctrl-C gives the line back as it was; any other
    /// key keeps the match for editing and then acts. Returns the line to run, or null to go on editing.
    /// </summary>
    private string? ReverseSearch(string prompt)
    {
        var original = _line.ToString();
        var originalCursor = _cursor;
        var query = new StringBuilder();
        var entries = _history.Entries;
        var index = entries.Count;
        var match = -1;
        while (true)
        {
            var failed = query.Length > 0 && match < 0;
            var shown = match >= 0 ? entries[match] : original;
            var at = match >= 0 ? entries[match].IndexOf(query.ToString(), StringComparison.Ordinal) : shown.Length;
            _view.Draw($"({(failed ? "failed " : "")}reverse-i-search)'{query}': ", shown, at);
            var key = _keys.ReadKey();
            var code = ControlCode(key);
            switch (code)
            {
                case '\x12':
                    match = Find(query.ToString(), (match >= 0 ? match : index) - 1);
                    continue;
                case '\x7f' or '\x08':
                    if (query.Length > 0)
                    {
                        query.Length--;
                        match = Find(query.ToString(), entries.Count - 1);
                    }

                    continue;
                case '\x07' or '\x03':
                    Replace(original);
                    _cursor = originalCursor;
                    return null;
                case '\r' or '\n':
                    if (match >= 0)
                    {
                        Replace(entries[match]);
                    }

                    return Accept(prompt);
            }

            if ((key.Modifiers & (ConsoleModifiers.Control | ConsoleModifiers.Alt)) == 0 && !char.IsControl(key.KeyChar) && key.KeyChar != '\0')
            {
                query.Append(key.KeyChar);
                match = Find(query.ToString(), match >= 0 ? match : entries.Count - 1);
                continue;
            }

            if (match >= 0)
            {
                Replace(entries[match]);
                _cursor = at;
            }

            // Escape only ends the search, as in readline.
            _pending = key.Key == ConsoleKey.Escape ? null : key;
            return null;
        }

        int Find(string text, int from)
        {
            for (var i = Math.Min(from, entries.Count - 1); i >= 0; i--)
            {
                if (entries[i].Contains(text, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
