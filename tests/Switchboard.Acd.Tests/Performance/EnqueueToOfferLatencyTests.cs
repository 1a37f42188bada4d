using System.Diagnostics;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;
using Xunit.Abstractions;

namespace Switchboard.Acd.Tests.Performance;

/// <summary>
/// Enqueue-to-offer latency as the agent sees it: from <c>EnqueueAsync</c> on node A until the offer arrives on the
/// agent's stream on node B (Lua match + pub/sub), with 50 agents, 3 queues and 500 callers waiting ahead that the
/// free agent cannot take, so every decision scans all 500. Figures go to docs/performance-acd.md.
/// </summary>
public sealed class EnqueueToOfferLatencyTests(ITestOutputHelper output)
{
    private const int Samples = 1000;
    private static readonly string[] Queues = ["q0", "q1", "q2"];

    [Fact]
    public async Task EnqueueAsync_50Agents3Queues500Waiting_OfferLatencyP99WithinBudget()
    {
        await using var server = await RedisServer.StartAsync().DefaultTimeout();
        using var connectionA = await ConnectionMultiplexer.ConnectAsync(server.Configuration).DefaultTimeout();
        using var connectionB = await ConnectionMultiplexer.ConnectAsync(server.Configuration).DefaultTimeout();
        await using var nodeA = new AcdStore(connectionA, new AcdOptions { Tenant = "lat", NodeId = "a" }, TimeProvider.System);
        await using var nodeB = new AcdStore(connectionB, new AcdOptions { Tenant = "lat", NodeId = "b" }, TimeProvider.System);
        await PopulateAsync(nodeA).DefaultTimeout();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var offers = nodeB.SubscribeAgentAsync("ag0", cts.Token).GetAsyncEnumerator(cts.Token);

        var times = new List<double>(Samples);
        var total = Stopwatch.StartNew();
        for (var i = -100; i < Samples; i++)
        {
            var callId = "lat" + i;
            var next = offers.MoveNextAsync();
            var watch = Stopwatch.StartNew();
            await nodeA.EnqueueAsync(new EnqueueRequest(callId, "q0", [new SkillRequirement("bsu", 1)]), cts.Token);
            while (await next && !(offers.Current.Type == AgentEventType.Offer && offers.Current.CallId == callId))
            {
                next = offers.MoveNextAsync();
            }

            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            Assert.Equal(AcdCommandResult.Ok, await nodeA.AbandonAsync(callId, cts.Token));
        }

        times.Sort();
        var p50 = times[times.Count / 2];
        var p99 = times[(int)Math.Ceiling(times.Count * 0.99) - 1];
        var stats = (string?)await connectionA.GetDatabase().ExecuteAsync("INFO", "commandstats").DefaultTimeout() ?? string.Empty;
        output.WriteLine(string.Join(Environment.NewLine, stats.Split('\n').Where(l => l.StartsWith("cmdstat_evalsha", StringComparison.Ordinal) || l.StartsWith("cmdstat_eval:", StringComparison.Ordinal))));
        output.WriteLine($"enqueue-to-offer, {Samples} samples in {total.Elapsed.TotalSeconds:F1} s: p50 {p50:F3} ms, p99 {p99:F3} ms, max {times[^1]:F3} ms");
        Assert.Equal(500, await connectionA.GetDatabase().SortedSetLengthAsync("sb:{lat}:q:q0").DefaultTimeout() + await connectionA.GetDatabase().SortedSetLengthAsync("sb:{lat}:q:q1").DefaultTimeout() + await connectionA.GetDatabase().SortedSetLengthAsync("sb:{lat}:q:q2").DefaultTimeout());

        // Target is 5 ms on an idle machine; this machine is shared by several builds, so the test allows slack.
        Assert.True(p99 < 50, $"p99 {p99:F3} ms");
    }

    private static async Task PopulateAsync(AcdStore store)
    {
        foreach (var q in Queues)
        {
            await store.ConfigureQueueAsync(new QueueOptions { Name = q, OfferTimeout = TimeSpan.FromMinutes(10), WrapUpTime = TimeSpan.Zero });
        }

        for (var i = 0; i < 50; i++)
        {
            await store.RegisterAgentAsync(new Agent("ag" + i, "Agent " + i, [new AgentSkill("bsu", 5)], ["sv"], $"sip:ag{i}@127.0.0.1", [Queues[i % 3], Queues[(i + 1) % 3]]));
        }

        for (var i = 1; i < 50; i++)
        {
            await store.ReadyAsync("ag" + i);
            var busy = "busy" + i;
            var result = await store.EnqueueAsync(new EnqueueRequest(busy, Queues[i % 3], []));
            await store.AcceptAsync(result.OfferedTo!, busy);
            await store.CallAnsweredAsync(busy);
        }

        for (var i = 0; i < 500; i++)
        {
            await store.EnqueueAsync(new EnqueueRequest("wait" + i, Queues[i % 3], [new SkillRequirement("bsu", 9)]));
        }

        await store.ReadyAsync("ag0");
    }
}
