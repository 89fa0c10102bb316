using System.Runtime.InteropServices;

namespace Calculator.Cli;

/// <summary>
/// glibc gives each new thread that calls malloc an arena of its own, and each arena reserves
/// 64 MiB of address space. calc's memory is the GC's; the runtime mallocs only a little per
/// thread. Under an address-space limit (<c>ulimit -v 500000</c>, where the GC already reserves
/// half) those reservations decided whether the worker thread could start at all, so every
/// thread after this call shares the arenas that exist.
/// </summary>
internal static partial class MallocArenas
{
    private const int ArenaMax = -8;   // M_ARENA_MAX

    public static void ShareExisting()
    {
        try
        {
            _ = SetOption(ArenaMax, 1);
        }
#pragma warning disable CA1031 // Not glibc: nothing to tune, and nothing lost.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int SetOption(int option, int value);
}
