using System.Text;

namespace Calculator.Cli.Input;

/// <summary>
/// The prompt's line editor, with readline's keys: arrows, Home/End, Ctrl-A/E/B/F move;
/// Alt-b/Alt-f (or Ctrl-arrows) move by words; Backspace/Delete, Ctrl-U/K/W and Alt-d erase;
/// Up/Down (Ctrl-P/N) recall history and Ctrl-R searches it; Tab completes names; Ctrl-L clears
/// the screen; Ctrl-C clears the line; Ctrl-D on an empty line ends input.
/// A line wider than the terminal wraps; see <see cref="LineView"/>.
/// </summary>
internal sealed partial class LineEditor
{
    private const char Escape = '\e';

    private readonly IKeyReader _keys;
    private readonly TextWriter _terminal;
    private readonly LineHistory _history;
    private readonly Func<IEnumerable<string>> _names;
    private readonly LineView _view;
    private readonly StringBuilder _line = new();
    private int _cursor;

    // A key that ended a history search and still has its own effect.
    private ConsoleKeyInfo? _pending;

    /// <param name="keys">Where keys come from.</param>
    /// <param name="terminal">Where the line is drawn.</param>
    /// <param name="history">Earlier lines; an in-memory history when null.</param>
    /// <param name="names">The names Tab completes: built-in and defined ones.</param>
    public LineEditor(IKeyReader keys, TextWriter terminal, LineHistory? history = null, Func<IEnumerable<string>>? names = null)
    {
        _keys = keys;
        _terminal = terminal;
        _history = history ?? new LineHistory();
        _names = names ?? (static () => []);
        _view = new LineView(terminal, () => keys.Columns);
    }

    /// <summary>Lines entered so far, oldest first.</summary>
    public IReadOnlyList<string> History => _history.Entries;

    /// <summary>Reads one line after <paramref name="prompt"/>; null at Ctrl-D on an empty line.</summary>
    public string? ReadLine(string prompt)
    {
        _line.Clear();
        _cursor = 0;
        var historyIndex = _history.Entries.Count;
        var draft = "";
        _view.Start(prompt);
        while (true)
        {
            var key = _pending ?? _keys.ReadKey();
            _pending = null;
            var alt = (key.Modifiers & ConsoleModifiers.Alt) != 0;
            if (key.Key == ConsoleKey.Escape || key.KeyChar == Escape)
            {
                // A terminal sends Alt-b as Escape then b (readline's meta prefix).
                key = _keys.ReadKey();
                alt = true;
            }

            var control = ControlCode(key);
            if (alt)
            {
                AltKey(key);
            }
            else
            {
                switch (control)
                {
                    case '\r' or '\n':
                        return Accept(prompt);
                    case '\x04':
                        if (_line.Length == 0)
                        {
                            _view.Finish("");
                            _keys.EndLine();
                            return null;
                        }

                        Delete();
                        break;
                    case '\x03':
                        _view.Finish("^C");
                        _line.Clear();
                        _cursor = 0;
                        historyIndex = _history.Entries.Count;
                        _view.Start(prompt);
                        continue;
                    case '\x08' or '\x7f':
                        if (_cursor > 0)
                        {
                            var width = StepLeft();
                            _line.Remove(_cursor - width, width);
                            _cursor -= width;
                        }

                        break;
                    case '\x02':
                        _cursor -= StepLeft();
                        break;
                    case '\x06':
                        _cursor += StepRight();
                        break;
                    case '\x01':
                        _cursor = 0;
                        break;
                    case '\x05':
                        _cursor = _line.Length;
                        break;
                    case '\x15':
                        _line.Remove(0, _cursor);
                        _cursor = 0;
                        break;
                    case '\x0b':
                        _line.Remove(_cursor, _line.Length - _cursor);
                        break;
                    case '\x17':
                        EraseBack(WordStart(_cursor, static c => !char.IsWhiteSpace(c)));
                        break;
                    case '\x0c':
                        _view.Clear();
                        break;
                    case '\x12':
                        if (ReverseSearch(prompt) is { } found)
                        {
                            return found;
                        }

                        break;
                    case '\x10':
                        historyIndex = Recall(historyIndex, -1, ref draft);
                        break;
                    case '\x0e':
                        historyIndex = Recall(historyIndex, +1, ref draft);
                        break;
                    case '\t':
                        Complete(prompt);
                        break;
                    default:
                        historyIndex = NamedKey(key, historyIndex, ref draft);
                        break;
                }
            }

            _view.Draw(prompt, _line.ToString(), _cursor);
        }
    }

    /// <summary>The control character a key stands for (Ctrl-D is 0x04), or its own character.</summary>
    private static char ControlCode(ConsoleKeyInfo key) =>
        (key.Modifiers & ConsoleModifiers.Control) != 0 && key.Key is >= ConsoleKey.A and <= ConsoleKey.Z
            ? (char)(key.Key - ConsoleKey.A + 1)
            : key.Key switch
            {
                ConsoleKey.Enter => '\r',
                ConsoleKey.Backspace => '\x7f',
                ConsoleKey.Tab => '\t',
                _ => key.KeyChar,
            };

    private int NamedKey(ConsoleKeyInfo key, int historyIndex, ref string draft)
    {
        var control = (key.Modifiers & ConsoleModifiers.Control) != 0;
        switch (key.Key)
        {
            case ConsoleKey.Delete:
                Delete();
                break;
            case ConsoleKey.LeftArrow when control:
                _cursor = WordStart(_cursor, IsWordChar);
                break;
            case ConsoleKey.RightArrow when control:
                _cursor = WordEnd(_cursor);
                break;
            case ConsoleKey.LeftArrow:
                _cursor -= StepLeft();
                break;
            case ConsoleKey.RightArrow:
                _cursor += StepRight();
                break;
            case ConsoleKey.Home:
                _cursor = 0;
                break;
            case ConsoleKey.End:
                _cursor = _line.Length;
                break;
            case ConsoleKey.UpArrow:
                return Recall(historyIndex, -1, ref draft);
            case ConsoleKey.DownArrow:
                return Recall(historyIndex, +1, ref draft);
            default:
                if (!char.IsControl(key.KeyChar) && key.KeyChar != '\0')
                {
                    _line.Insert(_cursor, key.KeyChar);
                    _cursor++;
                }

                break;
        }

        return historyIndex;
    }

    /// <summary>Alt-b, Alt-f, Alt-d and Alt-Backspace: words are runs of letters, digits and '_'.</summary>
    private void AltKey(ConsoleKeyInfo key)
    {
        switch (key.Key == ConsoleKey.Backspace ? '\x7f' : char.ToLowerInvariant(key.KeyChar))
        {
            case 'b':
                _cursor = WordStart(_cursor, IsWordChar);
                break;
            case 'f':
                _cursor = WordEnd(_cursor);
                break;
            case 'd':
                _line.Remove(_cursor, WordEnd(_cursor) - _cursor);
                break;
            case '\x7f' or '\x08':
                EraseBack(WordStart(_cursor, IsWordChar));
                break;
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Back over anything that is not a word, then over the word.</summary>
    private int WordStart(int from, Func<char, bool> inWord)
    {
        var i = from;
        while (i > 0 && !inWord(_line[i - 1]))
        {
            i--;
        }

        while (i > 0 && inWord(_line[i - 1]))
        {
            i--;
        }

        return i;
    }

    private int WordEnd(int from)
    {
        var i = from;
        while (i < _line.Length && !IsWordChar(_line[i]))
        {
            i++;
        }

        while (i < _line.Length && IsWordChar(_line[i]))
        {
            i++;
        }

        return i;
    }

    private void EraseBack(int start)
    {
        _line.Remove(start, _cursor - start);
        _cursor = start;
    }

    private string Accept(string prompt)
    {
        _view.Draw(prompt, _line.ToString(), _line.Length);
        _view.Finish("");
        _keys.EndLine();
        var text = _line.ToString();
        _history.Add(text);
        return text;
    }

    /// <summary>
    /// Tab: completes the name before the cursor to the longest prefix all matching names share;
    /// when that adds nothing and several names match, lists them below the line.
    /// </summary>
    private void Complete(string prompt)
    {
        var start = _cursor;
        while (start > 0 && IsWordChar(_line[start - 1]))
        {
            start--;
        }

        var prefix = _line.ToString(start, _cursor - start);
        if (prefix.Length == 0 || char.IsDigit(prefix[0]))
        {
            return;
        }

        var matches = _names().Where(name => name.StartsWith(prefix, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (matches.Count == 0)
        {
            return;
        }

        var common = matches[0];
        foreach (var name in matches)
        {
            var length = 0;
            while (length < common.Length && length < name.Length && common[length] == name[length])
            {
                length++;
            }

            common = common[..length];
        }

        if (common.Length > prefix.Length)
        {
            _line.Insert(_cursor, common[prefix.Length..]);
            _cursor += common.Length - prefix.Length;
        }
        else if (matches.Count > 1)
        {
            _view.Draw(prompt, _line.ToString(), _line.Length);
            _view.Finish("");
            _terminal.Write(string.Join("  ", matches));
            _terminal.Write('\n');
            _view.Start(prompt);
        }
    }

    private void Delete()
    {
        if (_cursor < _line.Length)
        {
            _line.Remove(_cursor, StepRight());
        }
    }

    private void Replace(string text)
    {
        _line.Clear().Append(text);
        _cursor = _line.Length;
    }

    /// <summary>How many chars the character left of the cursor takes (2 for a surrogate pair).</summary>
    private int StepLeft() =>
        _cursor == 0 ? 0
        : _cursor >= 2 && char.IsLowSurrogate(_line[_cursor - 1]) && char.IsHighSurrogate(_line[_cursor - 2]) ? 2
        : 1;

    private int StepRight() =>
        _cursor >= _line.Length ? 0
        : _cursor + 1 < _line.Length && char.IsHighSurrogate(_line[_cursor]) && char.IsLowSurrogate(_line[_cursor + 1]) ? 2
        : 1;
}
