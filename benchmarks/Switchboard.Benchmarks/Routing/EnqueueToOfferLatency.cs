using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Benchmarks.Routing;

/// <summary>
/// Enqueue-to-offer latency as the agent sees it (a percentile run, not a BenchmarkDotNet benchmark: the target is a
/// p99): from <c>EnqueueAsync</c> on node A until the offer arrives on the agent's stream on node B over a second
/// Redis connection (Lua match + PUBLISH + pub/sub + parse), with <see cref="RoutingSetup"/>'s 50 agents, 3 queues and
/// 500 callers waiting ahead that the free agent cannot take. Each caller is abandoned after its sample (not timed).
/// <c>dotnet run -c Release --project benchmarks/Switchboard.Benchmarks -- latency [SAMPLES]</c>.
/// </summary>
public static class EnqueueToOfferLatency
{
    public static async Task<int> RunAsync(int samples)
    {
        await using var server = await RedisServer.StartAsync().ConfigureAwait(false);
        using var connectionA = await ConnectionMultiplexer.ConnectAsync(server.Configuration).ConfigureAwait(false);
        using var connectionB = await ConnectionMultiplexer.ConnectAsync(server.Configuration).ConfigureAwait(false);
        await using var nodeA = new AcdStore(connectionA, new AcdOptions { Tenant = "lat", NodeId = "a" }, TimeProvider.System);
        await using var nodeB = new AcdStore(connectionB, new AcdOptions { Tenant = "lat", NodeId = "b" }, TimeProvider.System);
        await RoutingSetup.PopulateAsync(nodeA).ConfigureAwait(false);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var offers = nodeB.SubscribeAgentAsync("ag0", cts.Token).GetAsyncEnumerator(cts.Token);

        var times = new List<double>(samples);
        var total = Stopwatch.StartNew();
        for (var i = -100; i < samples; i++)
        {
            var callId = "lat" + i.ToString(CultureInfo.InvariantCulture);
            var next = offers.MoveNextAsync();
            var watch = Stopwatch.StartNew();
            await nodeA.EnqueueAsync(new EnqueueRequest(callId, "q0", [new SkillRequirement("bsu", 1)]), cts.Token).ConfigureAwait(false);
            while (await next.ConfigureAwait(false) && !(offers.Current.Type == AgentEventType.Offer && offers.Current.CallId == callId))
            {
                next = offers.MoveNextAsync();
            }

            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            if (await nodeA.AbandonAsync(callId, cts.Token).ConfigureAwait(false) != AcdCommandResult.Ok)
            {
                Console.Error.WriteLine($"latency: abandoning {callId} failed");
                return 1;
            }
        }

        times.Sort();
        double At(double q) => times[Math.Max(0, (int)Math.Ceiling(times.Count * q) - 1)];
        Console.WriteLine(FormattableString.Invariant(
            $"enqueue-to-offer, {samples} samples in {total.Elapsed.TotalSeconds:F1} s, load avg {File.ReadAllText("/proc/loadavg").Split(' ')[0]}: p50 {At(0.50):F3} ms, p99 {At(0.99):F3} ms, max {times[^1]:F3} ms"));
        return 0;
    }
}
