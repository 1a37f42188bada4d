using System.Diagnostics;
using System.Globalization;

namespace Switchboard.Fuzzing;

/// <summary>
/// <c>dotnet run -c Release --project tests/Switchboard.Fuzzing -- [--inputs N] [--seed S] [--target NAME] [--failures DIR]</c>:
/// N inputs per target (default 2,000,000) from seed S (default 1), every target or one; inputs that break a target are
/// written to DIR (default <c>fuzz-failures</c>) for keeping under <c>Regressions/NAME</c>. A watchdog ends the run
/// (exit code 3) when one input takes longer than 10 s; exit code 2 when any input failed.
/// </summary>
public static class Program
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    public static int Main(string[] args)
    {
        var inputs = long.Parse(Option(args, "--inputs") ?? "2000000", CultureInfo.InvariantCulture);
        var seed = int.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        var only = Option(args, "--target");
        var failuresDir = Option(args, "--failures") ?? "fuzz-failures";
        var total = 0L;
        var failures = 0;
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"seed {seed}, {inputs:N0} inputs per target");
        Console.WriteLine("target     inputs        time    inputs/s  corpus  outcomes  max alloc/input  max time/input  failures");
        foreach (var name in FuzzTargets.Names.Where(n => only is null || n == only))
        {
            using (var target = FuzzTargets.Create(name))
            {
                var runner = new FuzzRunner(target, FuzzTargets.Seeds(target), seed);
                using var watchdog = new Timer(_ => Watch(runner, target, failuresDir), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
                var report = runner.Run(inputs);
                total += report.Inputs;
                failures += report.Failures.Count;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{report.Target,-10} {report.Inputs,10:N0} {report.Elapsed.TotalSeconds,9:0.0} s {report.InputsPerSecond,10:N0} {report.CorpusSize,7} {report.Outcomes,9} {report.MaxAllocatedBytes,14:N0} B {report.MaxInputTime.TotalMilliseconds,12:0.0} ms {report.Failures.Count,9}"));
                foreach (var failure in report.Failures.Take(20))
                {
                    Save(failuresDir, failure);
                    Console.WriteLine($"  {failure.Kind}: {failure.Detail.Split('\n')[0]}");
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {total:N0} inputs in {watch.Elapsed.TotalSeconds:0} s, {failures} failures"));
        return failures == 0 ? 0 : 2;
    }

    private static void Watch(FuzzRunner runner, FuzzTarget target, string failuresDir)
    {
        var (input, startedAt) = runner.Current;
        if (input is not null && startedAt != 0 && Stopwatch.GetElapsedTime(startedAt) > HangLimit)
        {
            Save(failuresDir, new FuzzFailure(target.Name, "hang", $"still running after {HangLimit.TotalSeconds} s", input));
            Console.WriteLine($"hang in {target.Name}: input saved under {failuresDir}");
            Environment.Exit(3);
        }
    }

    private static void Save(string folder, FuzzFailure failure)
    {
        var dir = Path.Combine(folder, failure.Target);
        Directory.CreateDirectory(dir);
        var name = $"{failure.Kind}-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(failure.Input))[..16].ToLowerInvariant()}";
        File.WriteAllBytes(Path.Combine(dir, name + ".bin"), failure.Input);
        File.WriteAllText(Path.Combine(dir, name + ".txt"), failure.Detail);
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
