using System.Diagnostics.CodeAnalysis;
using Calculator.Parser.Lexing;
using Pidgin;

namespace Calculator.Parser.Grammar;

/// <summary>
/// A choice of two parsers decided by the next token: <c>then</c> when the token satisfies
/// <c>starts</c>, <c>otherwise</c> when it does not or the input has ended. It is the one primitive
/// the grammar adds to Pidgin: <c>OneOf</c>, <c>Optional</c> and <c>Many</c> learn that a branch is
/// absent by running it and discarding its failure, which is most of the cost of an operand when
/// every operand has an optional power, factorial and operator after it (docs/performance.md);
/// over tokens, one look at the next token decides. Like a token-led branch of <c>OneOf</c>,
/// <c>then</c> is committed once chosen, and a branch not taken adds nothing to the expected-set.
/// </summary>
internal sealed class TokenChoice<T>(Func<Token, bool> starts, Parser<Token, T> then, Parser<Token, T> otherwise) : Parser<Token, T>
{
    public override bool TryParse(ref ParseState<Token> state, ref PooledList<Expected<Token>> expecteds,
        [MaybeNullWhen(false)] out T result) =>
        (state.HasCurrent && starts(state.Current) ? then : otherwise).TryParse(ref state, ref expecteds, out result);
}
