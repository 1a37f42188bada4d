using Switchboard.Acd.Agents;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;

namespace Switchboard.Benchmarks.Routing;

/// <summary>3 queues, 50 agents (agent ag0 ready for q0, 49 on calls), 500 callers waiting for bsu:9.</summary>
public static class RoutingSetup
{
    public static readonly string[] Queues = ["q0", "q1", "q2"];

    public static async Task PopulateAsync(AcdStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var q in Queues)
        {
            await store.ConfigureQueueAsync(new QueueOptions { Name = q, OfferTimeout = TimeSpan.FromMinutes(10), WrapUpTime = TimeSpan.Zero }).ConfigureAwait(false);
        }

        for (var i = 0; i < 50; i++)
        {
            await store.RegisterAgentAsync(new Agent("ag" + i, "Agent " + i, [new AgentSkill("bsu", 5)], ["sv"], $"sip:ag{i}@127.0.0.1", [Queues[i % 3], Queues[(i + 1) % 3]])).ConfigureAwait(false);
        }

        // Agents 1..49 take a call each and stay on it.
        for (var i = 1; i < 50; i++)
        {
            await store.ReadyAsync("ag" + i).ConfigureAwait(false);
            var busy = "busy" + i;
            var result = await store.EnqueueAsync(new EnqueueRequest(busy, Queues[i % 3], [])).ConfigureAwait(false);
            await store.AcceptAsync(result.OfferedTo!, busy).ConfigureAwait(false);
            await store.CallAnsweredAsync(busy).ConfigureAwait(false);
        }

        for (var i = 0; i < 500; i++)
        {
            await store.EnqueueAsync(new EnqueueRequest("wait" + i, Queues[i % 3], [new SkillRequirement("bsu", 9)])).ConfigureAwait(false);
        }

        await store.ReadyAsync("ag0").ConfigureAwait(false);
    }
}
