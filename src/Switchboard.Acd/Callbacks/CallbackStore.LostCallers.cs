using System.Text.Json;
using StackExchange.Redis;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Callbacks;

public sealed partial class CallbackStore
{
    /// <summary>
    /// Books a callback at the original place for each caller the ACD dropped with a dead or drained node while they were
    /// still waiting (<c>lostcallers</c>, filled by the sweep for queues with <see cref="QueueOptions.CallbackWhenNodeLost"/>):
    /// the number they called from, their skills, language and priority, through the same guards as any request (number
    /// policy, one per number and queue, daily limit). At least once: an item leaves the list only after its request,
    /// and the request is idempotent (operation id <c>lost-&lt;call id&gt;</c>), so two nodes sweeping at once, or a
    /// retry after a failover, book one callback. Returns callbacks booked or updated.
    /// </summary>
    public async Task<int> RescueLostCallersAsync(CancellationToken cancellationToken = default)
    {
        var db = _redis.GetDatabase();
        var key = (RedisKey)(_prefix + "lostcallers");
        var items = await RunAsync(token => db.ListRangeAsync(key, 0, Options.SweepBatch - 1).WaitAsync(token), cancellationToken).ConfigureAwait(false);
        var rescued = 0;
        foreach (var item in items)
        {
            if (ParseLostCaller(item) is { } lost)
            {
                var request = new CallbackRequest(lost.Queue, lost.CallerNumber!, lost.CallerNumber, Language: lost.Language, Priority: lost.Priority,
                    OperationId: "lost-" + lost.CallId);
                var validation = Validate(lost.CallerNumber);
                var result = validation.IsValid
                    ? await RequestAsync(request, validation, lost, cancellationToken).ConfigureAwait(false)
                    : await RequestAsync(request, cancellationToken).ConfigureAwait(false); // records the refusal
                CallbackLog.LostCallerRescued(_logger, lost.CallId, lost.Queue, result.Outcome);
                rescued += result.Accepted ? 1 : 0;
            }

            await RunAsync(token => db.ListRemoveAsync(key, item, 1).WaitAsync(token), cancellationToken).ConfigureAwait(false);
        }

        return rescued;
    }

    /// <summary>One <c>lostcallers</c> item (JSON written by Sweep.lua) as the entry it was; null when unreadable.</summary>
    private static QueueEntry? ParseLostCaller(RedisValue item)
    {
        try
        {
            using var json = JsonDocument.Parse((string)item!);
            var root = json.RootElement;
            var callId = root.GetProperty("call").GetString();
            var queue = root.GetProperty("queue").GetString();
            var caller = root.GetProperty("caller").GetString();
            if (string.IsNullOrEmpty(callId) || string.IsNullOrEmpty(queue) || string.IsNullOrEmpty(caller))
            {
                return null;
            }

            var language = root.TryGetProperty("lang", out var l) ? l.GetString() : null;
            return new QueueEntry(
                callId,
                queue,
                AcdEncoding.ParseRequirements(root.TryGetProperty("skills", out var s) ? s.GetString() : null),
                string.IsNullOrEmpty(language) ? null : language,
                root.TryGetProperty("prio", out var p) ? p.GetInt32() : 0,
                DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("at").GetInt64()),
                string.Empty,
                QueueEntryKind.Call,
                caller,
                null,
                QueueEntryState.Waiting,
                null,
                0);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
