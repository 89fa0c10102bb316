using System.Globalization;
using System.Text;

namespace Calculator.Cli.Input;

/// <summary>
/// A small line editor for the prompt: left/right/home/end move, backspace/delete erase,
/// up/down recall earlier lines, Ctrl-C clears the line, Ctrl-D on an empty line ends input.
/// It redraws the whole line after each key (carriage return, text, erase to end of line,
/// cursor back), which any VT100-style terminal understands.
/// </summary>
internal sealed class LineEditor(IKeyReader keys, TextWriter terminal)
{
    private readonly List<string> _history = [];
    private readonly StringBuilder _line = new();
    private int _cursor;

    /// <summary>Lines entered so far, oldest first.</summary>
    public IReadOnlyList<string> History => _history;

    /// <summary>Reads one line after <paramref name="prompt"/>; null at Ctrl-D on an empty line.</summary>
    public string? ReadLine(string prompt)
    {
        _line.Clear();
        _cursor = 0;
        var historyIndex = _history.Count;
        var draft = "";
        terminal.Write(prompt);
        terminal.Flush();
        while (true)
        {
            var key = keys.ReadKey();
            var control = (key.Modifiers & ConsoleModifiers.Control) != 0;
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    return Accept();
                case ConsoleKey.D when control:
                case ConsoleKey.None when key.KeyChar == '\x04':
                    if (_line.Length == 0)
                    {
                        terminal.Write('\n');
                        terminal.Flush();
                        keys.EndLine();
                        return null;
                    }

                    Delete();
                    break;
                case ConsoleKey.C when control:
                case ConsoleKey.None when key.KeyChar == '\x03':
                    terminal.Write("^C\n");
                    _line.Clear();
                    _cursor = 0;
                    historyIndex = _history.Count;
                    break;
                case ConsoleKey.Backspace:
                    if (_cursor > 0)
                    {
                        var width = StepLeft();
                        _line.Remove(_cursor - width, width);
                        _cursor -= width;
                    }

                    break;
                case ConsoleKey.Delete:
                    Delete();
                    break;
                case ConsoleKey.LeftArrow:
                    _cursor -= StepLeft();
                    break;
                case ConsoleKey.RightArrow:
                    _cursor += StepRight();
                    break;
                case ConsoleKey.Home:
                case ConsoleKey.A when control:
                    _cursor = 0;
                    break;
                case ConsoleKey.End:
                case ConsoleKey.E when control:
                    _cursor = _line.Length;
                    break;
                case ConsoleKey.U when control:
                    _line.Remove(0, _cursor);
                    _cursor = 0;
                    break;
                case ConsoleKey.K when control:
                    _line.Remove(_cursor, _line.Length - _cursor);
                    break;
                case ConsoleKey.UpArrow:
                    if (historyIndex > 0)
                    {
                        if (historyIndex == _history.Count)
                        {
                            draft = _line.ToString();
                        }

                        Replace(_history[--historyIndex]);
                    }

                    break;
                case ConsoleKey.DownArrow:
                    if (historyIndex < _history.Count)
                    {
                        historyIndex++;
                        Replace(historyIndex == _history.Count ? draft : _history[historyIndex]);
                    }

                    break;
                default:
                    if (key.KeyChar == '\r' || key.KeyChar == '\n')
                    {
                        return Accept();
                    }

                    if (!char.IsControl(key.KeyChar) && key.KeyChar != '\0')
                    {
                        _line.Insert(_cursor, key.KeyChar);
                        _cursor++;
                    }

                    break;
            }

            Redraw(prompt);
        }
    }

    private string Accept()
    {
        terminal.Write('\n');
        terminal.Flush();
        keys.EndLine();
        var text = _line.ToString();
        if (!string.IsNullOrWhiteSpace(text) && (_history.Count == 0 || _history[^1] != text))
        {
            _history.Add(text);
        }

        return text;
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

    private void Redraw(string prompt)
    {
        var text = _line.ToString();
        terminal.Write('\r');
        terminal.Write(prompt);
        terminal.Write(text);
        terminal.Write("\e[K");
        var back = Output.TextColumns.CountScalars(text.AsSpan(_cursor));
        if (back > 0)
        {
            terminal.Write(string.Create(CultureInfo.InvariantCulture, $"\e[{back}D"));
        }

        terminal.Flush();
    }
}
