using System.Numerics;
using Calculator.Evaluator;

// Parse once; the expression is immutable and may be shared between threads.
var price = CalcExpression.Parse("net * (1 + vat) - discount(net)");
Console.WriteLine($"names it needs: {string.Join(", ", price.Variables)}; functions: {string.Join(", ", price.Functions)}");

// A session holds variables and functions; use one per thread.
var session = new Session();
session.SetVariable("vat", Value.FromDecimal(0.2m));
session.DefineFunction("discount", 1, args => args[0].ToDecimal() > 100m
    ? Value.FromDecimal(args[0].ToDecimal() * 0.05m)
    : Value.FromInteger(0));
session.VariableResolver = name => name == "net" ? Value.FromDecimal(120.10m) : null;

Value total = session.Evaluate(price);
Console.WriteLine($"total = {total} (exact: {total.IsExact}, as decimal: {total.ToDecimal()})");

// Exact big integers, not overflow.
Console.WriteLine($"20! = {session.Evaluate("20!")}");
Console.WriteLine($"2^64 - 1 = {session.Evaluate("2^64 - 1").TryGetInteger(out var max) && max == ulong.MaxValue}");

// Errors carry their kind and place.
if (!session.TryEvaluate(CalcExpression.Parse("1 + sqrt(-4)"), out _, out var error))
{
    Console.WriteLine($"{error.Kind} at column {error.Column}: {error}");
}
try
{
    CalcExpression.Parse("2 * (3 + ");
}
catch (CalcSyntaxException e)
{
    Console.WriteLine($"syntax error at {e.Diagnostic.Line}:{e.Diagnostic.Column}: {e.Diagnostic.Message}");
}

// Cancellation ends a long evaluation with a limit error.
session.Evaluate("0"); // warm up
using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
session.DefineFunction("slow", 0, _ => { Thread.Sleep(50); return Value.FromInteger(1); });
try
{
    session.Evaluate("slow() + slow() + slow() + slow()", timeout.Token);
}
catch (CalcException e)
{
    Console.WriteLine($"cancelled: {e.Diagnostic.Kind}");
}
Console.WriteLine(BigInteger.Parse(session.Evaluate("3^40").ToString(), System.Globalization.CultureInfo.InvariantCulture) == BigInteger.Pow(3, 40) ? "ok" : "wrong");
