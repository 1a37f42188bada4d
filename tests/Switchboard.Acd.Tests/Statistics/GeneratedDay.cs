using System.Globalization;
using Switchboard.Acd.Events;

namespace Switchboard.Acd.Tests.Statistics;

/// <summary>
/// A generated day of ACD events (fixed seed) with the ground truth of every call, for exactness tests: calls
/// answered, abandoned or lost; callback requests (callback_* events plus their ACD entry of kind Callback) answered,
/// completed by hand, unreachable or cancelled; transfers to a queue or to an external number (answered or not).
/// Callers are identified by <c>caller_hash</c> (or, with <c>callerHash: false</c>, by the raw <c>caller</c>).
/// </summary>
internal sealed class GeneratedDay
{
    public static readonly string[] Queues = ["vaxel", "socialtjanst", "skola"];

    public GeneratedDay(int seed, DateOnly day, int calls, TimeZoneInfo zone, bool callerHash = true)
    {
        var random = new Random(seed);
        var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUnixTimeMilliseconds();
        var nextDay = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var dayEnd = new DateTimeOffset(nextDay, zone.GetUtcOffset(nextDay)).ToUnixTimeMilliseconds();
        var events = new List<(long At, int Seq, AcdEvent Event)>();
        var seq = 0;
        void Emit(long at, AcdEventType type, string? call, string? queue, string? agent, params (string, object)[] fields) =>
            events.Add((at, seq++, new AcdEvent("", type, DateTimeOffset.FromUnixTimeMilliseconds(at), call, queue, agent,
                fields.ToDictionary(f => f.Item1, f => Convert.ToString(f.Item2, CultureInfo.InvariantCulture)!))));

        var agentFree = new long[40];
        for (var a = 0; a < agentFree.Length; a++)
        {
            agentFree[a] = dayStart;
            Emit(dayStart, AcdEventType.AgentStateChanged, null, null, "agent" + a, ("from", "LoggedOut"), ("state", "Ready"));
            AgentChanges.Add(("agent" + a, dayStart, 1));
        }

        var arrivals = Enumerable.Range(0, calls).Select(_ => dayStart + random.NextInt64(dayEnd - dayStart)).Order().ToList();
        for (var i = 0; i < arrivals.Count; i++)
        {
            var arrival = arrivals[i];
            var call = new GeneratedCall("c" + i, Queues[random.Next(Queues.Length)], arrival,
                "+4670" + random.Next(0, 1500).ToString("D7", CultureInfo.InvariantCulture), random.Next(20) == 0);
            Calls.Add(call);
            var who = callerHash ? ("caller_hash", (object)("H" + call.Caller)) : ("caller", (object)call.Caller);
            if (call.Callback)
            {
                Emit(arrival, AcdEventType.CallbackRequested, call.Id, call.Queue, null, ("place", arrival));
                Emit(arrival, AcdEventType.Enqueued, call.Id, call.Queue, null, ("kind", "Callback"), ("outcome", "Queued"));
            }
            else
            {
                Emit(arrival, AcdEventType.Enqueued, call.Id, call.Queue, null, ("kind", "Call"), who, ("outcome", "Queued"));
            }

            var roll = random.Next(100);
            var wait = call.Callback ? random.NextInt64(60_000, 8 * 3_600_000) : random.NextInt64(0, 300_000);
            var answerAt = arrival + wait;
            var agent = Array.FindIndex(agentFree, free => free < answerAt);
            if (roll < 2 && !call.Callback)
            {
                call.Outcome = "lost";
                call.Wait = wait;
                Emit(arrival + wait, AcdEventType.NodeLost, call.Id, call.Queue, null, ("wait", wait), ("after", "Waiting"));
            }
            else if (roll < 25 || agent < 0)
            {
                call.Outcome = "abandoned";
                call.Wait = wait;
                if (call.Callback)
                {
                    call.CallbackClose = roll % 4 == 0 ? "cancelled" : "unreachable";
                    call.ClosedAt = arrival + wait;
                    Emit(arrival + wait, call.CallbackClose == "cancelled" ? AcdEventType.CallbackCancelled : AcdEventType.CallbackUnreachable,
                        call.Id, call.Queue, null, ("outcome", call.CallbackClose == "cancelled" ? "Cancelled" : "Unreachable"));
                }

                Emit(arrival + wait, AcdEventType.Abandoned, call.Id, call.Queue, null, ("wait", wait), ("after", "Waiting"));
            }
            else
            {
                call.Outcome = "answered";
                call.Wait = wait;
                call.AnsweredAt = answerAt;
                call.Talk = random.NextInt64(20_000, 900_000);
                call.Wrap = random.NextInt64(0, 120_000);
                call.WrapOutcome = random.Next(10) switch { < 7 => "resolved", < 9 => "escalated", _ => "" };
                var name = "agent" + agent;
                var end = answerAt + call.Talk;
                var ready = end + call.Wrap;
                agentFree[agent] = ready;
                Emit(answerAt, AcdEventType.Offered, call.Id, call.Queue, name, ("wait", wait));
                Emit(answerAt, AcdEventType.AgentStateChanged, null, null, name, ("from", "Ready"), ("state", "OnCall"), ("call", call.Id));
                Emit(answerAt, AcdEventType.Answered, call.Id, call.Queue, name, ("wait", wait));
                if (call.Callback)
                {
                    // Answered by the citizen (closes at once), or completed by the agent by hand when the call ends.
                    call.CallbackClose = random.Next(3) == 0 ? "completed" : "answered";
                    call.ClosedAt = call.CallbackClose == "answered" ? answerAt : end;
                    Emit(call.ClosedAt, call.CallbackClose == "answered" ? AcdEventType.CallbackAnswered : AcdEventType.CallbackCompleted,
                        call.Id, call.Queue, name, ("outcome", call.CallbackClose == "answered" ? "Answered" : "Completed"));
                }
                else
                {
                    call.Transfer = random.Next(20) switch { 0 => "queue", 1 => "answered", 2 => "not_answered", _ => "" };
                    var at = answerAt + call.Talk / 2;
                    switch (call.Transfer)
                    {
                        case "queue":
                            // Handled in full below: the leg ends with 'transferred' (no 'ended').
                            break;
                        case "answered":
                            Emit(at - 1_000, AcdEventType.TransferStarted, call.Id, call.Queue, name, ("target", "+46101234567"));
                            Emit(at, AcdEventType.TransferAnswered, call.Id, call.Queue, name);
                            break;
                        case "not_answered":
                            Emit(at - 1_000, AcdEventType.TransferStarted, call.Id, call.Queue, name, ("target", "+46101234567"));
                            Emit(at, AcdEventType.TransferNotAnswered, call.Id, call.Queue, name, ("returned_to", "agent"));
                            break;
                        default:
                            break;
                    }
                }

                if (call.Transfer == "queue")
                {
                    // Back in another queue at the original place; the caller gives up there (not a second abandon).
                    Emit(end, AcdEventType.TransferredToQueue, call.Id, Queues[0], name, ("from_queue", call.Queue), ("handle", call.Talk), ("place", arrival));
                    Emit(end + 30_000, AcdEventType.Abandoned, call.Id, Queues[0], null, ("wait", end + 30_000 - arrival), ("after", "Waiting"));
                }
                else
                {
                    Emit(end, AcdEventType.Ended, call.Id, call.Queue, name, ("handle", call.Talk));
                }

                Emit(end, AcdEventType.AgentStateChanged, null, null, name, ("from", "OnCall"), ("state", "WrapUp"), ("call", call.Id));
                Emit(ready, AcdEventType.WrapUpEnded, null, null, name, ("outcome", call.WrapOutcome), ("by", call.WrapOutcome.Length == 0 ? "timer" : "agent"));
                Emit(ready, AcdEventType.AgentStateChanged, null, null, name, ("from", "WrapUp"), ("state", "Ready"));
                AgentChanges.Add((name, answerAt, 3));
                AgentChanges.Add((name, end, 4));
                AgentChanges.Add((name, ready, 1));
            }
        }

        Events = [.. events.OrderBy(e => e.At).ThenBy(e => e.Seq).Select((e, n) => e.Event with { Id = "1-" + n })];
    }

    public List<GeneratedCall> Calls { get; } = [];

    /// <summary>Every agent state change: agent, time, new state (as <c>AgentState</c> int).</summary>
    public List<(string Agent, long At, int State)> AgentChanges { get; } = [];

    public IReadOnlyList<AcdEvent> Events { get; }
}
