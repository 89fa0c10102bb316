using System.Runtime.CompilerServices;
using Calculator.Parser.Lexing;
using Pidgin;

namespace Calculator.Parser.Grammar;

/// <summary>
/// The tokens of the statement being parsed on this thread, for the custom parsers of the inner
/// loops. Reading the next token through <see cref="ParseState{TToken}"/> costs three calls
/// (<c>Current</c>, <c>LookAhead</c>, <c>Buffer</c>) every time; the state's <c>Location</c> is the
/// index of the next token in the array the statement was parsed from, so a look there is one load.
/// The parsers also read token text from here, so they run only on a statement entered with
/// <see cref="Enter"/>, as <see cref="CalcParser"/> does.
/// </summary>
internal sealed class TokenCursor
{
    [ThreadStatic]
    private static TokenCursor? t_current;

    private Token[]? _tokens;
    private int _count;
    private string _source = "";

    /// <summary>
    /// Makes <paramref name="tokens"/>[0..<paramref name="count"/>), read from <paramref name="source"/>,
    /// the input of parsers on this thread until the scope ends.
    /// </summary>
    public static Scope Enter(Token[] tokens, int count, string source)
    {
        var cursor = t_current ??= new TokenCursor();
        var saved = new Scope(cursor, cursor._tokens, cursor._count, cursor._source);
        cursor._tokens = tokens;
        cursor._count = count;
        cursor._source = source;
        return saved;
    }

    /// <summary>The text of the statement being parsed on this thread.</summary>
    public static string Source => t_current is { _tokens: not null } cursor ? cursor._source : throw NotEntered();

    /// <summary>The characters of <paramref name="token"/> in the statement being parsed.</summary>
    public static ReadOnlySpan<char> TextOf(Token token) => token.TextIn(Source);

    /// <summary>The next token, without consuming it; false at the end of the statement.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPeek(ref ParseState<Token> state, out Token token)
    {
        var cursor = t_current;
        var tokens = cursor?._tokens ?? throw NotEntered();
        var index = state.Location;
        if (index < cursor!._count)
        {
            token = tokens[index];
            return true;
        }

        token = default;
        return false;
    }

    private static InvalidOperationException NotEntered() =>
        new("the grammar's parsers run only on a statement entered with TokenCursor.Enter (CalcParser does)");

    /// <summary>Restores the cursor of an enclosing statement (or none) when disposed.</summary>
    internal readonly struct Scope(TokenCursor cursor, Token[]? tokens, int count, string source) : IDisposable
    {
        public void Dispose()
        {
            cursor._tokens = tokens;
            cursor._count = count;
            cursor._source = source;
        }
    }
}
