using Calculator.Evaluator;
using Calculator.Parser;

namespace Calculator.Tests.Support;

/// <summary>Runs programs through a fresh session and describes the last outcome as text.</summary>
public static class Calc
{
    /// <summary>The printed value of the last statement, or <c>error:KIND</c>.</summary>
    public static string Last(string program, int precision = 20, bool fraction = false)
    {
        var outcomes = new Session(new SessionOptions { Precision = precision }).Run(program);
        return Describe(outcomes[^1], fraction);
    }

    /// <summary>Every outcome, in order: values printed, assignments as <c>name=value</c>, errors as <c>error:KIND</c>.</summary>
    public static string[] All(string program, int precision = 20)
    {
        var outcomes = new Session(new SessionOptions { Precision = precision }).Run(program);
        return [.. outcomes.Select(o => Describe(o, false))];
    }

    public static Outcome LastOutcome(string program) => new Session().Run(program)[^1];

    private static string Describe(Outcome outcome, bool fraction) => outcome.Kind switch
    {
        OutcomeKind.Value => outcome.Value!.Format(fraction),
        OutcomeKind.Assignment => outcome.Name + "=" + outcome.Value!.Format(fraction),
        OutcomeKind.Definition => outcome.Name + "()",
        _ => "error:" + outcome.Error!.KindName,
    };

    /// <summary>Runs <paramref name="action"/> on a thread with a large stack, as the CLI does.</summary>
    public static T OnLargeStack<T>(Func<T> action)
    {
        try
        {
            return LargeStack.Run(action);
        }
        catch (Exception failure)
        {
            throw new InvalidOperationException("failed on the large stack", failure);
        }
    }
}
