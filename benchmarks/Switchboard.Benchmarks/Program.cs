using BenchmarkDotNet.Running;

namespace Switchboard.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/Switchboard.Benchmarks -- --filter '*' --job short</c>.
/// Benchmarks run in-process by default: BenchmarkDotNet's usual toolchain rebuilds the whole project graph into a
/// boilerplate project per run, which on a busy 2-core machine exceeds its 2-minute build timeout (and the suite's
/// 10-minute budget). Pass <c>--outOfProcess</c> for the usual separate-process toolchain.
/// <c>-- latency [SAMPLES]</c> runs the enqueue-to-offer percentile measurement instead (Routing/EnqueueToOfferLatency).
/// </summary>
public static class Program
{
    private const string OutOfProcess = "--outOfProcess";

    public static int Main(string[] args)
    {
        if (args is ["latency", ..])
        {
            var samples = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
            return Routing.EnqueueToOfferLatency.RunAsync(samples).GetAwaiter().GetResult();
        }

        string[] effective = args.Contains(OutOfProcess)
            ? [.. args.Where(a => a != OutOfProcess)]
            : args.Contains("--inProcess") || args.Contains("-i") ? args : [.. args, "--inProcess"];
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(effective);
        return 0;
    }
}
