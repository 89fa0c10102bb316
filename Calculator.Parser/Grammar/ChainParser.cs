using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Calculator.Parser.Lexing;
using Pidgin;

namespace Calculator.Parser.Grammar;

/// <summary>
/// Reads <c>operand (operator operand)*</c> as one flat list, then builds the tree by precedence:
/// <code>
/// or       := and {'||' and}
/// and      := compare {'&amp;&amp;' compare}
/// compare  := sum [('=='|'!='|'&lt;'|'&lt;='|'&gt;'|'&gt;=') sum]   -- no chaining
/// sum      := product {('+'|'-') product}
/// product  := unary {('*'|'/'|'%') unary | implicit}
/// implicit := a factor that starts with NAME or '(' right after a number literal or ')'
/// unary    := ('-'|'+'|'!') unary | power
/// power    := postfix ['^' unary]                            -- right-associative
/// </code>
/// The tree is built with explicit stacks, so a flat sum of 250 000 terms costs no recursion.
/// </summary>
internal sealed class ChainParser(Parser<Token, Operand> operand) : Parser<Token, Expr>
{
    private const int PowerPrecedence = 7;
    private const int ComparePrecedence = 3;

    internal readonly record struct Operator(BinaryOperator Op, int Precedence, TextSpan Span, long Location, Token Token);

    private static readonly (BinaryOperator Op, int Precedence)?[] Binary = BuildTable();

    private static (BinaryOperator, int)?[] BuildTable()
    {
        var table = new (BinaryOperator, int)?[Token.KindCount];
        table[(int)TokenKind.OrOr] = (BinaryOperator.Or, 1);
        table[(int)TokenKind.AndAnd] = (BinaryOperator.And, 2);
        table[(int)TokenKind.EqualEqual] = (BinaryOperator.Equal, ComparePrecedence);
        table[(int)TokenKind.BangEqual] = (BinaryOperator.NotEqual, ComparePrecedence);
        table[(int)TokenKind.Less] = (BinaryOperator.Less, ComparePrecedence);
        table[(int)TokenKind.LessEqual] = (BinaryOperator.LessOrEqual, ComparePrecedence);
        table[(int)TokenKind.Greater] = (BinaryOperator.Greater, ComparePrecedence);
        table[(int)TokenKind.GreaterEqual] = (BinaryOperator.GreaterOrEqual, ComparePrecedence);
        table[(int)TokenKind.Plus] = (BinaryOperator.Add, 4);
        table[(int)TokenKind.Minus] = (BinaryOperator.Subtract, 4);
        table[(int)TokenKind.Star] = (BinaryOperator.Multiply, 5);
        table[(int)TokenKind.Slash] = (BinaryOperator.Divide, 5);
        table[(int)TokenKind.Percent] = (BinaryOperator.Modulo, 5);
        table[(int)TokenKind.Caret] = (BinaryOperator.Power, PowerPrecedence);
        return table;
    }

    public override bool TryParse(ref ParseState<Token> state, ref PooledList<Expected<Token>> expecteds,
        [MaybeNullWhen(false)] out Expr result)
    {
        // The lexer bounds nesting; this only protects callers that run on a small stack.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            var at = state.HasCurrent ? state.Current : default;
            return TokenParsers.FailWith(ref state, at, state.Location, SyntaxMessages.NestedTooDeeply, out result);
        }

        if (!operand.TryParse(ref state, ref expecteds, out var first))
        {
            result = null;
            return false;
        }

        // Most expressions are a single operand: no lists.
        if (!TokenCursor.TryPeek(ref state, out var next) || !Continues(next.Kind, first.AllowsImplicit))
        {
            result = Apply(first.Prefixes, first.Node);
            return true;
        }

        // The next most common is one explicit operator between two operands: no lists either.
        Operand second = default;
        Operator firstOperator = default;
        if (Binary[(int)next.Kind] is { } binary)
        {
            firstOperator = new Operator(binary.Op, binary.Precedence, next.Span, state.Location, next);
            state.Advance();
            if (!operand.TryParse(ref state, ref expecteds, out second))
            {
                result = null;
                return false;
            }
            if (!TokenCursor.TryPeek(ref state, out var after) || !Continues(after.Kind, second.AllowsImplicit))
            {
                result = Pair(first, firstOperator, second);
                return true;
            }
        }

        var scratch = ChainScratch.Current;
        var operands = new ScratchList<Operand>(scratch.Operands, 8);
        var operators = new ScratchList<Operator>(scratch.Operators, 8);
        try
        {
            operands.Add(first);
            if (second.Node is not null)
            {
                operators.Add(firstOperator);
                operands.Add(second);
            }
            return ParseRest(ref state, ref expecteds, scratch, ref operands, ref operators, out result);
        }
        finally
        {
            operands.Dispose();
            operators.Dispose();
        }
    }

    private bool ParseRest(ref ParseState<Token> state, ref PooledList<Expected<Token>> expecteds, ChainScratch scratch,
        ref ScratchList<Operand> operands, ref ScratchList<Operator> operators, [MaybeNullWhen(false)] out Expr result)
    {
        var last = operands[operands.Count - 1];
        while (TokenCursor.TryPeek(ref state, out var token) && Continues(token.Kind, last.AllowsImplicit))
        {
            if (Binary[(int)token.Kind] is { } binary)
            {
                operators.Add(new Operator(binary.Op, binary.Precedence, token.Span, state.Location, token));
                state.Advance();
            }
            else
            {
                // Implicit multiplication: a zero-width '*' before the factor.
                operators.Add(new Operator(BinaryOperator.Multiply, 5, new TextSpan(token.Start, 0), state.Location, token));
            }
            if (!operand.TryParse(ref state, ref expecteds, out last))
            {
                result = null;
                return false;
            }
            operands.Add(last);
        }

        return Build(ref state, scratch, in operands, in operators, out result);
    }

    // What Build makes of two operands and one operator.
    private static Expr Pair(Operand left, Operator op, Operand right)
    {
        if (op.Precedence == PowerPrecedence)
        {
            var exponent = Apply(right.Prefixes, right.Node);
            var power = new Binary(BinaryOperator.Power, left.Node, exponent, op.Span, TextSpan.Cover(left.Node.Span, exponent.Span));
            return Apply(left.Prefixes, power);
        }
        var l = Apply(left.Prefixes, left.Node);
        var r = Apply(right.Prefixes, right.Node);
        return new Binary(op.Op, l, r, op.Span, TextSpan.Cover(l.Span, r.Span));
    }

    private static bool Continues(TokenKind kind, bool allowsImplicit) =>
        Binary[(int)kind] is not null || (allowsImplicit && kind is TokenKind.Name or TokenKind.LeftParen);

    private static bool Build(ref ParseState<Token> state, ChainScratch scratch, in ScratchList<Operand> operands,
        in ScratchList<Operator> operators, [MaybeNullWhen(false)] out Expr result)
    {
        var values = new ScratchList<ExprSlot>(scratch.Values, operands.Count);
        var pending = new ScratchList<Operator>(scratch.Operators, operators.Count);
        try
        {
            return Build(ref state, in operands, in operators, ref values, ref pending, out result);
        }
        finally
        {
            values.Dispose();
            pending.Dispose();
        }
    }

    private static bool Build(ref ParseState<Token> state, in ScratchList<Operand> operands, in ScratchList<Operator> operators,
        ref ScratchList<ExprSlot> values, ref ScratchList<Operator> pending, [MaybeNullWhen(false)] out Expr result)
    {
        var i = 0;
        while (true)
        {
            // Collapse the power chain starting at operand i: right-associative, and each operand's
            // prefixes wrap everything to its right in the chain (-2^2 = -(2^2), 2^-3^2 = 2^(-(3^2))).
            var j = i;
            while (j < operators.Count && operators[j].Precedence == PowerPrecedence)
            {
                j++;
            }
            var chain = Apply(operands[j].Prefixes, operands[j].Node);
            for (var k = j - 1; k >= i; k--)
            {
                var power = new Binary(BinaryOperator.Power, operands[k].Node, chain, operators[k].Span,
                    TextSpan.Cover(operands[k].Node.Span, chain.Span));
                chain = Apply(operands[k].Prefixes, power);
            }
            values.Add(new ExprSlot(chain));
            if (j == operators.Count)
            {
                break;
            }

            var next = operators[j];
            while (pending.Count > 0 && pending.Peek().Precedence >= next.Precedence)
            {
                if (pending.Peek().Precedence == ComparePrecedence && next.Precedence == ComparePrecedence)
                {
                    return TokenParsers.FailWith(ref state, next.Token, next.Location,
                        SyntaxMessages.ChainedComparison(ErrorText.Describe(next.Token, TokenCursor.Source)), out result);
                }
                Reduce(ref values, pending.Pop());
            }
            pending.Add(next);
            i = j + 1;
        }
        while (pending.Count > 0)
        {
            Reduce(ref values, pending.Pop());
        }
        result = values.Pop().Node;
        return true;
    }

    private static void Reduce(ref ScratchList<ExprSlot> values, Operator op)
    {
        var right = values.Pop().Node;
        var left = values.Pop().Node;
        values.Add(new ExprSlot(new Binary(op.Op, left, right, op.Span, TextSpan.Cover(left.Span, right.Span))));
    }

    private static Expr Apply(Token[]? prefixes, Expr operand)
    {
        if (prefixes is null)
        {
            return operand;
        }
        for (var p = prefixes.Length - 1; p >= 0; p--)
        {
            var op = prefixes[p].Kind switch
            {
                TokenKind.Minus => UnaryOperator.Negate,
                TokenKind.Plus => UnaryOperator.Plus,
                _ => UnaryOperator.Not,
            };
            operand = new Unary(op, operand, TextSpan.FromBounds(prefixes[p].Start, operand.Span.End));
        }
        return operand;
    }
}

/// <summary>The scratch arrays of the chains parsed on one thread.</summary>
internal sealed class ChainScratch
{
    [ThreadStatic]
    private static ChainScratch? t_current;

    public static ChainScratch Current => t_current ??= new ChainScratch();

    public SparePool<Operand> Operands { get; } = new();

    public SparePool<ChainParser.Operator> Operators { get; } = new();

    public SparePool<ExprSlot> Values { get; } = new();
}

/// <summary>
/// A tree in a scratch array. Storing an <see cref="Expr"/> (an unsealed type) in an <c>Expr[]</c>
/// costs an array-covariance check per store; a struct holding it does not.
/// </summary>
internal readonly record struct ExprSlot(Expr Node);
