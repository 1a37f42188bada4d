using System.Globalization;
using Switchboard.Acd.Events;

namespace Switchboard.Acd.Tests.Routing;

/// <summary>Replays the ACD event stream in order and checks the routing invariants.</summary>
internal static class EventReplay
{
    public static void Check(IReadOnlyList<AcdEvent> events, IReadOnlyDictionary<string, string[]> agentQueues, int calls)
    {
        var key = new Dictionary<string, (int Priority, long Place, int Seq)>();
        var queueOf = new Dictionary<string, string>();
        var waiting = new Dictionary<string, SortedSet<(int NegPriority, long Place, int Seq, string Call)>>();
        var callHolder = new Dictionary<string, string>();
        var agentHolding = new Dictionary<string, string>();
        var answered = new Dictionary<string, int>();
        var ended = new Dictionary<string, int>();
        var abandoned = new Dictionary<string, int>();
        var seq = 0;

        SortedSet<(int, long, int, string)> Waiting(string q) =>
            waiting.TryGetValue(q, out var set) ? set : waiting[q] = [];
        (int, long, int, string) Entry(string call) => (-key[call].Priority, key[call].Place, key[call].Seq, call);
        void Release(string call)
        {
            if (callHolder.Remove(call, out var agent))
            {
                Assert.Equal(call, agentHolding[agent]);
                agentHolding.Remove(agent);
            }
        }

        foreach (var e in events)
        {
            var call = e.CallId;
            switch (e.Type)
            {
                case AcdEventType.Enqueued:
                    key[call!] = (int.Parse(e.Fields["prio"], CultureInfo.InvariantCulture), long.Parse(e.Fields["place"], CultureInfo.InvariantCulture), seq++);
                    queueOf[call!] = e.Queue!;
                    Assert.True(Waiting(e.Queue!).Add(Entry(call!)));
                    break;
                case AcdEventType.Offered:
                    {
                        var agent = e.AgentId!;
                        Assert.False(callHolder.ContainsKey(call!), $"{call} offered to {agent} while held by another agent");
                        Assert.False(agentHolding.ContainsKey(agent), $"{agent} offered {call} while holding {agentHolding.GetValueOrDefault(agent)}");
                        Assert.True(Waiting(e.Queue!).Remove(Entry(call!)), $"{call} offered but not waiting");
                        var mine = Entry(call!);
                        foreach (var q in agentQueues[agent])
                        {
                            // FIFO within priority per queue, and oldest-first across the agent's queues.
                            var first = Waiting(q).Min;
                            Assert.True(first == default || Waiting(q).Comparer.Compare(mine, first) < 0, $"{call} offered to {agent} ahead of older {first.Item4} in {q}");
                        }

                        callHolder[call!] = agent;
                        agentHolding[agent] = call!;
                        break;
                    }

                case AcdEventType.Accepted:
                    Assert.Equal(e.AgentId, callHolder[call!]);
                    break;
                case AcdEventType.Rejected or AcdEventType.OfferTimedOut:
                    Assert.Equal(e.AgentId, callHolder[call!]);
                    Release(call!);
                    Assert.True(Waiting(e.Queue!).Add(Entry(call!)));
                    break;
                case AcdEventType.Answered:
                    answered[call!] = answered.GetValueOrDefault(call!) + 1;
                    Assert.Equal(e.AgentId, callHolder[call!]);
                    break;
                case AcdEventType.Ended:
                    ended[call!] = ended.GetValueOrDefault(call!) + 1;
                    Release(call!);
                    break;
                case AcdEventType.Abandoned:
                    abandoned[call!] = abandoned.GetValueOrDefault(call!) + 1;
                    Waiting(e.Queue!).Remove(Entry(call!));
                    Release(call!);
                    break;
            }
        }

        Assert.Equal(calls, key.Count);
        foreach (var call in key.Keys)
        {
            var a = answered.GetValueOrDefault(call);
            var n = ended.GetValueOrDefault(call);
            var x = abandoned.GetValueOrDefault(call);
            Assert.True((a == 1 && n == 1 && x == 0) || (a == 0 && n == 0 && x == 1), $"{call}: answered {a}, ended {n}, abandoned {x}");
        }

        Assert.Empty(callHolder);
        Assert.All(waiting.Values, w => Assert.Empty(w));
    }
}
