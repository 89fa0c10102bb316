using System.Globalization;
using System.Numerics;
using System.Text;

namespace Calculator.Tests.Differential;

/// <summary>
/// Prints a case as calc source with as few parentheses as SPEC §3 allows (plus some redundant
/// ones and random blanks), so the oracles, which get fully parenthesised text, also check calc's
/// precedence and associativity.
/// </summary>
public sealed class CalcPrinter(int seed)
{
    // Levels of SPEC §3, lowest first.
    private const int Compare = 1, BitOr = 2, BitAnd = 3, Shift = 4, Sum = 5, Product = 6, Unary = 7, PowerLevel = 8, Postfix = 9, Primary = 10;

    private readonly Random _random = new(seed);

    public string Print(DiffCase c)
    {
        var result = Top(c.Result);
        return c.Binding is null ? result : "a = " + Text(c.Binding, Compare) + Pick("; ", ";", " ; ") + result;
    }

    private string Top(Node node) => node switch
    {
        Choice x => Text(x.Condition, Compare) + " ? " + Text(x.WhenTrue, Compare) + " : " + Text(x.WhenFalse, Compare),
        _ => Text(node, Compare),
    };

    private string Pick(params string[] choices) => choices[_random.Next(choices.Length)];

    private string Text(Node node, int atLeast)
    {
        var (text, level) = Render(node);
        return level < atLeast || _random.Next(12) == 0 ? "(" + text + ")" : text;
    }

    private string Blank() => _random.Next(3) == 0 ? " " : "";

    private (string Text, int Level) Render(Node node)
    {
        switch (node)
        {
            case Literal l:
                return (l.Spelling, Primary);
            case Variable v:
                return (v.Name, Primary);
            case Factorial f:
                return (f.Operand.ToString(CultureInfo.InvariantCulture) + "!", Postfix);
            case Gcd g:
                return ("gcd(" + Text(g.Left, Compare) + "," + Blank() + Text(g.Right, Compare) + ")", Primary);
            case Invocation call:
                return (call.Name + "(" + string.Join("," + Blank(), call.Arguments.Select(a => Text(a, Compare))) + ")", Primary);
            case Negate n:
                return ("-" + Text(n.Operand, Unary), Unary);
            case Power p:
                // The base is a postfix expression; the exponent a unary one (2^-3, 2^3!).
                return (Text(p.Base, Postfix) + Blank() + Pick("^", "^", "**") + Blank() + Text(p.Exponent, Unary), PowerLevel);
            case BitwiseNot b:
                return ("~" + Text(b.Operand, Unary), Unary);
            case IntegerOperation o:
            {
                var level = o.Operator switch { "|" => BitOr, "&" => BitAnd, "//" => Product, _ => Shift };
                var gap = Blank();
                return (Text(o.Left, level) + gap + o.Operator + gap + Text(o.Right, level + 1), level);
            }
            case Arithmetic { Operator: '*', Implicit: true } a when ImplicitLeft(a.Left) is { } left:
                // 2(3+4) and (1+2)(3+4): implicit multiplication has the precedence of '*'.
                return (left + "(" + Render(a.Right).Text + ")", Product);
            case Arithmetic a:
            {
                var level = a.Operator is '+' or '-' ? Sum : Product;
                var right = Text(a.Right, level + 1);
                // "3--2" is legal but "3- -2" reads better; a blank keeps "3!" from gluing to "=".
                var gap = Blank();
                if (gap.Length == 0 && right.StartsWith('-'))
                {
                    gap = " ";
                }
                return (Text(a.Left, level) + gap + a.Operator + gap + right, level);
            }
            case Comparison c:
                return (Text(c.Left, BitOr) + " " + c.Operator + " " + Text(c.Right, BitOr), Compare);
            default:
                throw new ArgumentException("unknown node " + node, nameof(node));
        }
    }

    /// <summary>The left operand of an implicit product: a plain number or a parenthesised expression.</summary>
    private string? ImplicitLeft(Node left) => left switch
    {
        Literal l when l.Spelling.All(char.IsAsciiDigit) => l.Spelling,
        Literal => null,
        _ => "(" + Render(left).Text + ")",
    };
}

/// <summary>Python 3 with <c>fractions.Fraction</c>: exact rational arithmetic, floored <c>%</c>, exact integer powers.</summary>
public static class PythonPrinter
{
    /// <summary>Definitions the printed lines use.</summary>
    public const string Prelude = """
        import math, statistics, sys
        from fractions import Fraction as F
        def gcd(x, y):
            if x.denominator != 1 or y.denominator != 1:
                raise ValueError("gcd of a non-integer")
            return F(math.gcd(x.numerator, y.numerator))
        def fact(k):
            return F(math.factorial(k))
        def ints(*xs):
            if any(x.denominator != 1 for x in xs):
                raise ValueError("needs integers")
            return [x.numerator for x in xs]
        def powmod(a, b, m):
            a, b, m = ints(a, b, m)
            if m == 0:
                raise ZeroDivisionError
            return F(pow(a, b, m))
        def modinv(a, m):
            a, m = ints(a, m)
            if m == 0:
                raise ZeroDivisionError
            return F(pow(a, -1, m))
        def xor(a, b):
            a, b = ints(a, b)
            return F(a ^ b)
        class NotInteger(Exception):
            pass
        def operands(*xs):
            if any(x.denominator != 1 for x in xs):
                raise NotInteger
            return [x.numerator for x in xs]
        def band(a, b):
            a, b = operands(a, b)
            return F(a & b)
        def bor(a, b):
            a, b = operands(a, b)
            return F(a | b)
        def shl(a, n):
            a, n = operands(a, n)
            return F(a << n)
        def shr(a, n):
            a, n = operands(a, n)
            return F(a >> n)
        def bnot(a):
            (a,) = operands(a)
            return F(~a)
        def fdiv(a, b):
            return F(a // b)
        def binomial(n, k):
            n, k = ints(n, k)
            if k < 0:
                return F(0)
            return F(math.comb(n, k) if n >= 0 else (-1) ** k * math.comb(k - n - 1, k))
        def perm(n, k):
            n, k = ints(n, k)
            return F(math.perm(n, k) if n >= 0 else (-1) ** k * math.perm(k - n - 1, k))
        def isprime(n):
            # Deterministic Miller-Rabin with the first 20 prime bases: exact far beyond the sizes generated.
            (n,) = ints(n)
            if n < 2:
                return False
            bases = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71]
            for p in bases:
                if n % p == 0:
                    return n == p
            d, s = n - 1, 0
            while d % 2 == 0:
                d, s = d // 2, s + 1
            for a in bases:
                x = pow(a, d, n)
                if x in (1, n - 1):
                    continue
                for _ in range(s - 1):
                    x = x * x % n
                    if x == n - 1:
                        break
                else:
                    return False
            return True
        STATS = {"sum": lambda *xs: sum(xs, F(0)), "prod": lambda *xs: math.prod(xs, start=F(1)),
                 "mean": lambda *xs: statistics.mean(xs), "median": lambda *xs: F(statistics.median(xs)),
                 "var": lambda *xs: statistics.variance(xs)}
        def show(v):
            if isinstance(v, bool):
                return "true" if v else "false"
            return f"{v.numerator}/{v.denominator}"
        for line in sys.stdin:
            env = {"F": F, "gcd": gcd, "fact": fact, "powmod": powmod, "modinv": modinv, "xor": xor,
                   "band": band, "bor": bor, "shl": shl, "shr": shr, "bnot": bnot, "fdiv": fdiv,
                   "binomial": binomial, "perm": perm, "isprime": isprime, **STATS}
            try:
                exec(line, env)
                print(show(env["r"]))
            except ZeroDivisionError:
                print("error:division-by-zero")
            except ValueError:
                print("error:domain")
            except NotInteger:
                print("error:type")
            except Exception as e:
                print("error:python:" + type(e).__name__)
        """;

    /// <summary>One line of Python that sets <c>r</c>.</summary>
    public static string Print(DiffCase c) =>
        (c.Binding is null ? "" : "a = " + Text(c.Binding) + "; ") + "r = " + Text(c.Result);

    private static string Text(Node node) => node switch
    {
        Literal l => "F(" + l.Numerator.ToString(CultureInfo.InvariantCulture) + ", " + l.Denominator.ToString(CultureInfo.InvariantCulture) + ")",
        Variable v => v.Name,
        Factorial f => "fact(" + f.Operand.ToString(CultureInfo.InvariantCulture) + ")",
        Gcd g => "gcd(" + Text(g.Left) + ", " + Text(g.Right) + ")",
        Invocation call => call.Name + "(" + string.Join(", ", call.Arguments.Select(Text)) + ")",
        Negate n => "(-" + Text(n.Operand) + ")",
        BitwiseNot b => "bnot(" + Text(b.Operand) + ")",
        IntegerOperation o => o.Operator switch { "&" => "band", "|" => "bor", "<<" => "shl", ">>" => "shr", _ => "fdiv" }
            + "(" + Text(o.Left) + ", " + Text(o.Right) + ")",
        Power p => "(" + Text(p.Base) + " ** " + Text(p.Exponent) + ")",
        Arithmetic a => "(" + Text(a.Left) + " " + a.Operator + " " + Text(a.Right) + ")",
        Comparison c => "(" + Text(c.Left) + " " + c.Operator + " " + Text(c.Right) + ")",
        Choice x => "(" + Text(x.WhenTrue) + " if " + Text(x.Condition) + " else " + Text(x.WhenFalse) + ")",
        _ => throw new ArgumentException("unknown node " + node, nameof(node)),
    };
}

/// <summary>
/// GNU bc at scale 0, for integer-only cases: exact there. Everything is parenthesised because bc's
/// unary minus binds tighter than <c>^</c>; <c>%</c> goes through <c>m()</c>, which makes bc's
/// truncated remainder floored and flags a zero divisor in <c>z</c> instead of aborting.
/// </summary>
public static class BcPrinter
{
    public const string Prelude = """
        scale = 0
        define m(x, y) {
          auto t
          if (y == 0) { z = 1; return (0); }
          t = x % y
          if (t != 0 && (t < 0) != (y < 0)) t = t + y
          return (t)
        }
        define g(x, y) {
          auto t
          if (x < 0) x = -x
          if (y < 0) y = -y
          while (y != 0) { t = x % y; x = y; y = t; }
          return (x)
        }

        """;

    /// <summary>bc statements that print the result, or <c>E</c> after a division by zero.</summary>
    public static string Print(DiffCase c)
    {
        var builder = new StringBuilder("z = 0\n");
        if (c.Binding is not null)
        {
            builder.Append("a = ").Append(Text(c.Binding)).Append('\n');
        }
        builder.Append("r = ").Append(Text(c.Result)).Append('\n');
        builder.Append("if (z) print \"E\\n\" else r\n");
        return builder.ToString();
    }

    private static string Text(Node node) => node switch
    {
        Literal l => l.Numerator.ToString(CultureInfo.InvariantCulture),
        Variable v => v.Name,
        Factorial f => Factorial(f.Operand).ToString(CultureInfo.InvariantCulture),
        Gcd g => "g(" + Text(g.Left) + ", " + Text(g.Right) + ")",
        Negate n => "(-" + Text(n.Operand) + ")",
        Power p => "((" + Text(p.Base) + ")^(" + Text(p.Exponent) + "))",
        Arithmetic { Operator: '%' } a => "m(" + Text(a.Left) + ", " + Text(a.Right) + ")",
        Arithmetic a => "(" + Text(a.Left) + " " + a.Operator + " " + Text(a.Right) + ")",
        Comparison c => "(" + Text(c.Left) + " " + c.Operator + " " + Text(c.Right) + ")",
        _ => throw new ArgumentException("not an integer-only node: " + node, nameof(node)),
    };

    private static BigInteger Factorial(int n)
    {
        var result = BigInteger.One;
        for (var i = 2; i <= n; i++)
        {
            result *= i;
        }
        return result;
    }
}
