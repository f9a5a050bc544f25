using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "continuous-side-by-side")
{
    DriftWatch.Benchmarks.ContinuousSideBySide.Run(args[1..]);
    return;
}

if (args.Length > 1 && args[0] == "binned-side-by-side")
{
    DriftWatch.Benchmarks.BinnedSideBySide.Run(args[1]);
    return;
}

if (args.Length > 0 && args[0] == "store-cpu-time")
{
    DriftWatch.Benchmarks.PredictionStoreCpuTime.Run(args[1..]);
    return;
}

var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
