using System.Diagnostics;
using System.Globalization;
using Calculator.Fuzz;
using SharpFuzz;

// Under afl-fuzz (SharpFuzz's out-of-process fork server): one input per execution, read from stdin.
// `Calculator.Fuzz --replay FILE...` runs saved inputs and prints the time of each; use an
// uninstrumented build for it, because instrumented code needs afl's shared memory.
if (args is ["--replay", .. var files])
{
    return Replay(files);
}

FuzzTarget.OnCliStack(() =>
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        FuzzTarget.Run(memory.GetBuffer().AsSpan(0, (int)memory.Length));
    }));
return 0;

static int Replay(string[] files)
{
    var failed = 0;
    FuzzTarget.OnCliStack(() =>
    {
        FuzzTarget.Run("1+2*3\nsqrt(2)\n"u8);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var clock = Stopwatch.StartNew();
            string verdict;
            try
            {
                verdict = FuzzTarget.Run(bytes).ToString(CultureInfo.InvariantCulture) + " statements";
            }
#pragma warning disable CA1031 // Reported, counted and turned into the exit status.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failed++;
                verdict = "EXCEPTION " + e;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: {clock.ElapsedMilliseconds} ms, {verdict}"));
        }
    });
    return failed == 0 ? 0 : 1;
}
