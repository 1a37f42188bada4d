using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Queues;

namespace Switchboard.Acd.Store;

public sealed partial class AcdStore
{
    /// <summary>Counts of one queue (waiting, first in line, agents logged in / staffed / ready).</summary>
    public async Task<QueueStatus> GetQueueStatusAsync(string queue, CancellationToken cancellationToken = default)
    {
        AcdNames.Check(queue, "queue");
        var (waiting, first, loggedIn, staffed, ready) = await RunAsync(
            async token =>
            {
                var db = _redis.GetDatabase();
                var waitingTask = db.SortedSetLengthAsync(_prefix + "q:" + queue);
                var firstTask = db.SortedSetRangeByRankWithScoresAsync(_prefix + "q:" + queue, 0, 0);
                var loggedInTask = db.SetLengthAsync(_prefix + "loggedin:" + queue);
                var staffedTask = db.SetLengthAsync(_prefix + "active:" + queue);
                var readyTask = db.SortedSetLengthAsync(_prefix + "ready:" + queue);
                await Task.WhenAll(waitingTask, firstTask, loggedInTask, staffedTask, readyTask).WaitAsync(token).ConfigureAwait(false);
                return (waitingTask.Result, firstTask.Result, loggedInTask.Result, staffedTask.Result, readyTask.Result);
            },
            cancellationToken).ConfigureAwait(false);
        DateTimeOffset? oldest = null;
        if (first.Length == 1)
        {
            var callId = first[0].Element.ToString()[13..];
            var place = await RunAsync(token => _redis.GetDatabase().HashGetAsync(_prefix + "call:" + callId, "at").WaitAsync(token), cancellationToken).ConfigureAwait(false);
            oldest = place.IsNull ? null : AcdEncoding.Time(place.ToString());
        }

        return new QueueStatus(queue, (int)waiting, oldest, (int)loggedIn, (int)staffed, (int)ready);
    }

    /// <summary>All registered agents with their state, ordered by id (the agents' hashes read pipelined: two round trips).</summary>
    public async Task<IReadOnlyList<AgentStatus>> ListAgentsAsync(CancellationToken cancellationToken = default)
    {
        var (ids, hashes) = await RunAsync(
            async token =>
            {
                var db = _redis.GetDatabase();
                var members = await db.SetMembersAsync(_prefix + "agents").WaitAsync(token).ConfigureAwait(false);
                var ordered = members.Select(i => i.ToString()).Order(StringComparer.Ordinal).ToArray();
                var reads = Array.ConvertAll(ordered, id => db.HashGetAllAsync(_prefix + "agent:" + id));
                return (ordered, await Task.WhenAll(reads).WaitAsync(token).ConfigureAwait(false));
            },
            cancellationToken).ConfigureAwait(false);
        var result = new List<AgentStatus>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            if (ParseAgent(ids[i], hashes[i]) is { } status)
            {
                result.Add(status);
            }
        }

        return result;
    }
}
