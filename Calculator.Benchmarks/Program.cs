using BenchmarkDotNet.Running;
using Calculator.Benchmarks;

// dotnet run -c Release --project Calculator.Benchmarks -- --filter '*'
// dotnet run -c Release --project Calculator.Benchmarks -- --host-race 1000000   (bench/host.sh)
if (args is ["--host-race", var count])
{
    HostBenchmarks.Race(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Lines).Assembly).Run(args);
