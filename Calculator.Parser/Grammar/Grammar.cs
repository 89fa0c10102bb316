using System.Collections.Frozen;
using Calculator.Parser.Lexing;
using Pidgin;
using static Pidgin.Parser;

namespace Calculator.Parser.Grammar;

/// <summary>
/// The grammar of SPEC §3 over tokens, built once. Each level is a static parser named after its rule.
/// Binary levels are not one parser each: an expression is read as one flat list
/// <c>operand (operator operand)*</c> by <see cref="ChainParser"/>, which then builds the tree by precedence.
/// </summary>
internal static class Grammar
{
    private static Parser<Token, Token> Kind(TokenKind kind, string label) => new KindParser(kind, label);

    private static readonly Parser<Token, Token> LeftParen = Kind(TokenKind.LeftParen, "'('");
    private static readonly Parser<Token, Token> RightParen = Kind(TokenKind.RightParen, "')'");
    private static readonly Parser<Token, Token> Colon = Kind(TokenKind.Colon, "':'");
    private static readonly Parser<Token, Token> Question = Kind(TokenKind.Question, "'?'");
    private static readonly Parser<Token, Token> AssignSign = Kind(TokenKind.Assign, "'='");
    private static readonly Parser<Token, Token> NameToken = Kind(TokenKind.Name, "a name");
    private static readonly Parser<Token, Token> ParameterName = Kind(TokenKind.Name, "a parameter name");
    private static readonly Parser<Token, Unit> EndOfStatement = Parser<Token>.End.Labelled(SyntaxMessages.EndOfStatement);

    // expr := or ['?' expr ':' expr]            -- right-associative
    public static readonly Parser<Token, Expr> Expression = Rec(() => Ternary!);

    // '(' [expr {',' expr}] ')'
    private static readonly Parser<Token, (NodeList<Expr> Items, Token Close)> Arguments =
        new ListParser<Expr>(Expression).Map(list => (new NodeList<Expr>(list.Items), list.Close));

    // NAME | NAME '(' [expr {',' expr}] ')'
    private static readonly Parser<Token, Expr> NameOrCall = Map(
        (name, arguments) => arguments is { } call
            ? new FunctionCall(MakeIdentifier(name), call.Item1, TextSpan.FromBounds(name.Start, call.Item2.End()))
            : (Expr)new Variable(NameText(name), name.Span),
        NameToken,
        new SwitchParser<(NodeList<Expr>, Token)?>(
            "'('",
            Parser<Token>.Return<(NodeList<Expr>, Token)?>(null),
            (TokenKind.LeftParen, Arguments.Map(a => ((NodeList<Expr>, Token)?)a))));

    // '(' expr ')'
    private static readonly Parser<Token, Expr> Parenthesized = Map(
        (open, inner, close) => inner with { Span = TextSpan.FromBounds(open.Start, close.End()) },
        LeftParen, Expression, RightParen);

    // unary   := ('-'|'+'|'!') unary | power   (the prefixes; ChainParser applies them around power chains)
    // postfix := primary {'!'}
    // primary := NUMBER | NAME | NAME '(' [expr {',' expr}] ')' | '(' expr ')'
    // AllowsImplicit: the primary ends with a number literal or ')', so a factor may follow (SPEC §3 implicit).
    private static readonly Parser<Token, Operand> Operand = new OperandParser(NameOrCall, Parenthesized, MakeNumber, MakeFactorials);

    // or, and, compare, sum, product, implicit, power: one flat list, see ChainParser.
    private static readonly Parser<Token, Expr> Chain = new ChainParser(Operand);

    // ['?' expr ':' expr]
    private static readonly Parser<Token, Expr> Ternary = new TernaryParser(
        Chain, Map((_, whenTrue, _, whenFalse) => (whenTrue, whenFalse), Question, Expression, Colon, Expression));

    // assignment := NAME '=' expr
    public static readonly Parser<Token, Statement> Assignment = Map(
        (name, _, value) => (Statement)new Assignment(MakeIdentifier(name), value, TextSpan.FromBounds(name.Start, value.Span.End)),
        NameToken, AssignSign, Expression).Before(EndOfStatement);

    // funcdef := NAME '(' [NAME {',' NAME}] ')' '=' expr
    public static readonly Parser<Token, Statement> FunctionDefinition = Map(
        (name, parameters, _, body) => (Statement)new FunctionDefinition(
            MakeIdentifier(name), parameters, body, TextSpan.FromBounds(name.Start, body.Span.End)),
        NameToken,
        new ListParser<Token>(ParameterName).Map(list => new NodeList<Identifier>(Array.ConvertAll(list.Items, MakeIdentifier))),
        AssignSign,
        Expression).Before(EndOfStatement);

    // statement := expr
    public static readonly Parser<Token, Statement> ExpressionStatement = new ExpressionStatementParser(Ternary);

    private static NumberLiteral MakeNumber(Token token)
    {
        NumberText.Parse(TokenCursor.TextOf(token), out var significand, out var exponent);
        return new NumberLiteral(significand, exponent, token.Span);
    }

    private static Expr MakeFactorials(Expr operand, Token[] bangs)
    {
        foreach (var bang in bangs)
        {
            operand = new Factorial(operand, TextSpan.FromBounds(operand.Span.Start, bang.End()));
        }
        return operand;
    }

    private static Identifier MakeIdentifier(Token token) => new(NameText(token), token.Span);

    // Built-in names are shared strings, so the common case allocates nothing.
    private static readonly FrozenSet<string> KnownNames = FrozenSet.Create(StringComparer.Ordinal,
        "pi", "e", "tau", "phi", "true", "false", "ans", "x", "y", "z", "a", "b", "c", "n",
        "sqrt", "cbrt", "abs", "sign", "floor", "ceil", "round", "trunc", "exp", "ln", "log", "log10", "log2",
        "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
        "min", "max", "gcd", "lcm", "hypot", "mod", "factorial");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownLookup =
        KnownNames.GetAlternateLookup<ReadOnlySpan<char>>();

    private static string NameText(Token token)
    {
        var text = TokenCursor.TextOf(token);
        if (text is "π")
        {
            return "pi";
        }
        return KnownLookup.TryGetValue(text, out var known) ? known : text.ToString();
    }
}

/// <summary>An operand of the flat list: its prefix operators (outermost first) and the postfix expression.</summary>
internal readonly record struct Operand(Token[]? Prefixes, Expr Node, bool AllowsImplicit);

internal static class TokenExtensions
{
    public static int End(this Token token) => token.Start + token.Length;
}
