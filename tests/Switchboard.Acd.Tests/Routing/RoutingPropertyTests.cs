using CsCheck;
using Switchboard.Acd.Agents;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Routing;

/// <summary>Property tests of the routing order against a simple model, on the real redis-server.</summary>
public sealed class RoutingPropertyTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly string[] Queues = ["q0", "q1", "q2"];

    [Fact]
    public async Task ReadyAsync_RandomWaitingCallers_OfferedInPriorityThenPlaceOrderAcrossServedQueues()
    {
        var gen = Gen.Select(
            Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3]).Array[1, 12],
            Gen.Int[1, 7]);

        await gen.SampleAsync(
            async (calls, servedMask) =>
            {
                await using var acd = new AcdTestContext(redis.Connection);
                foreach (var q in Queues)
                {
                    await acd.QueueAsync(q, o => o with { WrapUpTime = TimeSpan.Zero });
                }

                var served = Queues.Where((_, i) => (servedMask & (1 << i)) != 0).ToArray();
                await acd.AgentAsync("a", string.Join(',', served), ready: false);
                var model = new List<(string Id, int Priority, int Place)>();
                for (var i = 0; i < calls.Length; i++)
                {
                    var (queue, priority) = calls[i];
                    var id = "c" + i;
                    await acd.EnqueueAsync(id, Queues[queue], priority: priority);
                    if (served.Contains(Queues[queue]))
                    {
                        model.Add((id, priority, i));
                    }
                }

                var expected = model.OrderByDescending(m => m.Priority).ThenBy(m => m.Place).Select(m => m.Id).ToList();
                var actual = new List<string>();
                await acd.Store.ReadyAsync("a").DefaultTimeout();
                while (await acd.OfferOfAsync("a") is { } call)
                {
                    actual.Add(call);
                    await acd.CompleteAsync("a", call);
                }

                Assert.Equal(expected, actual);
            },
            iter: 25,
            threads: 1);
    }

    [Fact]
    public async Task EnqueueAsync_RandomReadyAgents_BestLevelThenLongestIdleGetsOffer()
    {
        var gen = Gen.Select(Gen.Int[0, 9], Gen.Bool).Array[1, 8].Select(Gen.Int[0, 9]);

        await gen.SampleAsync(
            async (agents, minLevel) =>
            {
                await using var acd = new AcdTestContext(redis.Connection);
                await acd.QueueAsync("q0");
                for (var i = 0; i < agents.Length; i++)
                {
                    var (level, ready) = agents[i];
                    await acd.AgentAsync("a" + i, "q0", $"bsu:{level}", ready: ready);
                    acd.Time.Advance(TimeSpan.FromSeconds(1));
                }

                var expected = agents
                    .Select((a, i) => (Id: "a" + i, a.Item1, a.Item2, Idle: i))
                    .Where(a => a.Item3 && a.Item2 >= minLevel)
                    .OrderByDescending(a => a.Item2)
                    .ThenBy(a => a.Idle)
                    .Select(a => a.Id)
                    .FirstOrDefault();

                var result = await acd.EnqueueAsync("c", "q0", $"bsu:{minLevel}");

                Assert.Equal(expected, result.OfferedTo);
                if (expected is not null)
                {
                    Assert.Equal(AgentState.Reserved, (await acd.AgentStatusAsync(expected)).State);
                }
            },
            iter: 25,
            threads: 1);
    }
}
