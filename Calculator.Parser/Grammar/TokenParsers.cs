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
        result = Read(ref state);
        return true;
    }

    /// <summary>Reads the run, which may be empty (null); never fails.</summary>
    public Token[]? Read(ref ParseState<Token> state)
    {
        if (!TokenCursor.TryPeek(ref state, out var first) || !_member[(int)first.Kind])
        {
            return null;
        }
        state.Advance();
        if (!TokenCursor.TryPeek(ref state, out var second) || !_member[(int)second.Kind])
        {
            // A single prefix or '!' is the common case: one small array, no list.
            return [first];
        }
        var run = new List<Token> { first };
        while (TokenCursor.TryPeek(ref state, out var next) && _member[(int)next.Kind])
        {
            run.Add(next);
            state.Advance();
        }
        return [.. run];
    }
}

/// <summary>
/// <c>'(' [item {',' item}] ')'</c>, returning the items and the closing parenthesis.
/// Unlike <c>Separated</c>, a failure after an item expects <c>','</c> or <c>')'</c>, and a failure at the first
/// item also expects <c>')'</c>, so the error lists everything that could have come next.
/// </summary>
internal sealed class ListParser<T>(Parser<Token, T> item) : Parser<Token, (T[] Items, Token Close)>
{
    public override bool TryParse(ref ParseState<Token> state, ref PooledList<Expected<Token>> expecteds,
        out (T[] Items, Token Close) result)
    {
        result = default;
        if (!state.HasCurrent || state.Current.Kind != TokenKind.LeftParen)
        {
            TokenParsers.Fail(ref state, ref expecteds, "'('");
            return false;
        }
        state.Advance();
        if (state.HasCurrent && state.Current.Kind == TokenKind.RightParen)
        {
            result = ([], state.Current);
            state.Advance();
            return true;
        }

        var first = state.Location;
        List<T>? items = null;
        while (true)
        {
            var before = state.Location;
            if (!item.TryParse(ref state, ref expecteds, out var value))
            {
                if (before == first && state.Location == first)
                {
                    expecteds.Add(new Expected<Token>("')'"));
                }
                return false;
            }
            if (state.HasCurrent && state.Current.Kind == TokenKind.RightParen && items is null)
            {
                // The common case of one item needs no list.
                result = ([value], state.Current);
                state.Advance();
                return true;
            }
            items ??= new List<T>(4);
            items.Add(value);
            if (state.HasCurrent && state.Current.Kind == TokenKind.Comma)
            {
                state.Advance();
                continue;
            }
            if (state.HasCurrent && state.Current.Kind == TokenKind.RightParen)
            {
                result = (items.ToArray(), state.Current);
                state.Advance();
                return true;
            }
            TokenParsers.Fail(ref state, ref expecteds, "','");
            expecteds.Add(new Expected<Token>("')'"));
            return false;
        }
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

/// <summary>
/// One operand of an expression: its prefix operators, a primary and its postfix '!'s, read in one
/// step. It is the grammar's innermost loop, where composing Run, Switch and Map parsers cost a
/// virtual call and a delegate per layer for every number; the rules are those of the layers
/// (prefixes <c>{'-'|'+'|'!'}</c>, then a number, a name or call, or a parenthesis, then <c>{'!'}</c>)
/// and a missing primary fails with the same label.
/// </summary>
internal sealed class OperandParser(
    Parser<Token, Expr> nameOrCall,
    Parser<Token, Expr> parenthesized,
    Func<Token, Expr> number,
    Func<Expr, Token[], Expr> factorials) : Parser<Token, Operand>
{
    private readonly RunParser _prefixes = new(TokenKind.Minus, TokenKind.Plus, TokenKind.Bang);
    private readonly RunParser _bangs = new(TokenKind.Bang);

    public override bool TryParse(ref ParseState<Token> state, ref PooledList<Expected<Token>> expecteds,
        out Operand result)
    {
        result = default;
        if (!TokenCursor.TryPeek(ref state, out var token))
        {
            TokenParsers.Fail(ref state, ref expecteds, SyntaxMessages.OperandStart);
            return false;
        }
        Token[]? prefixes = null;
        if (token.Kind is TokenKind.Minus or TokenKind.Plus or TokenKind.Bang)
        {
            prefixes = _prefixes.Read(ref state);
            if (!TokenCursor.TryPeek(ref state, out token))
            {
                TokenParsers.Fail(ref state, ref expecteds, SyntaxMessages.OperandStart);
                return false;
            }
        }
        Expr? node;
        bool allowsImplicit;
        switch (token.Kind)
        {
            case TokenKind.Number:
                node = number(token);
                state.Advance();
                allowsImplicit = true;
                break;
            case TokenKind.Name:
                if (!nameOrCall.TryParse(ref state, ref expecteds, out node))
                {
                    return false;
                }
                allowsImplicit = node is FunctionCall;
                break;
            case TokenKind.LeftParen:
                if (!parenthesized.TryParse(ref state, ref expecteds, out node))
                {
                    return false;
                }
                allowsImplicit = true;
                break;
            default:
                TokenParsers.Fail(ref state, ref expecteds, SyntaxMessages.OperandStart);
                return false;
        }
        if (TokenCursor.TryPeek(ref state, out var after) && after.Kind == TokenKind.Bang)
        {
            node = factorials(node, _bangs.Read(ref state)!);
            allowsImplicit = false;
        }
        result = new Operand(prefixes, node, allowsImplicit);
        return true;
    }
}

/// <summary>
/// <c>chain ['?' expr ':' expr]</c>: the conditional's tail is read only when the chain is followed
/// by <c>'?'</c>, so the common expression costs no Map or Switch layer.
/// </summary>
internal sealed class TernaryParser(Parser<Token, Expr> chain, Parser<Token, (Expr WhenTrue, Expr WhenFalse)> branches)
    : Parser<Token, Expr>
{
    public override bool TryParse(ref ParseState<Token> state, ref PooledList<Expected<Token>> expecteds,
        [MaybeNullWhen(false)] out Expr result)
    {
        if (!chain.TryParse(ref state, ref expecteds, out var condition))
        {
            result = null;
            return false;
        }
        if (!TokenCursor.TryPeek(ref state, out var next) || next.Kind != TokenKind.Question)
        {
            result = condition;
            return true;
        }
        if (!branches.TryParse(ref state, ref expecteds, out var b))
        {
            result = null;
            return false;
        }
        result = new Conditional(condition, b.WhenTrue, b.WhenFalse, TextSpan.Cover(condition.Span, b.WhenFalse.Span));
        return true;
    }
}

/// <summary>
/// <c>expr</c> and then the end of the statement, which on failure expects
/// <see cref="SyntaxMessages.EndOfStatement"/>, as <c>End.Labelled</c> would, without its layers.
/// </summary>
internal sealed class ExpressionStatementParser(Parser<Token, Expr> expression) : Parser<Token, Statement>
{
    public override bool TryParse(ref ParseState<Token> state, ref PooledList<Expected<Token>> expecteds,
        [MaybeNullWhen(false)] out Statement result)
    {
        if (!expression.TryParse(ref state, ref expecteds, out var e))
        {
            result = null;
            return false;
        }
        if (TokenCursor.TryPeek(ref state, out _))
        {
            TokenParsers.Fail(ref state, ref expecteds, SyntaxMessages.EndOfStatement);
            result = null;
            return false;
        }
        result = new ExpressionStatement(e, e.Span);
        return true;
    }
}
