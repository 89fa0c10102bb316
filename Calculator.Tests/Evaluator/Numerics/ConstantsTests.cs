using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Calculator.Evaluator.Numerics;
using Xunit.Abstractions;
using Xunit;

namespace Calculator.Tests.Evaluator.Numerics;

/// <summary>
/// Independently known digits (bc -l at scale 1020, cross-checked with Python mpmath), truncated,
/// not rounded, to a little over 1000 significant digits.
/// </summary>
internal static class ReferenceDigits
{
    public const string Pi =
        "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706" +
        "7982148086513282306647093844609550582231725359408128481117450284102701938521105559644622948954930381" +
        "9644288109756659334461284756482337867831652712019091456485669234603486104543266482133936072602491412" +
        "7372458700660631558817488152092096282925409171536436789259036001133053054882046652138414695194151160" +
        "9433057270365759591953092186117381932611793105118548074462379962749567351885752724891227938183011949" +
        "1298336733624406566430860213949463952247371907021798609437027705392171762931767523846748184676694051" +
        "3200056812714526356082778577134275778960917363717872146844090122495343014654958537105079227968925892" +
        "3542019956112129021960864034418159813629774771309960518707211349999998372978049951059731732816096318" +
        "5950244594553469083026425223082533446850352619311881710100031378387528865875332083814206171776691473" +
        "0359825349042875546873115956286388235378759375195778185778053217122680661300192787661119590921642019" +
        "893";

    public const string E =
        "2.71828182845904523536028747135266249775724709369995957496696762772407663035354759457138217852516642" +
        "7427466391932003059921817413596629043572900334295260595630738132328627943490763233829880753195251019" +
        "0115738341879307021540891499348841675092447614606680822648001684774118537423454424371075390777449920" +
        "6955170276183860626133138458300075204493382656029760673711320070932870912744374704723069697720931014" +
        "1692836819025515108657463772111252389784425056953696770785449969967946864454905987931636889230098793" +
        "1277361782154249992295763514822082698951936680331825288693984964651058209392398294887933203625094431" +
        "1730123819706841614039701983767932068328237646480429531180232878250981945581530175671736133206981125" +
        "0996181881593041690351598888519345807273866738589422879228499892086805825749279610484198444363463244" +
        "9684875602336248270419786232090021609902353043699418491463140934317381436405462531520961836908887070" +
        "1676839642437814059271456354906130310720851038375051011574770417189861068739696552126715468895703503" +
        "540";

    public const string Ln2 =
        "0.69314718055994530941723212145817656807550013436025525412068000949339362196969471560586332699641868" +
        "7542001481020570685733685520235758130557032670751635075961930727570828371435190307038623891673471123" +
        "3501153644979552391204751726815749320651555247341395258829504530070953263666426541042391578149520437" +
        "4043038550080194417064167151864471283996817178454695702627163106454615025720740248163777338963855069" +
        "5260668341137273873722928956493547025762652098859693201965058554764703306793654432547632744951250406" +
        "0694381471046899465062201677204245245296126879465461931651746813926725041038025462596568691441928716" +
        "0829380317271436778265487756648508567407764845146443994046142260319309673540257444607030809608504748" +
        "6638523138181676751438667476647890881437141985494231519973548803751658612753529166100071053558249879" +
        "4147295092931138971559982056543928717000721808576102523688921324497138932037843935308877482597017155" +
        "9107088236836275898425891853530243634214367061189236789192372314672321720534016492568727477823445353" +
        "4764";

    public const string Sqrt2 =
        "1.41421356237309504880168872420969807856967187537694807317667973799073247846210703885038753432764157" +
        "2735013846230912297024924836055850737212644121497099935831413222665927505592755799950501152782060571" +
        "4701095599716059702745345968620147285174186408891986095523292304843087143214508397626036279952514079" +
        "8968725339654633180882964062061525835239505474575028775996172983557522033753185701135437460340849884" +
        "7160386899970699004815030544027790316454247823068492936918621580578463111596668713013015618568987237" +
        "2352885092648612494977154218334204285686060146824720771435854874155657069677653720226485447015858801" +
        "6207584749226572260020855844665214583988939443709265918003113882464681570826301005948587040031864803" +
        "4219489727829064104507263688131373985525611732204024509122770022694112757362728049573810896750401836" +
        "9868368450725799364729060762996941380475654823728997180326802474420629269124859052181004459842150591" +
        "1202494413417285314781058036033710773091828693147101711116839165817268894197587165821521282295184884" +
        "720";

    /// <summary>The reference rounded half up to <paramref name="precision"/> significant digits, SPEC §5 text.</summary>
    public static string Rounded(string reference, int precision)
    {
        var dot = reference.IndexOf('.', StringComparison.Ordinal);
        var digits = reference.Remove(dot, 1);
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        var integerDigits = dot - leadingZeros;
        var significant = digits[leadingZeros..];
        var kept = BigInteger.Parse(significant[..precision], CultureInfo.InvariantCulture);
        if (significant[precision] >= '5')
        {
            kept += 1;
        }

        return DecimalFormat.FormatDigits(false, kept, integerDigits - precision, precision);
    }
}

public sealed class ConstantsTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in new[] { "pi", "e", "ln2", "sqrt2" })
        {
            foreach (var precision in new[] { 1, 2, 20, 50, 100, 333, 1000 })
            {
                data.Add(name, precision);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Constant_prints_the_reference_digits(string name, int precision)
    {
        var ctx = new NumericContext(precision);
        var (value, reference) = Constant(name, ctx);
        Assert.Equal(ReferenceDigits.Rounded(reference, precision), NumberMath.Format(value, ctx, fraction: false));
    }

    [Fact]
    public void Ln2_by_its_machin_formula_agrees_with_ln_of_two_by_series()
    {
        var bits = 3400;
        var constant = Constants.Ln2(bits);
        var series = Elementary.Ln1p(Ball.One, bits);
        var difference = Ball.Subtract(constant, series, bits);
        Assert.True(difference.ContainsZero);
        Assert.True(difference.UpperLog2 < -3300);
    }

    [Fact]
    public void Lower_precisions_are_rounded_from_the_cached_value()
    {
        var high = Constants.Pi(5000);
        var low = Constants.Pi(100);
        Assert.True(IntegerMath.BitLength(low.Mid) <= 100);
        Assert.True(Ball.Subtract(high, low, 5000).ContainsZero);
    }

    [Fact]
    public void Derived_constants_match_their_definitions()
    {
        var ctx = new NumericContext(50);
        var twoPi = NumberMath.Multiply(NumberMath.Pi, Number.Exact(2), ctx);
        Assert.Equal(0, NumberMath.Compare(NumberMath.Tau, twoPi, ctx));
        var phi = NumberMath.Divide(NumberMath.Add(Number.Exact(1), NumberMath.Sqrt(Number.Exact(5), ctx), ctx), Number.Exact(2), ctx);
        Assert.Equal(0, NumberMath.Compare(NumberMath.Phi, phi, ctx));
        Assert.Equal("1.6180339887498948482045868343656381177203091798058", NumberMath.Format(NumberMath.Phi, ctx, false));
    }

    // A measurement, not an assertion: the timings vary with the machine and its load.
    [Fact]
    public void Measure_constants_at_2000_and_10000_digits()
    {
        foreach (var digits in new[] { 2000, 10000 })
        {
            var bits = ApproxFormat.WorkingBits(digits);
            foreach (var (name, compute) in new (string, Func<int, Ball>)[]
            {
                ("pi", Constants.ComputePi), ("e", Constants.ComputeE), ("ln2", Constants.ComputeLn2),
                ("sqrt2", b => Ball.Sqrt(Ball.FromInteger(2), b)),
            })
            {
                // The series directly: the caches may already hold these precisions.
                compute(64);
                var watch = Stopwatch.StartNew();
                var ball = compute(bits);
                watch.Stop();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {digits} digits: {watch.Elapsed.TotalMilliseconds:F1} ms ({IntegerMath.BitLength(ball.Mid)} bits)"));
            }
        }
    }

    private static (Number Value, string Reference) Constant(string name, NumericContext ctx) => name switch
    {
        "pi" => (NumberMath.Pi, ReferenceDigits.Pi),
        "e" => (NumberMath.E, ReferenceDigits.E),
        "ln2" => (NumberMath.Ln(Number.Exact(2), ctx), ReferenceDigits.Ln2),
        _ => (NumberMath.Sqrt(Number.Exact(2), ctx), ReferenceDigits.Sqrt2),
    };
}
