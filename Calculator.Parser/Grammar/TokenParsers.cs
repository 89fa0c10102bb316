using System.Diagnostics.CodeAnalysis;
using Calculator.Parser.Lexing;
using Pidgin;

namespace Calculator.Parser.Grammar;

// Small custom parsers. Pidgin's OneOf/Optional/Or rent and clear a pooled array for every failed
// alternative; over tokens the next token's kind already decides the branch, so these look it up instead.

/// <summary>Matches one token of a kind; on failure expects <c>label</c>.</summary>
internal sealed class KindParser(TokenKind kind, string label) : Parser<Token, Token>
{
    public override bool TryParse(ref ParseState<Token> state, ref PooledList<Expected<Token>> expecteds,
        [MaybeNullWhen(false)] out Token result)
    {
        if (state.HasCurrent && state.Current.Kind == kind)
        {
            result = state.Current;
            state.Advance();
            return true;
        }
        TokenParsers.Fail(ref state, ref expecteds, label);
        result = default;
        return false;
    }
}

/// <summary>Chooses a parser from a table indexed by the next token's kind, without consuming it.</summary>
internal sealed class SwitchParser<T> : Parser<Token, T>
{
    private readonly Parser<Token, T>?[] _table = new Parser<Token, T>?[Token.KindCount];
    private readonly Parser<Token, T>? _otherwise;
    private readonly string _label;

    public SwitchParser(string label, Parser<Token, T>? otherwise, params (TokenKind Kind, Parser<Token, T> Parser)[] cases)
    {
        _label = label;
        _otherwise = otherwise;
        foreach (var (kind, parser) in cases)
        {
            _table[(int)kind] = parser;
        }
    }

    public override bool TryParse(ref ParseState<Token> state, ref PooledList<Expected<Token>> expecteds,
        [MaybeNullWhen(false)] out T result)
    {
        var parser = state.HasCurrent ? _table[(int)state.Current.Kind] ?? _otherwise : _otherwise;
        if (parser is null)
        {
            TokenParsers.Fail(ref state, ref expecteds, _label);
            result = default;
            return false;
        }
        return parser.TryParse(ref state, ref expecteds, out result);
    }
}

/// <summary>Consumes a run of tokens whose kinds are in a set; returns them (null for an empty run).</summary>
internal sealed class RunParser(params TokenKind[] kinds) : Parser<Token, Token[]?>
{
    private readonly bool[] _member = Member(kinds);

    private static bool[] Member(TokenKind[] kinds)
    {
        var member = new bool[Token.KindCount];
        foreach (var kind in kinds)
        {
            member[(int)kind] = true;
        }
        return member;
    }

    public override bool TryParse(ref ParseState<Token> state, ref PooledList<Expected<Token>> expecteds,
        out Token[]? result)
    {
        result = null;
        if (!state.HasCurrent || !_member[(int)state.Current.Kind])
        {
            return true;
        }
        var run = new List<Token>();
        while (state.HasCurrent && _member[(int)state.Current.Kind])
        {
            run.Add(state.Current);
            state.Advance();
        }
        result = [.. run];
        return true;
    }
}

internal static class TokenParsers
{
    public static void Fail(ref ParseState<Token> state, ref PooledList<Expected<Token>> expecteds, string label)
    {
        var unexpected = state.HasCurrent ? Maybe.Just(state.Current) : Maybe.Nothing<Token>();
        state.SetError(unexpected, !state.HasCurrent, state.Location, null);
        expecteds.Add(new Expected<Token>(label));
    }

    public static bool FailWith<T>(ref ParseState<Token> state, Token at, long location, string message,
        [MaybeNullWhen(false)] out T result)
    {
        state.SetError(Maybe.Just(at), false, location, message);
        result = default;
        return false;
    }
}
