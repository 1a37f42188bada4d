using System.Globalization;
using Xunit.Abstractions;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// The routing invariants of the two-node ACD test (<c>ConcurrencyInvariantTests</c>), checked on the event stream of
/// a whole cluster run (every node's events, in the stream's order): a call is never offered while another agent holds
/// it, an agent is never offered a call while holding one, an offer goes to the oldest waiting caller of the queue
/// within its priority (among callers with the same skills and language, whom the agent could equally take), every
/// accept and answer comes from the agent holding the call, and a call ends at most once (ended, abandoned or
/// dropped with its node), with nothing offered, accepted or answered after that.
/// </summary>
internal static class ClusterEventInvariants
{
    public static async Task CheckAsync(ClusterAcd acd, ITestOutputHelper output)
    {
        var events = await acd.AllEventsAsync();
        var report = Check(events);
        output.WriteLine(report);
    }

    /// <summary>Replays the events; throws on the first broken invariant, else returns a one-line summary.</summary>
    public static string Check(IReadOnlyList<Dictionary<string, string>> events)
    {
        var calls = new Dictionary<string, Call>(StringComparer.Ordinal);
        var holding = new Dictionary<string, string>(StringComparer.Ordinal); // agent -> call
        var seq = 0;
        var offers = 0;

        Call Of(Dictionary<string, string> e, string what)
        {
            var id = e["call"];
            Assert.True(calls.TryGetValue(id, out var call), $"{what} for {id}, which was never enqueued");
            Assert.True(call!.Ended is null, $"{what} for {id} after it ended ({call.Ended})");
            return call;
        }

        void Release(Call call)
        {
            if (call.Holder is { } agent)
            {
                Assert.Equal(call.Id, holding[agent]);
                holding.Remove(agent);
                call.Holder = null;
            }
        }

        foreach (var e in events)
        {
            switch (e.GetValueOrDefault("type"))
            {
                case "enqueued":
                    {
                        var id = e["call"];
                        Assert.False(calls.TryGetValue(id, out var old) && old.Ended is null, $"{id} enqueued twice");
                        calls[id] = new Call(id)
                        {
                            Queue = e["queue"],
                            Priority = int.Parse(e["prio"], CultureInfo.InvariantCulture),
                            Place = long.Parse(e["place"], CultureInfo.InvariantCulture),
                            Seq = seq++,
                            Routing = e.GetValueOrDefault("skills", "") + "|" + e.GetValueOrDefault("lang", ""),
                            Waiting = true,
                        };
                        break;
                    }

                case "offered":
                    {
                        var call = Of(e, "offered");
                        var agent = e["agent"];
                        Assert.True(call.Holder is null, $"{call.Id} offered to {agent} while {call.Holder} holds it");
                        Assert.False(holding.TryGetValue(agent, out var held), $"{agent} offered {call.Id} while holding {held}");
                        Assert.True(call.Waiting, $"{call.Id} offered to {agent} but not waiting");
                        var older = calls.Values.FirstOrDefault(o => o.Waiting && o.Ended is null && o != call && !o.Escalated && !call.Escalated
                            && o.Queue == e["queue"] && o.Routing == call.Routing && o.Priority == call.Priority
                            && (o.Place, o.Seq).CompareTo((call.Place, call.Seq)) < 0);
                        Assert.True(older is null, $"{call.Id} offered to {agent} ahead of {older?.Id}, older in {e["queue"]} at the same priority");
                        call.Waiting = false;
                        call.Holder = agent;
                        holding[agent] = call.Id;
                        offers++;
                        break;
                    }

                case "accepted" or "answered":
                    {
                        var call = Of(e, e["type"]);
                        Assert.True(call.Holder == e["agent"], $"{e["type"]} of {call.Id} by {e["agent"]}, held by {call.Holder ?? "nobody"}");
                        break;
                    }

                case "rejected" or "offer_timeout" or "accept_unacknowledged":
                    {
                        var call = Of(e, e["type"]);
                        Assert.True(call.Holder == e["agent"], $"{e["type"]} of {call.Id} by {e["agent"]}, held by {call.Holder ?? "nobody"}");
                        Release(call);
                        call.Waiting = true;
                        break;
                    }

                case "transferred" or "transfer_not_answered":
                    {
                        var call = Of(e, e["type"]);
                        Release(call);
                        call.Queue = e["queue"];
                        call.Escalated = true; // its skills may have changed with the new queue
                        call.Waiting = true;
                        break;
                    }

                case "escalated":
                    {
                        var call = Of(e, "escalated");
                        call.Queue = e["queue"];
                        call.Escalated = true;
                        break;
                    }

                case "ended" or "abandoned" or "node_lost":
                    {
                        var call = Of(e, e["type"]);
                        Release(call);
                        call.Waiting = false;
                        call.Ended = e["type"];
                        break;
                    }
            }
        }

        var ended = calls.Values.Count(c => c.Ended is not null);
        return string.Create(CultureInfo.InvariantCulture,
            $"ACD invariants held over {events.Count} events: {calls.Count} calls, {offers} offers, {ended} ended once each ({string.Join(", ", calls.Values.Where(c => c.Ended is not null).GroupBy(c => c.Ended).Select(g => $"{g.Count()} {g.Key}"))}), {calls.Count - ended} still up at the end of the test");
    }

    private sealed class Call(string id)
    {
        public string Id { get; } = id;

        public string Queue { get; set; } = "";

        public int Priority { get; init; }

        public long Place { get; init; }

        public int Seq { get; init; }

        public string Routing { get; init; } = "";

        public bool Waiting { get; set; }

        public bool Escalated { get; set; }

        public string? Holder { get; set; }

        public string? Ended { get; set; }
    }
}
