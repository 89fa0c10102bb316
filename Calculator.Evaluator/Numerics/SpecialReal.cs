namespace Calculator.Evaluator.Numerics;

/// <summary>The special functions of a <see cref="SpecialReal"/> node.</summary>
internal enum SpecialFunction
{
    Gamma,
    LnGamma,
    Erf,
    Erfc,
}

/// <summary>
/// gamma, lgamma, erf or erfc of a <see cref="Real"/>. An exact rational argument is handed to
/// the algorithms as such, so their series and products run in integer arithmetic; any other
/// argument is asked for as many more bits as the function magnifies its error by.
/// </summary>
internal sealed class SpecialReal : Real
{
    private readonly SpecialFunction _function;
    private readonly Real _argument;

    private SpecialReal(SpecialFunction function, Real argument)
        : base(argument.Depth + 1)
    {
        _function = function;
        _argument = argument;
    }

    /// <summary>The node, evaluated at once when it is too deep to stay lazy.</summary>
    public static Real Create(SpecialFunction function, Real argument, NumericContext ctx) =>
        Bounded(new SpecialReal(function, argument), ctx);

    private protected override Ball Compute(int bits)
    {
        Rational? exact = null;
        Ball x;
        if (_argument is ExactReal leaf)
        {
            exact = leaf.Value;
            x = Ball.FromRational(leaf.Value.Numerator, leaf.Value.Denominator, bits + 64);
        }
        else
        {
            x = _argument.Approximate(bits);
            var extra = _function switch
            {
                SpecialFunction.Gamma or SpecialFunction.LnGamma => GammaFunction.ExtraArgumentBits(x),
                SpecialFunction.Erfc => ErrorFunction.ExtraArgumentBitsOfErfc(x),
                _ => 0,
            };
            if (extra > 0)
            {
                x = _argument.Approximate((int)Math.Min((long)bits + extra, int.MaxValue / 2));
            }
        }

        return _function switch
        {
            SpecialFunction.Gamma => GammaFunction.Gamma(x, exact, bits),
            SpecialFunction.LnGamma => GammaFunction.LnGamma(x, exact, bits),
            SpecialFunction.Erf => ErrorFunction.Erf(x, exact, bits),
            SpecialFunction.Erfc => ErrorFunction.Erfc(x, exact, bits),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
    }
}
