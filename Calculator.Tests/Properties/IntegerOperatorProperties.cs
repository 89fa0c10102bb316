using System.Globalization;
using System.Numerics;
using Calculator.Evaluator.Numerics;
using Calculator.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Calculator.Tests.Evaluator.Numerics.RationalGenerators;

namespace Calculator.Tests.Properties;

/// <summary>Laws of <c>&amp; | &lt;&lt; &gt;&gt; ~ //</c> and of <c>to hex</c>, checked through a session on integers of any size and sign.</summary>
public class IntegerOperatorProperties
{
    private static string Text(BigInteger x) => "(" + x.ToString(CultureInfo.InvariantCulture) + ")";

    private static string Text(Rational x) =>
        "(" + x.Numerator.ToString(CultureInfo.InvariantCulture) + "/" + x.Denominator.ToString(CultureInfo.InvariantCulture) + ")";

    private static readonly Arbitrary<int> ShiftCount = Gen.Choose(0, 300).ToArbitrary();

    [Property(MaxTest = 200)]
    public Property And_plus_or_is_the_sum() =>
        Prop.ForAll(AnyInteger, AnyInteger, (a, b) =>
            Calc.Last($"({Text(a)} & {Text(b)}) + ({Text(a)} | {Text(b)}) == {Text(a)} + {Text(b)}") == "true");

    [Property(MaxTest = 200)]
    public Property Xor_is_or_minus_and() =>
        Prop.ForAll(AnyInteger, AnyInteger, (a, b) =>
            Calc.Last($"xor({Text(a)}, {Text(b)}) == ({Text(a)} | {Text(b)}) - ({Text(a)} & {Text(b)})") == "true");

    // .NET's BigInteger has the same infinite two's complement as Python's int: an independent oracle.
    [Property(MaxTest = 200)]
    public Property And_or_not_agree_with_twos_complement() =>
        Prop.ForAll(AnyInteger, AnyInteger, (a, b) =>
            Calc.All($"{Text(a)} & {Text(b)}; {Text(a)} | {Text(b)}; ~{Text(a)}").SequenceEqual(
                [Plain(a & b), Plain(a | b), Plain(-a - 1)]));

    [Property(MaxTest = 200)]
    public Property Shift_left_then_right_is_identity() =>
        Prop.ForAll(AnyInteger, ShiftCount, (a, n) =>
            Calc.Last($"({Text(a)} << {n}) >> {n} == {Text(a)}") == "true");

    [Property(MaxTest = 200)]
    public Property Shifts_are_products_and_floored_quotients_by_powers_of_two() =>
        Prop.ForAll(AnyInteger, ShiftCount, (a, n) =>
            Calc.Last($"{Text(a)} << {n} == {Text(a)} * 2^{n} && {Text(a)} >> {n} == floor({Text(a)} / 2^{n})") == "true"
            && Calc.Last($"{Text(a)} >> {n}") == Plain(a >> n));

    // SPEC §4: % is floored (a % b = a - b·floor(a/b)), so floored division and % recompose a exactly, for rationals too.
    [Property(MaxTest = 200)]
    public Property Floor_division_and_modulo_recompose_the_dividend() =>
        Prop.ForAll(AnyRational, NonZeroRationalGen.ToArbitrary(), (a, b) =>
            Calc.Last($"{Text(a)} // {Text(b)} * {Text(b)} + {Text(a)} % {Text(b)} == {Text(a)}") == "true"
            && Calc.Last($"{Text(a)} // {Text(b)} == floor({Text(a)} / {Text(b)})") == "true");

    [Property(MaxTest = 200)]
    public Property To_prints_text_that_reads_back_as_the_integer() =>
        Prop.ForAll(AnyInteger, Gen.Elements("hex", "oct", "bin", "dec").ToArbitrary(), (a, radix) =>
        {
            var printed = Calc.Last($"{Text(a)} to {radix}");
            return Calc.Last($"{printed} == {Text(a)}") == "true"
                && printed.TrimStart('-').StartsWith(radix switch { "hex" => "0x", "oct" => "0o", "bin" => "0b", _ => "" }, StringComparison.Ordinal)
                && !printed.Any(char.IsAsciiLetterUpper);
        });

    [Property(MaxTest = 200)]
    public Property Powmod_is_the_power_modulo_m_for_small_values() =>
        Prop.ForAll(Gen.Choose(-50, 50).ToArbitrary(), Gen.Choose(0, 30).ToArbitrary(), Gen.Choose(-50, 50).Where(m => m != 0).ToArbitrary(), (a, b, m) =>
            Calc.Last($"powmod({a}, {b}, {m}) == ({a})**{b} % ({m})") == "true");

    private static string Plain(BigInteger x) => x.ToString(CultureInfo.InvariantCulture);
}
