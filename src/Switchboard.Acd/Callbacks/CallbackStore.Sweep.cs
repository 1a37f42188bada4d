using System.Globalization;
using StackExchange.Redis;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Callbacks;

public sealed partial class CallbackStore
{
    /// <summary>
    /// One housekeeping round (run periodically by one or more nodes; every step is idempotent): closes expired
    /// requests, puts due retries back at their place, deletes the phone numbers of callbacks closed longer than
    /// <see cref="CallbackOptions.Retention"/> ago, and queues again any pending callback whose queue entry is missing
    /// (e.g. the process died between recording and queueing), and fails an attempt stuck in
    /// <see cref="CallbackState.Dialling"/> longer than <see cref="CallbackOptions.DiallingStaleAfter"/> (the dialling node died),
    /// and books a callback at their place for callers dropped with a dead or drained node (<see cref="RescueLostCallersAsync"/>).
    /// </summary>
    public async Task<CallbackSweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        var db = _redis.GetDatabase();
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var batch = Options.SweepBatch;

        var expired = 0;
        var due = await RunAsync(token => db.SortedSetRangeByScoreAsync(_prefix + "cbexp", double.NegativeInfinity, now, take: batch).WaitAsync(token), cancellationToken).ConfigureAwait(false);
        foreach (var id in due)
        {
            var r = await TransitionAsync(id.ToString(), "Pending,RetryWaiting", CallbackState.Closed, CallbackOutcome.Expired, "callback_expired", cancellationToken: cancellationToken).ConfigureAwait(false);
            if (r.Result == AcdCommandResult.Ok)
            {
                await _acd.AbandonAsync(id.ToString(), cancellationToken).ConfigureAwait(false);
                expired++;
            }
        }

        var retried = 0;
        var retries = await RunAsync(token => db.SortedSetRangeByScoreAsync(_prefix + "cbretry", double.NegativeInfinity, now, take: batch).WaitAsync(token), cancellationToken).ConfigureAwait(false);
        foreach (var id in retries)
        {
            var r = await TransitionAsync(id.ToString(), "RetryWaiting", CallbackState.Pending, CallbackOutcome.None, "callback_requeued", cancellationToken: cancellationToken).ConfigureAwait(false);
            if (r.Result == AcdCommandResult.Ok && await RequeueAsync(id.ToString(), cancellationToken).ConfigureAwait(false))
            {
                retried++;
            }
        }

        var purged = (int)await EvalAsync(CallbackScripts.Purge, [batch.ToString(CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false);
        var requeued = await RepairAsync(cancellationToken).ConfigureAwait(false);
        var rescued = await RescueLostCallersAsync(cancellationToken).ConfigureAwait(false);
        if (expired + retried + purged + requeued + rescued > 0)
        {
            CallbackLog.Swept(_logger, expired, retried, purged, requeued, rescued);
        }

        return new CallbackSweepResult(expired, retried, purged, requeued, rescued);
    }

    /// <summary>
    /// The call flow calls this when a waiting caller hangs up: the place is remembered for
    /// <see cref="CallbackOptions.AbandonedResumeWindow"/> (like FreeSWITCH <c>abandoned-resume-allowed</c>).
    /// </summary>
    public Task RememberAbandonedAsync(string queue, string callerNumber, DateTimeOffset place, CancellationToken cancellationToken = default)
    {
        var key = ResumeKey(queue, callerNumber);
        if (key is null)
        {
            return Task.CompletedTask;
        }

        var deadline = _timeProvider.GetUtcNow() + Options.AbandonedResumeWindow;
        var value = Millis(place) + "|" + Millis(deadline);

        // The deadline is checked against the TimeProvider; the Redis TTL only cleans up (with a margin).
        return RunAsync(token => _redis.GetDatabase().StringSetAsync(key, value, Options.AbandonedResumeWindow + TimeSpan.FromMinutes(5)).WaitAsync(token), cancellationToken);
    }

    /// <summary>
    /// The call flow calls this before queueing a caller: the old place if the same number hung up while waiting in
    /// this queue within the window (pass it as <see cref="EnqueueRequest.OriginalEnqueuedAt"/>), else null. One use.
    /// </summary>
    public async Task<DateTimeOffset?> TakeResumablePlaceAsync(string queue, string? callerNumber, CancellationToken cancellationToken = default)
    {
        var key = ResumeKey(queue, callerNumber);
        if (key is null)
        {
            return null;
        }

        var value = (string?)await RunAsync(token => _redis.GetDatabase().StringGetDeleteAsync(key).WaitAsync(token), cancellationToken).ConfigureAwait(false);
        var parts = value?.Split('|');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var place)
            || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var deadline)
            || _timeProvider.GetUtcNow().ToUnixTimeMilliseconds() > deadline)
        {
            return null;
        }

        await EmitAsync(["type", "place_resumed", "queue", queue, "place", parts[0]], cancellationToken).ConfigureAwait(false);
        return DateTimeOffset.FromUnixTimeMilliseconds(place);
    }

    private string? ResumeKey(string queue, string? callerNumber)
    {
        AcdNames.Check(queue, "queue");
        if (string.IsNullOrWhiteSpace(callerNumber) || callerNumber.Any(char.IsControl))
        {
            return null; // anonymous callers cannot be recognised
        }

        var validation = Validate(callerNumber);
        return _prefix + "cbresume:" + queue + "|" + (validation.E164 ?? callerNumber.Trim());
    }

    private async Task<bool> RequeueAsync(string id, CancellationToken cancellationToken)
    {
        var entry = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (entry is not { State: CallbackState.Pending, Number: { } number })
        {
            return false;
        }

        var result = await _acd.EnqueueAsync(
            new EnqueueRequest(id, entry.Queue, [], null, 0, entry.CallerNumber ?? number, QueueEntryKind.Callback, number, entry.Place),
            cancellationToken).ConfigureAwait(false);
        return result.Outcome is EnqueueOutcome.Queued or EnqueueOutcome.Overflowed;
    }

    private async Task<int> RepairAsync(CancellationToken cancellationToken)
    {
        var db = _redis.GetDatabase();
        var requeued = 0;
        var queues = await RunAsync(token => db.SetMembersAsync(_prefix + "cbqueues").WaitAsync(token), cancellationToken).ConfigureAwait(false);
        foreach (var queue in queues)
        {
            var ids = await RunAsync(token => db.SortedSetRangeByRankAsync(_prefix + "cbq:" + queue, 0, Options.SweepBatch - 1).WaitAsync(token), cancellationToken).ConfigureAwait(false);
            foreach (var id in ids)
            {
                var fields = await RunAsync(token => db.HashGetAsync(_prefix + "cb:" + id, ["state", "updated", "hand"]).WaitAsync(token), cancellationToken).ConfigureAwait(false);
                if (fields[0] == nameof(CallbackState.Dialling) && fields[2] == "1")
                {
                    continue; // claimed by hand: the agent ends it
                }

                if (fields[0] == nameof(CallbackState.Dialling))
                {
                    // The node dialling it died (or lost Redis) mid-attempt: count the attempt as failed, free the agent
                    // and let the retry schedule bring it back to its place.
                    var updated = (long?)fields[1] ?? 0;
                    if (_timeProvider.GetUtcNow().ToUnixTimeMilliseconds() - updated > (long)Options.DiallingStaleAfter.TotalMilliseconds
                        && (await RecordAttemptAsync(id.ToString(), CallbackOutcome.Failed, cancellationToken).ConfigureAwait(false)).Result == AcdCommandResult.Ok)
                    {
                        CallbackLog.StaleDialling(_logger, id.ToString());
                    }

                    continue;
                }

                var exists = await RunAsync(token => db.KeyExistsAsync(_prefix + "call:" + id).WaitAsync(token), cancellationToken).ConfigureAwait(false);
                if (!exists && await RequeueAsync(id.ToString(), cancellationToken).ConfigureAwait(false))
                {
                    requeued++;
                }
            }
        }

        return requeued;
    }
}
