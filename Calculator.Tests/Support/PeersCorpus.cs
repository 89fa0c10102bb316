using System.Globalization;
using System.Numerics;
using Xunit;

namespace Calculator.Tests.Support;

/// <summary>One row of Data/peers.tsv (format in Data/peers.README.md).</summary>
public sealed record PeerCase(string Id, string Expression, string Expected, string Kind)
{
    public override string ToString() => Id;
}

public static class PeersCorpus
{
    private static readonly Lazy<IReadOnlyList<PeerCase>> Rows = new(Load);

    public static IReadOnlyList<PeerCase> All => Rows.Value;

    public static TheoryData<string> Ids(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var row in All.Where(r => r.Kind == kind))
        {
            data.Add(row.Id);
        }
        return data;
    }

    public static PeerCase Get(string id) => All.Single(r => r.Id == id);

    /// <summary>The program text of a row: the two characters backslash-n separate lines.</summary>
    public static string Program(PeerCase row) => row.Expression.Replace("\\n", "\n", StringComparison.Ordinal);

    /// <summary>Parses an expected exact value: an integer, a terminating decimal or p/q.</summary>
    public static (BigInteger Numerator, BigInteger Denominator) ParseRational(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            return Normalise(BigInteger.Parse(text[..slash], CultureInfo.InvariantCulture),
                BigInteger.Parse(text[(slash + 1)..], CultureInfo.InvariantCulture));
        }
        var negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        var exponent = 0;
        var e = digits.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exponent = int.Parse(digits[(e + 1)..], CultureInfo.InvariantCulture);
            digits = digits[..e];
        }
        var dot = digits.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            exponent -= digits.Length - dot - 1;
            digits = digits.Remove(dot, 1);
        }
        var numerator = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        if (negative)
        {
            numerator = -numerator;
        }
        return exponent >= 0
            ? (numerator * BigInteger.Pow(10, exponent), BigInteger.One)
            : Normalise(numerator, BigInteger.Pow(10, -exponent));
    }

    private static (BigInteger, BigInteger) Normalise(BigInteger numerator, BigInteger denominator)
    {
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (denominator.Sign < 0)
        {
            gcd = -gcd;
        }
        return (numerator / gcd, denominator / gcd);
    }

    private static List<PeerCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "peers.tsv");
        return File.ReadLines(path)
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(f => new PeerCase(f[0], f[1], f[2], f[3]))
            .ToList();
    }
}
