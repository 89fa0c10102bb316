using System.Diagnostics;
using System.Runtime.CompilerServices;
using Calculator.Parser.Lexing;
using Pidgin;
using static Calculator.Parser.SyntaxMessages;
using static Pidgin.Parser;

namespace Calculator.Parser.Grammar;

/// <summary>
/// The grammar of SPEC §3 over the lexer's tokens: one static parser per rule, top to bottom as in the
/// spec, built once from Pidgin's combinators. The binary levels between <c>or</c> and <c>product</c>
/// are read as flat lists <c>operand {operator operand}</c> and folded into trees by the precedences of
/// <see cref="OperatorTable"/>, so a flat sum of 250 000 terms costs no recursion.
/// </summary>
/// <remarks>
/// Labels name what may come next in an error's expected-set. Only the tokens that start a rule's
/// mandatory part carry one: a failed optional branch contributes nothing (Pidgin drops its expected-set
/// when the parser goes on), and an unlabelled failure costs no pooled list.
/// </remarks>
internal static class Grammar
{
    // statement := funcdef | assignment | expr [conversion] | empty     (the lexer drops empty statements)
    // A statement that starts NAME '(' and holds a '=' can only be a definition: it is read as one, so its
    // errors are a definition's ("f(2) = 3": expected a parameter name). NAME '=' is an assignment.
    public static readonly Parser<Token, Statement> Statement = Rec(() => OneOf(
        Try(Lookahead(DefinitionAhead!)).Then(FunctionDefinition!),
        Try(Lookahead(AssignmentAhead!)).Then(Assignment!),
        ExpressionStatement!));

    // funcdef := NAME '(' [NAME {',' NAME}] ')' '=' expr
    private static readonly Parser<Token, Statement> FunctionDefinition = Rec(() => Map(
        (name, parameters, _, body) => (Statement)new FunctionDefinition(
            MakeIdentifier(name), parameters, body, TextSpan.FromBounds(name.Start, body.Span.End)),
        NameToken!, Parameters!, Tok(TokenKind.Assign, EqualsSign), Expression!).Before(NoConversion!).Before(EndOfStatement!));

    // assignment := NAME '=' expr
    private static readonly Parser<Token, Statement> Assignment = Rec(() => Map(
        (name, _, value) => (Statement)new Assignment(MakeIdentifier(name), value, TextSpan.FromBounds(name.Start, value.Span.End)),
        NameToken!, Tok(TokenKind.Assign), Expression!).Before(NoConversion!).Before(EndOfStatement!));

    // 'x = 3 to hex': the conversion is of printed results, and an assignment prints none.
    private static readonly Parser<Token, Unit> NoConversion = Rec(() => Rejected(Tok(TokenKind.To), ConversionOfAssignment));

    // statement := expr ['to' ('hex'|'bin'|'oct'|'dec')]     -- 'to' is a keyword, allowed only here
    private static readonly Parser<Token, Statement> ExpressionStatement = Rec(() => Map(
        (e, conversion) => (Statement)(conversion.HasValue
            ? new ExpressionStatement(e, TextSpan.FromBounds(e.Span.Start, conversion.Value.End)) { Base = conversion.Value.Base }
            : new ExpressionStatement(e, e.Span)),
        Expression!, Conversion!.Before(StatementEnd!).OptionalIf(IsTo!)).Before(EndOfStatement!));

    private static readonly Parser<Token, (NumberBase Base, int End)> Conversion = Map(
        (_, name) => (OperatorTable.BaseOf(name.Text)!.Value, name.End),
        Tok(TokenKind.To),
        Parser<Token>.Token(t => t.Kind == TokenKind.Name && OperatorTable.BaseOf(t.Text) is not null).Labelled(ABase));

    // expr := or ['?' expr ':' expr]                -- right-associative
    public static readonly Parser<Token, Expr> Expression = Rec(() => Conditional!);

    private static readonly Parser<Token, Expr> Conditional = Rec(() => Map(
        (condition, branches) => branches.HasValue
            ? new Conditional(condition, branches.Value.WhenTrue, branches.Value.WhenFalse, TextSpan.Cover(condition.Span, branches.Value.WhenFalse.Span))
            : condition,
        Logic!,
        Map((_, _, whenTrue, _, whenFalse) => (WhenTrue: whenTrue, WhenFalse: whenFalse),
            Tok(TokenKind.Question), EnoughStack!, Expression, AfterExpression(Tok(TokenKind.Colon, Colon)), Expression)
            .OptionalIf(IsQuestion!)));

    // or  := and {'||' and}
    // and := compare {'&&' compare}
    private static readonly Parser<Token, Expr> Logic = Rec(() => Map(
        Fold, Comparison!, Map(MakeOperation, LogicalOperators!, Comparison!).ManyIf(IsLogicalOperator!)));

    // compare := bitor [('=='|'!='|'<'|'<='|'>'|'>=') bitor]   -- no chaining: 1<2<3 is an error
    private static readonly Parser<Token, Expr> Comparison = Rec(() => Map(
        (left, right) => right.HasValue ? MakeBinary(left, right.Value) : left,
        Arithmetic!,
        Map(MakeOperation, ComparisonOperators!, Arithmetic!).Before(Rejected(ComparisonOperators!, ComparisonsDoNotChain))
            .OptionalIf(IsComparisonOperator!)));

    // bitor    := bitand {'|' bitand}
    // bitand   := shift {'&' shift}
    // shift    := sum {('<<'|'>>') sum}
    // sum      := product {('+'|'-') product}
    // product  := unary {('*'|'/'|'%'|'//') unary | implicit}
    // implicit := a factor that starts with NAME or '(' right after a number literal or ')'
    //             (the lexer marks it with a zero-width Juxtaposition token, an operator of the product level)
    private static readonly Parser<Token, Expr> Arithmetic = Rec(() => Map(
        Fold, Unary!, Map(MakeOperation, ArithmeticOperators!, Unary!).ManyIf(IsArithmeticOperator!)));

    // unary := ('-'|'+'|'!'|'~'|'√') unary | power
    private static readonly Parser<Token, Expr> Unary = Rec(() => IfNext(
        IsPrefixOperator!,
        Map((prefix, _, operand) => (Expr)MakeUnary(prefix, operand), PrefixOperators!, EnoughStack!, Unary),
        Power!));

    // power := postfix [('^'|'**') unary]           -- right-associative
    private static readonly Parser<Token, Expr> Power = Rec(() => Map(
        (left, right) => right.HasValue ? MakeBinary(left, right.Value) : left,
        Postfix!,
        Map((op, _, exponent) => MakeOperation(op, exponent), PowerOperators!, EnoughStack!, Unary).OptionalIf(IsPowerOperator!)));

    // postfix := primary {'!'|'²'|'³'|'°'}          -- factorial, square, cube, degrees
    private static readonly Parser<Token, Expr> Postfix = Rec(() => Map(MakePostfix, Primary!, PostfixOperators!.ManyIf(IsPostfixOperator!)));

    // primary := NUMBER | NAME | NAME '(' [expr {',' expr}] ')' | '(' expr ')'
    private static readonly Parser<Token, Expr> Primary = Rec(() => OneOf(Number!, NameOrCall!, Parenthesized!));

    private static readonly Parser<Token, Expr> Number = Tok(TokenKind.Number, ANumber).Map(MakeNumber);

    private static readonly Parser<Token, Token> NameToken = Tok(TokenKind.Name, AName);

    private static readonly Parser<Token, Expr> NameOrCall = Rec(() => Map(
        (name, arguments) => arguments.HasValue
            ? new FunctionCall(MakeIdentifier(name), arguments.Value.Items, TextSpan.FromBounds(name.Start, arguments.Value.Close.End))
            : (Expr)new Variable(NameText(name), name.Span),
        NameToken, Arguments!.OptionalIf(IsLeftParenthesis!)));

    // '(' [expr {',' expr}] ')'; the '(' has no label: after a name, an operator is what an error expects.
    private static readonly Parser<Token, (NodeList<Expr> Items, Token Close)> Arguments = Rec(() => Map(
        (_, _, list) => list,
        Tok(TokenKind.LeftParen),
        EnoughStack!,
        OneOf(
            CloseParenthesis!.Map(close => (NoArguments!, close)),
            Map((first, rest) => (MakeList(first, rest.Item1), rest.Item2),
                Expression,
                Map((_, item) => item, CommaToken!, Expression).ManyThen(AfterExpression(CloseParenthesis!))))));

    // '(' expr ')'
    private static readonly Parser<Token, Expr> Parenthesized = Rec(() => Map(
        (open, _, inner, close) => inner with { Span = TextSpan.FromBounds(open.Start, close.End) },
        Tok(TokenKind.LeftParen, OpenParenthesis), EnoughStack!, Expression, AfterExpression(CloseParenthesis!)));

    // '(' [NAME {',' NAME}] ')' of a definition
    private static readonly Parser<Token, NodeList<Identifier>> Parameters = Rec(() => Map(
        (_, list) => list,
        Tok(TokenKind.LeftParen, OpenParenthesis),
        OneOf(
            CloseParenthesis!.Map(_ => NoParameters!),
            Map((first, rest) => MakeList(MakeIdentifier(first), rest.Item1.Select(MakeIdentifier)),
                ParameterName!,
                Map((_, name) => name, CommaToken!, ParameterName!).ManyThen(CloseParenthesis!)))));

    private static readonly Parser<Token, Token> ParameterName = Tok(TokenKind.Name, AParameterName);
    private static readonly Parser<Token, Token> CloseParenthesis = Tok(TokenKind.RightParen, SyntaxMessages.CloseParenthesis);
    private static readonly Parser<Token, Token> CommaToken = Tok(TokenKind.Comma, Comma);
    // After 'to hex' no operator may follow, so the end is all that an error expects there.
    private static readonly Parser<Token, Unit> StatementEnd = Parser<Token>.End.Labelled(SyntaxMessages.EndOfStatement);
    private static readonly Parser<Token, Unit> EndOfStatement = AfterExpression(StatementEnd);

    // The two look-aheads that choose the form of a statement.
    private static readonly Parser<Token, Unit> DefinitionAhead =
        Map((_, _, _, _) => Unit.Value, Tok(TokenKind.Name), Tok(TokenKind.LeftParen), Parser<Token>.Token(t => t.Kind != TokenKind.Assign).SkipMany(), Tok(TokenKind.Assign));

    private static readonly Parser<Token, Unit> AssignmentAhead = Map((_, _) => Unit.Value, Tok(TokenKind.Name), Tok(TokenKind.Assign));

    // Every nesting level of the grammar passes here, right after the token that opens it (so that the
    // failure is not taken for a branch that did not match). The lexer has refused input deeper than
    // CalcParser.MaxDepth; this refuses it on a thread whose stack is too small, and CalcParser then
    // parses again on a large stack.
    private static readonly Parser<Token, Unit> EnoughStack =
        Parser<Token>.Return(Unit.Value).Assert(_ => RuntimeHelpers.TryEnsureSufficientExecutionStack(), NestedTooDeeply);

    private static readonly NodeList<Expr> NoArguments = new([]);
    private static readonly NodeList<Identifier> NoParameters = new([]);

    /// <summary>One token of a kind, with no label: for optional branches, whose expectations errors never list.</summary>
    private static Parser<Token, Token> Tok(TokenKind kind) => Parser<Token>.Token(t => t.Kind == kind);

    /// <summary>One token of a kind, named <paramref name="label"/> in the expected-set of an error.</summary>
    private static Parser<Token, Token> Tok(TokenKind kind, string label) => Tok(kind).Labelled(label);

    /// <summary><paramref name="then"/> when the next token satisfies <paramref name="starts"/>, else <paramref name="otherwise"/>.</summary>
    private static Parser<Token, T> IfNext<T>(Func<Token, bool> starts, Parser<Token, T> then, Parser<Token, T> otherwise) =>
        new TokenChoice<T>(starts, then, otherwise);

    /// <summary><c>parser.Optional()</c> for a parser that starts with a token satisfying <paramref name="starts"/>.</summary>
    private static Parser<Token, Maybe<T>> OptionalIf<T>(this Parser<Token, T> parser, Func<Token, bool> starts) =>
        IfNext(starts, parser.Map(Maybe.Just), Parser<Token>.Return(Maybe.Nothing<T>()));

    /// <summary><c>parser.Many()</c> for a parser that starts with a token satisfying <paramref name="starts"/>.</summary>
    private static Parser<Token, IEnumerable<T>> ManyIf<T>(this Parser<Token, T> parser, Func<Token, bool> starts) =>
        IfNext(starts, parser.AtLeastOnce(), Parser<Token>.Return(Enumerable.Empty<T>()));

    // The operator classes, one per place the grammar reads operators, as token predicates and parsers.
    private static readonly Func<Token, bool> IsLogicalOperator = InClass(IsLogical);
    private static readonly Func<Token, bool> IsComparisonOperator = InClass(IsComparison);
    private static readonly Func<Token, bool> IsArithmeticOperator = InClass(IsArithmetic);
    private static readonly Func<Token, bool> IsPrefixOperator = InClass(kind => OperatorTable.PrefixOf(kind) is not null);
    private static readonly Func<Token, bool> IsPowerOperator = InClass(IsPower);
    private static readonly Func<Token, bool> IsPostfixOperator = InClass(kind => OperatorTable.PostfixOf(kind) is not null);
    private static readonly Func<Token, bool> IsQuestion = token => token.Kind == TokenKind.Question;
    private static readonly Func<Token, bool> IsTo = token => token.Kind == TokenKind.To;
    private static readonly Func<Token, bool> IsLeftParenthesis = token => token.Kind == TokenKind.LeftParen;

    private static readonly Parser<Token, Token> LogicalOperators = Parser<Token>.Token(IsLogicalOperator);
    private static readonly Parser<Token, Token> ComparisonOperators = Parser<Token>.Token(IsComparisonOperator);
    private static readonly Parser<Token, Token> ArithmeticOperators = Parser<Token>.Token(IsArithmeticOperator);
    private static readonly Parser<Token, Token> PrefixOperators = Parser<Token>.Token(IsPrefixOperator);
    private static readonly Parser<Token, Token> PowerOperators = Parser<Token>.Token(IsPowerOperator);
    private static readonly Parser<Token, Token> PostfixOperators = Parser<Token>.Token(IsPostfixOperator);

    /// <summary>The tokens whose kind is in a class, as a predicate that costs one array look-up.</summary>
    private static Func<Token, bool> InClass(Func<TokenKind, bool> inClass)
    {
        var member = new bool[Token.KindCount];
        for (var kind = 0; kind < member.Length; kind++)
        {
            member[kind] = inClass((TokenKind)kind);
        }
        return token => member[(int)token.Kind];
    }

    private static bool IsLogical(TokenKind kind) =>
        OperatorTable.BinaryOf(kind) is { } row && row.Precedence < OperatorTable.ComparisonPrecedence;

    private static bool IsComparison(TokenKind kind) => OperatorTable.BinaryOf(kind) is { Associativity: Associativity.None };

    private static bool IsArithmetic(TokenKind kind) =>
        OperatorTable.BinaryOf(kind) is { } row && row.Precedence > OperatorTable.ComparisonPrecedence && !OperatorTable.BindsTighterThanPrefix(row);

    private static bool IsPower(TokenKind kind) => OperatorTable.BinaryOf(kind) is { } row && OperatorTable.BindsTighterThanPrefix(row);


    /// <summary>
    /// <paramref name="parser"/> where a complete expression has just been read: had it gone on, an operator
    /// could have continued the expression, so a failure here also expects "an operator".
    /// </summary>
    private static Parser<Token, T> AfterExpression<T>(Parser<Token, T> parser) =>
        parser.Or(Parser<Token>.Fail<T>(AnOperator).Labelled(AnOperator));

    /// <summary>
    /// Reads what <paramref name="parser"/> reads and fails with <paramref name="reason"/>: a token that
    /// the grammar recognises where it may not stand. The error is about the token just read.
    /// </summary>
    private static Parser<Token, Unit> Rejected<T>(Parser<Token, T> parser, string reason) =>
        parser.Then(Parser<Token>.Fail<Unit>(reason)).Or(Parser<Token>.Return(Unit.Value));

    /// <summary>An operator and the operand after it, in a flat list of operands.</summary>
    private readonly record struct Operation(TokenKind Operator, TextSpan Span, Expr Operand);

    private static Operation MakeOperation(Token op, Expr operand) => new(op.Kind, op.Span, operand);

    private static Binary MakeBinary(Expr left, Operation right) => new Binary(
        OperatorTable.BinaryOf(right.Operator)!.Value.Operator, left, right.Operand, right.Span, TextSpan.Cover(left.Span, right.Operand.Span));

    /// <summary>Builds the tree of <c>first {operator operand}</c> by precedence climbing.</summary>
    private static Expr Fold(Expr first, IEnumerable<Operation> rest)
    {
        var operations = rest as IReadOnlyList<Operation> ?? [.. rest];
        var next = 0;
        return Climb(first, operations, ref next, int.MinValue);
    }

    // Folds operations[next..] into left while their precedence is at least minimum. Recurses once per
    // precedence level, never per operand.
    private static Expr Climb(Expr left, IReadOnlyList<Operation> operations, ref int next, int minimum)
    {
        while (next < operations.Count && Row(operations[next]).Precedence >= minimum)
        {
            var operation = operations[next++];
            var row = Row(operation);
            var right = operation.Operand;
            while (next < operations.Count && Row(operations[next]) is var following
                && (following.Precedence > row.Precedence
                    || (following.Precedence == row.Precedence && row.Associativity == Associativity.Right)))
            {
                right = Climb(right, operations, ref next, following.Precedence);
            }
            left = MakeBinary(left, operation with { Operand = right });
        }
        return left;
    }

    private static BinaryRow Row(Operation operation) => OperatorTable.BinaryOf(operation.Operator)!.Value;

    private static Unary MakeUnary(Token prefix, Expr operand) => new Unary(
        OperatorTable.PrefixOf(prefix.Kind)!.Value.Operator, operand, TextSpan.FromBounds(prefix.Start, operand.Span.End));

    private static Expr MakePostfix(Expr operand, IEnumerable<Token> operators)
    {
        foreach (var op in operators)
        {
            var span = TextSpan.FromBounds(operand.Span.Start, op.End);
            operand = OperatorTable.PostfixOf(op.Kind)!.Value.Operator switch
            {
                PostfixOperator.Factorial => new Factorial(operand, span),
                PostfixOperator.Square => PowerOf(operand, 2, op.Span, span),
                PostfixOperator.Cube => PowerOf(operand, 3, op.Span, span),
                // A call of the built-in 'rad', which no definition or parameter can shadow.
                PostfixOperator.Degrees => new FunctionCall(new Identifier("rad", op.Span), new NodeList<Expr>([operand]), span),
                _ => throw new UnreachableException(),
            };
        }
        return operand;
    }

    // x² is x^2: the sign stands for the operator and its exponent.
    private static Binary PowerOf(Expr operand, int exponent, TextSpan sign, TextSpan span) =>
        new(BinaryOperator.Power, operand, new NumberLiteral(exponent, 0, sign), sign, span);

    private static Expr MakeNumber(Token token)
    {
        NumberText.Parse(token.Text, out var significand, out var exponent);
        return new NumberLiteral(significand, exponent, token.Span);
    }

    private static NodeList<T> MakeList<T>(T first, IEnumerable<T> rest)
        where T : Node => new([first, .. rest]);

    private static Identifier MakeIdentifier(Token token) => new(NameText(token), token.Span);

    private static string NameText(Token token) => token.Text is "π" ? "pi" : token.Text.ToString();
}
