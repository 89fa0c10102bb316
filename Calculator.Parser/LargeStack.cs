using System.Runtime.ExceptionServices;

namespace Calculator.Parser;

/// <summary>
/// Runs work on a thread with a stack large enough for calc's deepest recursion: expressions nested
/// <see cref="CalcParser.MaxDepth"/> levels and user functions recursing 10 000 deep. The stack is
/// reserved address space; only the pages the work touches are committed. Thread-safe.
/// </summary>
internal static class LargeStack
{
    // Under an address-space limit (ulimit -v) a big reservation can fail, so smaller ones follow:
    // 10 000 levels of a simple user function need about 30 MiB in the published binary and
    // 60 MiB in a Debug build; below that the engine reports "recursion too deep" earlier
    // instead of crashing (docs/cli.md).
    private static readonly int[] Sizes = [1024 << 20, 256 << 20, 64 << 20, 16 << 20];

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
        void Body()
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
        }

        Start(Body).Join();
        failure?.Throw();
    }

    private static Thread Start(ThreadStart body)
    {
        for (var i = 0; ; i++)
        {
            var thread = new Thread(body, Sizes[i]) { Name = "calc" };
            try
            {
                thread.Start();
                return thread;
            }
            catch (Exception ex) when (ex is OutOfMemoryException or ThreadStartException && i + 1 < Sizes.Length)
            {
                // No room for this stack: try the next size.
            }
        }
    }
}
