namespace Calculator.Evaluator.Numerics;

/// <summary>
/// Sums, products and the statistics of SPEC §4 over a list of arguments. They are built from the
/// arithmetic of <see cref="NumberMath"/>, so exact arguments give exact results and any
/// approximate argument makes the result approximate, as everywhere else.
/// </summary>
internal static class Statistics
{
    /// <summary>x1 + x2 + … + xn.</summary>
    public static Number Sum(ReadOnlySpan<Number> values, NumericContext ctx)
    {
        var sum = values[0];
        foreach (var value in values[1..])
        {
            sum = NumberMath.Add(sum, value, ctx);
        }

        return sum;
    }

    /// <summary>x1·x2···xn.</summary>
    public static Number Product(ReadOnlySpan<Number> values, NumericContext ctx)
    {
        var product = values[0];
        foreach (var value in values[1..])
        {
            product = NumberMath.Multiply(product, value, ctx);
        }

        return product;
    }

    /// <summary>The arithmetic mean.</summary>
    public static Number Mean(ReadOnlySpan<Number> values, NumericContext ctx) =>
        NumberMath.Divide(Sum(values, ctx), Number.Exact(values.Length), ctx);

    /// <summary>
    /// The middle value, or the mean of the two middle values of an even count (as Python's
    /// <c>statistics.median</c>). Approximate values are ordered as they print, like <c>&lt;</c>.
    /// </summary>
    public static Number Median(ReadOnlySpan<Number> values, NumericContext ctx)
    {
        var sorted = values.ToArray();

        // The keys are computed before sorting: a comparison that throws inside Array.Sort would
        // come out wrapped in another exception.
        var keys = new PrintedDecimal[sorted.Length];
        var allExact = true;
        for (var i = 0; i < sorted.Length; i++)
        {
            allExact &= sorted[i].IsExact;
        }

        if (allExact)
        {
            var exact = new Rational[sorted.Length];
            for (var i = 0; i < sorted.Length; i++)
            {
                sorted[i].TryGetExact(out exact[i]);
            }

            Array.Sort(exact, sorted);
        }
        else
        {
            for (var i = 0; i < sorted.Length; i++)
            {
                keys[i] = ApproxFormat.Printed(sorted[i], ctx);
            }

            Array.Sort(keys, sorted);
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1
            ? sorted[middle]
            : NumberMath.Divide(NumberMath.Add(sorted[middle - 1], sorted[middle], ctx), Number.Exact(2), ctx);
    }

    /// <summary>The sample variance Σ(x − mean)²/(n − 1), for two or more values.</summary>
    public static Number Variance(ReadOnlySpan<Number> values, NumericContext ctx)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Length, 2);
        var mean = Mean(values, ctx);
        var squares = Number.Exact(Rational.Zero);
        foreach (var value in values)
        {
            var deviation = NumberMath.Subtract(value, mean, ctx);
            squares = NumberMath.Add(squares, NumberMath.Multiply(deviation, deviation, ctx), ctx);
        }

        return NumberMath.Divide(squares, Number.Exact(values.Length - 1), ctx);
    }

    /// <summary>The sample standard deviation √var: exact when the variance is the square of a rational.</summary>
    public static Number StandardDeviation(ReadOnlySpan<Number> values, NumericContext ctx) =>
        NumberMath.Sqrt(Variance(values, ctx), ctx);
}
