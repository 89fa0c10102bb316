using System.Globalization;
using System.Numerics;
using System.Text;

namespace Calculator.Tests.Differential;

/// <summary>A small expression tree whose meaning is plain rational arithmetic, printable for calc, Python and bc.</summary>
public abstract record Node;

/// <summary>A literal: its exact value and how calc spells it (<c>0x1F</c>, <c>.5</c>, <c>1_000</c>, <c>2.5e-3</c>).</summary>
public sealed record Literal(BigInteger Numerator, BigInteger Denominator, string Spelling) : Node;

public sealed record Negate(Node Operand) : Node;

/// <summary><c>+ - * / %</c>; <paramref name="Implicit"/> prints a product as <c>2(3+4)</c>.</summary>
public sealed record Arithmetic(char Operator, Node Left, Node Right, bool Implicit = false) : Node;

/// <summary>A power whose exponent is a small integer (a literal, its negation or <c>k!</c>).</summary>
public sealed record Power(Node Base, Node Exponent) : Node;

public sealed record Factorial(int Operand) : Node;

/// <summary><c>&amp; | &lt;&lt; &gt;&gt; //</c>: the integer operators (and floored division, which takes any rationals).</summary>
public sealed record IntegerOperation(string Operator, Node Left, Node Right) : Node;

/// <summary><c>~x</c></summary>
public sealed record BitwiseNot(Node Operand) : Node;

public sealed record Gcd(Node Left, Node Right) : Node;

/// <summary>A call of one of the integer or statistics functions (powmod, binomial, mean, …).</summary>
public sealed record Invocation(string Name, IReadOnlyList<Node> Arguments) : Node;

public sealed record Variable(string Name) : Node;

/// <summary>A comparison, only at the top of a statement (calc does not chain them).</summary>
public sealed record Comparison(string Operator, Node Left, Node Right) : Node;

/// <summary><c>c ? x : y</c> with a comparison as condition, only at the top.</summary>
public sealed record Choice(Comparison Condition, Node WhenTrue, Node WhenFalse) : Node;

/// <summary>One case: an optional <c>a = …</c> and an expression that may use <c>a</c>.</summary>
public sealed record DiffCase(int Index, Node? Binding, Node Result, bool IntegerOnly);

/// <summary>
/// Seeded random programs over integers, decimals, <c>+ - * / % ^ ! // &amp; | &lt;&lt; &gt;&gt; ~</c>, parentheses, unary minus,
/// gcd, the integer and statistics functions, comparisons and conditionals. Integer-only cases avoid <c>/</c>, decimals and negative
/// exponents, so bc at scale 0 computes them exactly too; they also avoid the integer operators, which bc lacks.
/// </summary>
public sealed class ProgramGenerator(int seed)
{
    private static readonly string[] ComparisonOperators = ["==", "!=", "<", "<=", ">", ">="];
    private static readonly string[] Statistics = ["sum", "prod", "mean", "median", "var"];
    private readonly Random _random = new(seed);

    public DiffCase Next(int index)
    {
        var integerOnly = _random.Next(3) == 0;
        Node? binding = _random.Next(10) < 3 ? Expression(integerOnly, 3, false) : null;
        var hasA = binding is not null;
        Node result = _random.Next(10) switch
        {
            0 => new Comparison(Pick(ComparisonOperators), Expression(integerOnly, 3, hasA), Expression(integerOnly, 3, hasA)),
            2 when !integerOnly && _random.Next(3) == 0 => new Invocation("isprime", [Expression(true, 3, hasA)]),
            1 when !integerOnly => new Choice(
                new Comparison(Pick(ComparisonOperators), Expression(false, 2, hasA), Expression(false, 2, hasA)),
                Expression(false, 3, hasA), Expression(false, 3, hasA)),
            _ => Expression(integerOnly, 4, hasA),
        };
        return new DiffCase(index, binding, result, integerOnly);
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private Node Expression(bool integerOnly, int depth, bool hasA)
    {
        if (depth <= 0 || _random.Next(10) < 2)
        {
            return Leaf(integerOnly, hasA);
        }
        var next = depth - 1;
        switch (_random.Next(integerOnly ? 11 : 19))
        {
            case 0 or 1:
                return new Arithmetic('+', Expression(integerOnly, next, hasA), Expression(integerOnly, next, hasA));
            case 2 or 3:
                return new Arithmetic('-', Expression(integerOnly, next, hasA), Expression(integerOnly, next, hasA));
            case 4 or 5:
                return new Arithmetic('*', Expression(integerOnly, next, hasA), Expression(integerOnly, next, hasA), _random.Next(4) == 0);
            case 6:
                return new Arithmetic('%', Expression(integerOnly, next, hasA), Expression(integerOnly, next, hasA));
            case 7:
                return new Negate(Expression(integerOnly, next, hasA));
            case 8:
                return new Power(Expression(integerOnly, Math.Min(next, 2), hasA), Exponent(integerOnly));
            case 9:
                return new Factorial(_random.Next(13));
            case 10:
                // Integer arguments mostly, or nearly every gcd would be a domain error.
                return new Gcd(Expression(_random.Next(4) > 0 || integerOnly, Math.Min(next, 2), hasA), Expression(_random.Next(4) > 0 || integerOnly, Math.Min(next, 2), hasA));
            case 13:
                return IntegerFunction(Math.Min(next, 2), hasA);
            case 14:
                return Statistic(Math.Min(next, 2), hasA);
            case 15:
                return new IntegerOperation(_random.Next(2) == 0 ? "&" : "|", BitwiseOperand(next, hasA), BitwiseOperand(next, hasA));
            case 16:
                return new IntegerOperation(_random.Next(2) == 0 ? "<<" : ">>", BitwiseOperand(Math.Min(next, 2), hasA), ShiftCount());
            case 17:
                return new IntegerOperation("//", Expression(false, next, hasA), Expression(false, next, hasA));
            case 18:
                return new BitwiseNot(BitwiseOperand(next, hasA));
            default:
                return new Arithmetic('/', Expression(integerOnly, next, hasA), Expression(integerOnly, next, hasA));
        }
    }

    /// <summary>
    /// powmod, modinv, xor, binomial or perm on integer expressions mostly (a decimal now and then
    /// for the domain error); binomial and perm get small arguments, so results stay short.
    /// </summary>
    private Invocation IntegerFunction(int depth, bool hasA)
    {
        Node Argument() => _random.Next(6) == 0 ? Decimal() : Expression(true, depth, hasA);
        Node Small() => _random.Next(8) switch
        {
            0 => Decimal(),
            1 => new Negate(Integer(_random.Next(0, 12))),
            _ => Integer(_random.Next(0, 60)),
        };
        return _random.Next(5) switch
        {
            0 => new Invocation("powmod", [Argument(), _random.Next(4) == 0 ? new Negate(Integer(_random.Next(1, 5))) : Argument(), Argument()]),
            1 => new Invocation("modinv", [Argument(), Argument()]),
            2 => new Invocation("xor", [Argument(), Argument()]),
            3 => new Invocation("binomial", [Small(), Small()]),
            _ => new Invocation("perm", [Small(), Small()]),
        };
    }

    // Integer expressions mostly, or nearly every bitwise operation would be a type error.
    private Node BitwiseOperand(int depth, bool hasA) => _random.Next(8) == 0 ? Decimal() : Expression(true, depth, hasA);

    // Counts small enough for short results; now and then a negative one (a domain error) or a decimal (a type error).
    private Node ShiftCount() => _random.Next(12) switch
    {
        0 => new Negate(Integer(_random.Next(1, 4))),
        1 => Decimal(),
        < 6 => Integer(_random.Next(0, 8)),
        _ => Integer(_random.Next(0, 130)),
    };

    private Invocation Statistic(int depth, bool hasA)
    {
        var name = Pick(Statistics);
        var count = _random.Next(name == "var" ? 2 : 1, 6);
        return new Invocation(name, [.. Enumerable.Range(0, count).Select(_ => Expression(false, depth, hasA))]);
    }

    private Node Exponent(bool integerOnly) => _random.Next(8) switch
    {
        0 => new Factorial(_random.Next(4)),
        1 or 2 when !integerOnly => new Negate(Integer(_random.Next(1, 4))),
        _ => Integer(_random.Next(0, 7)),
    };

    private Node Leaf(bool integerOnly, bool hasA)
    {
        if (hasA && _random.Next(4) == 0)
        {
            return new Variable("a");
        }
        if (!integerOnly && _random.Next(3) == 0)
        {
            return Decimal();
        }
        var value = _random.Next(10) switch
        {
            < 5 => _random.Next(0, 13),
            < 8 => _random.Next(0, 1_000_000),
            < 9 => (long)_random.Next(1, int.MaxValue) * _random.Next(1, int.MaxValue),
            _ => 0,
        };
        return Integer(value);
    }

    private Literal Integer(long value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        var spelling = _random.Next(12) switch
        {
            0 => "0x" + value.ToString("X", CultureInfo.InvariantCulture),
            1 => "0b" + Convert.ToString(value, 2),
            2 => "0o" + Convert.ToString(value, 8),
            3 when text.Length > 3 => Group(text),
            4 when value % 1000 == 0 && value != 0 => (value / 1000).ToString(CultureInfo.InvariantCulture) + "e3",
            _ => text,
        };
        return new Literal(value, BigInteger.One, spelling);
    }

    private static string Group(string digits)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                builder.Append('_');
            }
            builder.Append(digits[i]);
        }
        return builder.ToString();
    }

    private Literal Decimal()
    {
        var whole = _random.Next(3) == 0 ? 0 : _random.Next(0, 1000);
        var places = _random.Next(1, 5);
        var fraction = _random.Next(0, (int)Math.Pow(10, places));
        var fractionText = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(places, '0');
        var numerator = BigInteger.Parse(whole.ToString(CultureInfo.InvariantCulture) + fractionText, CultureInfo.InvariantCulture);
        var denominator = BigInteger.Pow(10, places);
        var spelling = _random.Next(6) switch
        {
            0 when whole == 0 => "." + fractionText,
            1 when fraction == 0 => whole.ToString(CultureInfo.InvariantCulture) + ".",
            2 => whole.ToString(CultureInfo.InvariantCulture) + fractionText + "e-" + places.ToString(CultureInfo.InvariantCulture),
            3 => whole.ToString(CultureInfo.InvariantCulture) + "." + fractionText + "E0",
            _ => whole.ToString(CultureInfo.InvariantCulture) + "." + fractionText,
        };
        return new Literal(numerator, denominator, spelling);
    }
}
