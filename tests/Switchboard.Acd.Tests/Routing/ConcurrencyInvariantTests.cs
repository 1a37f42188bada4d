using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;
using Xunit.Abstractions;

namespace Switchboard.Acd.Tests.Routing;

/// <summary>
/// Two ACD nodes, 1,000 calls and 50 agents with random ready/pause/accept/reject/timeout/hang-up, then the event
/// stream is replayed to prove the invariants.
/// </summary>
public sealed class ConcurrencyInvariantTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    private const int Calls = 1000;
    private const int Agents = 50;
    private static readonly string[] Queues = ["q0", "q1", "q2"];

    [Fact]
    public async Task TwoNodes_RandomAgentsAndCallers_InvariantsHold()
    {
        var tenant = RedisServerFixture.NewKeyPrefix();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var connectionB = await ConnectionMultiplexer.ConnectAsync(redis.Configuration).DefaultTimeout();
        var options = new AcdOptions { Tenant = tenant, ResilienceTimeProvider = TimeProvider.System };
        await using var nodeA = new AcdStore(redis.Connection, options with { NodeId = "node-a" }, time);
        await using var nodeB = new AcdStore(connectionB, options with { NodeId = "node-b" }, time);
        AcdStore[] nodes = [nodeA, nodeB];
        AcdStore Owner(string node) => node == "node-a" ? nodeA : nodeB;

        foreach (var q in Queues)
        {
            await nodeA.ConfigureQueueAsync(new QueueOptions { Name = q, OfferTimeout = TimeSpan.FromSeconds(5), WrapUpTime = TimeSpan.FromSeconds(10), MaxNoAnswer = 3 }).DefaultTimeout();
        }

        var agentQueues = new Dictionary<string, string[]>();
        for (var i = 0; i < Agents; i++)
        {
            var id = "ag" + i;
            agentQueues[id] = i % 4 == 0 ? [Queues[i % 3], Queues[(i + 1) % 3]] : [Queues[i % 3]];
            await nodes[i % 2].RegisterAgentAsync(new Agent(id, id, [], ["sv"], $"sip:{id}@127.0.0.1", agentQueues[id])).DefaultTimeout();
        }

        var finished = new ConcurrentDictionary<string, string>();
        var duplicateFinish = 0;
        void Finish(string callId, string how)
        {
            if (!finished.TryAdd(callId, how))
            {
                Interlocked.Increment(ref duplicateFinish);
            }
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var watch = Stopwatch.StartNew();

        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            var random = new Random(100 + p);
            for (var i = p; i < Calls; i += 4)
            {
                var callId = "call" + i;
                var node = nodes[i % 2];
                var result = await node.EnqueueAsync(new EnqueueRequest(callId, Queues[random.Next(3)], [], Priority: random.Next(3), CallerNumber: "+4670" + i)).ConfigureAwait(false);
                Assert.Equal(EnqueueOutcome.Queued, result.Outcome);
                if (random.NextDouble() < 0.1)
                {
                    // This caller gives up soon, whatever state they reached.
                    _ = Task.Run(async () =>
                    {
                        await Task.Delay(random.Next(1, 30)).ConfigureAwait(false); // deliberate jitter: abandon at a random moment, not a wait
                        if (await node.AbandonAsync(callId).ConfigureAwait(false) == AcdCommandResult.Ok)
                        {
                            Finish(callId, "abandoned");
                        }
                    });
                }

                await Task.Delay(1).ConfigureAwait(false); // deliberate jitter: interleave with the other actors, not a wait
            }
        })).ToArray();

        var agentTasks = Enumerable.Range(0, Agents).Select(i => Task.Run(async () =>
        {
            var id = "ag" + i;
            var random = new Random(i);
            var node = nodes[i % 2];
            await node.ReadyAsync(id).ConfigureAwait(false);
            string? ignored = null;
            while (finished.Count < Calls && !stop.IsCancellationRequested)
            {
                var status = (await node.GetAgentAsync(id).ConfigureAwait(false))!;
                var roll = random.NextDouble();
                switch (status.State)
                {
                    case AgentState.Reserved when status.CallId is { } callId && callId != ignored:
                        if (roll < 0.7)
                        {
                            await node.AcceptAsync(id, callId).ConfigureAwait(false);
                        }
                        else if (roll < 0.85)
                        {
                            await node.RejectAsync(id, callId).ConfigureAwait(false);
                        }
                        else
                        {
                            ignored = callId; // let this offer time out
                        }

                        break;
                    case AgentState.OnCall when status.CallId is { } callId:
                        var entry = await node.GetEntryAsync(callId).ConfigureAwait(false);
                        if (entry?.State == QueueEntryState.Accepted)
                        {
                            if (roll < 0.05 && await Owner(entry.Node).AbandonAsync(callId).ConfigureAwait(false) == AcdCommandResult.Ok)
                            {
                                Finish(callId, "abandoned");
                            }
                            else
                            {
                                await Owner(entry.Node).CallAnsweredAsync(callId).ConfigureAwait(false);
                            }
                        }
                        else if (entry?.State == QueueEntryState.Answered && await Owner(entry.Node).CallEndedAsync(callId).ConfigureAwait(false) == AcdCommandResult.Ok)
                        {
                            Finish(callId, "ended");
                        }

                        break;
                    case AgentState.WrapUp:
                        if (roll < 0.5)
                        {
                            await node.EndWrapUpAsync(id, "resolved").ConfigureAwait(false);
                        }

                        break;
                    case AgentState.Ready:
                        if (roll < 0.02)
                        {
                            await node.PauseAsync(id, PauseReason.Lunch).ConfigureAwait(false);
                        }

                        break;
                    case AgentState.Paused:
                        if (roll < 0.3)
                        {
                            await node.ReadyAsync(id).ConfigureAwait(false);
                        }

                        break;
                }

                await Task.Delay(1).ConfigureAwait(false); // deliberate jitter: interleave with the other actors, not a wait
            }
        })).ToArray();

        var clock = Task.Run(async () =>
        {
            var k = 0;
            while (finished.Count < Calls && !stop.IsCancellationRequested)
            {
                time.Advance(TimeSpan.FromMilliseconds(500));
                await nodes[k++ % 2].RunDueTimersAsync().ConfigureAwait(false);
                await Task.Delay(5).ConfigureAwait(false); // the fake clock's pace against the actors, not a wait
            }
        });

        await Task.WhenAll([.. producers, .. agentTasks, clock]).WaitAsync(TimeSpan.FromSeconds(90));
        Assert.False(stop.IsCancellationRequested, $"not all calls finished: {finished.Count}/{Calls}");
        Assert.Equal(0, duplicateFinish);
        Assert.Equal(Calls, finished.Count);

        var events = new List<AcdEvent>();
        string? after = null;
        while (true)
        {
            var page = await nodeA.ReadEventsAsync(after, 5000).DefaultTimeout();
            if (page.Count == 0)
            {
                break;
            }

            events.AddRange(page);
            after = page[^1].Id;
        }

        output.WriteLine($"{watch.Elapsed}: {events.Count} events; " + string.Join(", ", events.GroupBy(e => e.Type).Select(g => $"{g.Key} {g.Count()}")));
        EventReplay.Check(events, agentQueues, Calls);
    }
}
