using System.Runtime.ExceptionServices;

namespace Calculator.Parser;

/// <summary>
/// Runs work on a thread with a stack large enough for calc's deepest recursion: expressions nested
/// <see cref="CalcParser.MaxDepth"/> levels and user functions recursing 10 000 deep. The stack is
/// reserved address space; only the pages the work touches are committed. Thread-safe.
/// </summary>
internal static class LargeStack
{
    /// <summary>The stack size, in bytes.</summary>
    public const int Size = 1024 * 1024 * 1024;

    /// <summary>Runs <paramref name="work"/> on a large stack and waits for it; rethrows what it throws.</summary>
    public static T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        T result = default!;
        Run(() => { result = work(); });
        return result;
    }

    /// <summary>Runs <paramref name="work"/> on a large stack and waits for it; rethrows what it throws.</summary>
    public static void Run(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    work();
                }
#pragma warning disable CA1031 // Handed back to the caller's thread, where it is thrown again.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            Size)
        { Name = "calc" };
        thread.Start();
        thread.Join();
        failure?.Throw();
    }
}
