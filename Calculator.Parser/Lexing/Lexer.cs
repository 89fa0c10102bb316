namespace Calculator.Parser.Lexing;

/// <summary>One statement's tokens, or the lexical error that spoils it.</summary>
internal readonly record struct LexedStatement(TextSpan Span, Diagnostic? Error);

/// <summary>
/// A span-based scanner. It cuts the text into statements at <c>;</c> and newlines and fills a reusable
/// token buffer one statement at a time, so a file of any length is lexed in constant memory.
/// It also measures nesting depth, so deep input is refused before any parser recursion (SPEC §8), and
/// marks implicit multiplication with a zero-width <see cref="TokenKind.Juxtaposition"/> token.
/// </summary>
internal sealed class Lexer : IDisposable
{
    private string _text = "";
    private int _position;
    private int _maxDepth;
    private int _maxStatementLength;

    // Depth bookkeeping, per open parenthesis: the chain counts (prefix operators, '^', postfix '!'),
    // which nest the tree once each until a left-associative operator closes them, and the '?' counts,
    // which nest until the parenthesis closes.
    private List<(int Chain, int Ternary)>? _levels;
    private int _chain;
    private int _ternary;
    private int _depth;

    // The last lexer on this thread, with its token buffer, is reused: a program is often one short
    // line, and a fresh lexer and buffer would be most of its garbage. A huge statement's buffer goes
    // to the GC instead.
    private const int MaxKeptTokens = 4096;

    [ThreadStatic]
    private static Lexer? t_spare;

    private Token[] _tokens = new Token[32];
    private int _tokenCount;
    private int _tokensUsed;

    private Lexer()
    {
    }

    /// <summary>A lexer over <paramref name="text"/>; dispose it to let the next one reuse its buffers.</summary>
    public static Lexer Start(string text, int maxDepth, int maxStatementLength)
    {
        var lexer = t_spare ?? new Lexer();
        t_spare = null;
        lexer._text = text;
        lexer._maxDepth = maxDepth;
        lexer._maxStatementLength = maxStatementLength;
        lexer._position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        return lexer;
    }

    /// <summary>The tokens of the statement last returned by <see cref="Next"/>.</summary>
    public ReadOnlySpan<Token> Tokens => _tokens.AsSpan(0, _tokenCount);

    /// <summary>The text being lexed.</summary>
    public string Text => _text;

    /// <summary>The array behind <see cref="Tokens"/>, valid up to its length.</summary>
    public Token[] TokenArray => _tokens;

    /// <summary>Gives the lexer and its token buffer back for reuse; the lexer must not be used afterwards.</summary>
    public void Dispose()
    {
        if (_tokens.Length > MaxKeptTokens)
        {
            _tokens = new Token[32];
        }
        else
        {
            // Tokens hold their text: a spare lexer must not keep it alive.
            Array.Clear(_tokens, 0, _tokensUsed);
        }
        _tokenCount = _tokensUsed = 0;
        _text = "";
        _levels?.Clear();
        t_spare = this;
    }

    private void AddToken(Token token)
    {
        if (_tokenCount == _tokens.Length)
        {
            var larger = new Token[_tokens.Length * 2];
            _tokens.AsSpan(0, _tokenCount).CopyTo(larger);
            _tokens = larger;
        }
        _tokens[_tokenCount++] = token;
        _tokensUsed = Math.Max(_tokensUsed, _tokenCount);
    }

    /// <summary>Lexes the next non-empty statement. Returns false at the end of the text.</summary>
    public bool Next(out LexedStatement statement)
    {
        while (_position <= _text.Length)
        {
            if (LexStatement(out statement))
            {
                return true;
            }
        }
        statement = default;
        return false;
    }

    // Lexes up to and including the next separator. Returns false for an empty statement.
    private bool LexStatement(out LexedStatement statement)
    {
        var text = _text;
        _tokenCount = 0;
        _levels?.Clear();
        _chain = _ternary = _depth = 0;
        Diagnostic? error = null;
        var first = -1;
        var last = -1;
        var i = _position;
        // Whether the tokens so far end an operand, so that '-' or '+' is binary and '!' is factorial.
        var afterOperand = false;
        // Whether they end a number literal or ')', after which a name or '(' starts an implicit product.
        var afterFactor = false;

        while (i < text.Length)
        {
            var c = text[i];
            if (c == ' ' || c == '\t' || c == '\r')
            {
                i++;
                continue;
            }
            if (c == '\n' || c == ';')
            {
                break;
            }
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
                break;
            }
            if (first < 0)
            {
                first = i;
            }
            if (error is not null)
            {
                // Skip to the end of the spoiled statement, keeping its extent for the span.
                i++;
                last = i;
                continue;
            }

            int start = i;
            TokenKind kind;
            if (IsDigit(c) || (c == '.' && i + 1 < text.Length && IsDigit(text[i + 1])))
            {
                i = ScanNumber(text, i, out var numberError);
                if (numberError is not null)
                {
                    error = numberError;
                    last = i;
                    continue;
                }
                kind = TokenKind.Number;
            }
            else if (IsNameStart(c))
            {
                i++;
                while (i < text.Length && IsNamePart(text[i]))
                {
                    i++;
                }
                kind = i - start == 2 && text[start] == 't' && text[start + 1] == 'o' ? TokenKind.To : TokenKind.Name;
            }
            else if (c == 'π')
            {
                i++;
                kind = TokenKind.Name;
            }
            else if (!TryOperator(text, ref i, out kind))
            {
                error = new Diagnostic(DiagnosticKind.Syntax, new TextSpan(start, char.IsSurrogatePair(text, i) ? 2 : 1),
                    SyntaxMessages.UnexpectedCharacter(text, i));
                i++;
                last = i;
                continue;
            }

            last = i;
            if (afterFactor && kind is TokenKind.Name or TokenKind.LeftParen or TokenKind.Root)
            {
                error ??= Add(TokenKind.Juxtaposition, start, start, afterOperand);
            }
            error ??= Add(kind, start, i, afterOperand);
            // A '!' keeps the state: after an operand it is a factorial (still an operand), before one a prefix
            // 'not'. The other postfixes keep it too: after an operand they leave one, and anywhere else the
            // grammar refuses them.
            afterOperand = kind is TokenKind.Bang || OperatorTable.PostfixOf(kind) is not null ? afterOperand : EndsOperand(kind);
            afterFactor = kind is TokenKind.Number or TokenKind.RightParen;
        }

        // Step over the separator (or past the end, which ends the scan).
        _position = i + 1;
        if (first < 0)
        {
            statement = default;
            return false;
        }
        var span = TextSpan.FromBounds(first, last);
        if (span.Length > _maxStatementLength)
        {
            error = new Diagnostic(DiagnosticKind.Limit, new TextSpan(first, 1), SyntaxMessages.StatementTooLong(span.Length));
        }
        statement = new LexedStatement(span, error);
        return true;
    }

    // Adds a token; returns the error when it nests the statement too deeply.
    private Diagnostic? Add(TokenKind kind, int start, int end, bool afterOperand)
    {
        if (_tokenCount < _maxStatementLength)
        {
            AddToken(new Token(kind, start, end - start, _text));
        }
        return TrackDepth(kind, afterOperand)
            ? new Diagnostic(DiagnosticKind.Limit, TextSpan.FromBounds(start, end), SyntaxMessages.NestedTooDeeply)
            : null;
    }

    // Updates the nesting measure for a new token; returns true when it passes the limit.
    private bool TrackDepth(TokenKind kind, bool afterOperand)
    {
        switch (kind)
        {
            case TokenKind.LeftParen:
                (_levels ??= []).Add((_chain, _ternary));
                _chain = _ternary = 0;
                _depth++;
                break;
            case TokenKind.RightParen:
                _depth -= _chain + _ternary;
                if (_levels is { Count: > 0 })
                {
                    _depth--;
                    (_chain, _ternary) = _levels[^1];
                    _levels.RemoveAt(_levels.Count - 1);
                }
                else
                {
                    _chain = _ternary = 0;
                }
                break;
            case TokenKind.Comma:
                // The argument before it is finished, conditionals included.
                _depth -= _chain + _ternary;
                _chain = _ternary = 0;
                break;
            case TokenKind.Question:
                _ternary++;
                _depth++;
                break;
            case TokenKind.Number or TokenKind.Name or TokenKind.Colon:
                break;
            default:
                if (NestsToTheRight(kind, afterOperand))
                {
                    _chain++;
                    _depth++;
                }
                else
                {
                    // A left-associative or comparison operator (or '='): the chain so far is a finished operand.
                    _depth -= _chain;
                    _chain = 0;
                }
                break;
        }
        return _depth > _maxDepth;
    }

    // Prefix and postfix operators and right-associative binary ones each nest the tree one level
    // deeper until a looser operator ends the chain.
    private static bool NestsToTheRight(TokenKind kind, bool afterOperand) => afterOperand
        ? OperatorTable.PostfixOf(kind) is not null || OperatorTable.BinaryOf(kind) is { Associativity: Associativity.Right }
        : OperatorTable.PrefixOf(kind) is not null;

    private static bool EndsOperand(TokenKind kind) =>
        kind is TokenKind.Number or TokenKind.Name or TokenKind.RightParen;

    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    private static bool IsNameStart(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    private static bool IsNamePart(char c) => IsNameStart(c) || IsDigit(c);

    private static bool IsDigitOf(char c, int radix) => radix switch
    {
        16 => IsDigit(c) || (uint)((c | 0x20) - 'a') <= 5,
        8 => (uint)(c - '0') <= 7,
        2 => c is '0' or '1',
        _ => IsDigit(c),
    };

    // Scans a number literal starting at i; returns the index after it.
    private static int ScanNumber(string text, int i, out Diagnostic? error)
    {
        error = null;
        var start = i;
        if (text[i] == '0' && i + 1 < text.Length && RadixOf(text[i + 1]) is var radix and not 0)
        {
            if (i + 2 < text.Length && IsDigitOf(text[i + 2], radix))
            {
                return ScanDigits(text, i + 2, radix, ref error);
            }
            // '0x_1' is a hex literal with a misplaced separator, not 0 times the name 'x_1'.
            if (i + 2 < text.Length && text[i + 2] == '_')
            {
                error = new Diagnostic(DiagnosticKind.Syntax, new TextSpan(i + 2, 1), SyntaxMessages.MisplacedSeparator);
                return i + 3;
            }
            // '0x', '0o8', '0b2': a prefix without a digit of its base is a broken literal, not 0 times a name.
            var end = i + 2;
            while (end < text.Length && IsNamePart(text[end]))
            {
                end++;
            }
            error = new Diagnostic(DiagnosticKind.Syntax, TextSpan.FromBounds(i, end), SyntaxMessages.InvalidRadixLiteral(radix));
            return end;
        }
        if (text[i] != '.')
        {
            i = ScanDigits(text, i, 10, ref error);
            if (error is not null)
            {
                return i;
            }
        }
        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (i < text.Length && IsDigit(text[i]))
            {
                i = ScanDigits(text, i, 10, ref error);
                if (error is not null)
                {
                    return i;
                }
            }
        }
        // An exponent is 'e', an optional sign and digits.
        if (i < text.Length && (text[i] | 0x20) == 'e')
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-'))
            {
                j++;
            }
            if (j < text.Length && IsDigit(text[j]))
            {
                i = ScanDigits(text, j, 10, ref error);
                if (error is null && ExponentTooLarge(text.AsSpan(j, i - j)))
                {
                    error = new Diagnostic(DiagnosticKind.Limit, TextSpan.FromBounds(j, i), SyntaxMessages.ExponentTooLarge);
                }
                if (error is not null)
                {
                    return i;
                }
            }
        }
        // Any other 'e' right after a number is an exponent gone wrong ('2e', '1.5e+', '3e2e'), not the constant e.
        if (i < text.Length && (text[i] | 0x20) == 'e')
        {
            error = new Diagnostic(DiagnosticKind.Syntax, TextSpan.FromBounds(start, i + 1),
                SyntaxMessages.IncompleteExponent(text.AsSpan(start, i - start), text[i]));
            return i + 1;
        }
        return i;
    }

    private static int RadixOf(char prefix) => (prefix | 0x20) switch { 'x' => 16, 'b' => 2, 'o' => 8, _ => 0 };

    private static bool ExponentTooLarge(ReadOnlySpan<char> digits)
    {
        long value = 0;
        foreach (var c in digits)
        {
            if (c != '_' && (value = (value * 10) + (c - '0')) > NumberText.MaxExponent)
            {
                return true;
            }
        }
        return false;
    }

    // Digits of one radix with '_' allowed only between two digits.
    private static int ScanDigits(string text, int i, int radix, ref Diagnostic? error)
    {
        if (radix == 10)
        {
            // The common case, decimal digits without separators, in a tight loop.
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
            if (i == text.Length || text[i] != '_')
            {
                return i;
            }
        }
        while (i < text.Length)
        {
            var c = text[i];
            if (IsDigitOf(c, radix))
            {
                i++;
            }
            else if (c == '_')
            {
                if (i + 1 < text.Length && IsDigitOf(text[i + 1], radix))
                {
                    i++;
                }
                else
                {
                    error = new Diagnostic(DiagnosticKind.Syntax, new TextSpan(i, 1), SyntaxMessages.MisplacedSeparator);
                    return i + 1;
                }
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static bool TryOperator(string text, ref int i, out TokenKind kind)
    {
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        var length = 1;
        switch (c)
        {
            case '+': kind = TokenKind.Plus; break;
            case '-': kind = TokenKind.Minus; break;
            case '*':
                (kind, length) = next == '*' ? (TokenKind.StarStar, 2) : (TokenKind.Star, 1);
                break;
            case '/':
                (kind, length) = next == '/' ? (TokenKind.SlashSlash, 2) : (TokenKind.Slash, 1);
                break;
            case '~': kind = TokenKind.Tilde; break;
            case '%': kind = TokenKind.Percent; break;
            case '^': kind = TokenKind.Caret; break;
            case '(': kind = TokenKind.LeftParen; break;
            case ')': kind = TokenKind.RightParen; break;
            case ',': kind = TokenKind.Comma; break;
            case '?': kind = TokenKind.Question; break;
            case ':': kind = TokenKind.Colon; break;
            // What people paste from documents: the typographic signs of the ASCII operators, and the
            // square root, powers and degree sign, which have no ASCII spelling.
            case '×' or '·' or '⋅': kind = TokenKind.Star; break;
            case '÷': kind = TokenKind.Slash; break;
            case '−': kind = TokenKind.Minus; break;
            case '√': kind = TokenKind.Root; break;
            case '²': kind = TokenKind.Squared; break;
            case '³': kind = TokenKind.Cubed; break;
            case '°': kind = TokenKind.Degree; break;
            case '!':
                (kind, length) = next == '=' ? (TokenKind.BangEqual, 2) : (TokenKind.Bang, 1);
                break;
            case '=':
                (kind, length) = next == '=' ? (TokenKind.EqualEqual, 2) : (TokenKind.Assign, 1);
                break;
            case '<':
                (kind, length) = next switch
                {
                    '=' => (TokenKind.LessEqual, 2),
                    '<' => (TokenKind.LessLess, 2),
                    _ => (TokenKind.Less, 1),
                };
                break;
            case '>':
                (kind, length) = next switch
                {
                    '=' => (TokenKind.GreaterEqual, 2),
                    '>' => (TokenKind.GreaterGreater, 2),
                    _ => (TokenKind.Greater, 1),
                };
                break;
            case '&':
                (kind, length) = next == '&' ? (TokenKind.AndAnd, 2) : (TokenKind.Ampersand, 1);
                break;
            case '|':
                (kind, length) = next == '|' ? (TokenKind.OrOr, 2) : (TokenKind.Pipe, 1);
                break;
            default:
                kind = default;
                return false;
        }
        i += length;
        return true;
    }
}
