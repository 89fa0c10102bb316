using BenchmarkDotNet.Running;

// dotnet run -c Release --project Calculator.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Calculator.Benchmarks.Lines).Assembly).Run(args);
