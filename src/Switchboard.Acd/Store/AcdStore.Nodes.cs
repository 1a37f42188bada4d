using StackExchange.Redis;

namespace Switchboard.Acd.Store;

public sealed partial class AcdStore
{
    private const int TimersPerRun = 500;

    /// <summary>
    /// Fires every due timer (offer timeouts, wrap-up ends, escalations, language fallbacks) at this node's time.
    /// Each timer is removed and handled inside one script, so several nodes may run this at once. Returns timers fired.
    /// </summary>
    public async Task<int> RunDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var fired = (int)await EvalAsync(AcdScripts.Tick, [TimersPerRun.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false);
            total += fired;
            if (fired < TimersPerRun)
            {
                return total;
            }
        }
    }

    /// <summary>
    /// One scheduler round in one Redis round trip (one script): heartbeat, up to <see cref="TimersPerRun"/> due timers
    /// fired, dead nodes swept; returns what it did and when the earliest timer left is due (in the past when more were
    /// due than one round fires).
    /// </summary>
    public async Task<SchedulerRound> RunSchedulerRoundAsync(CancellationToken cancellationToken = default)
    {
        var ttl = ((long)Options.HeartbeatTtl.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = (RedisResult[])(await EvalAsync(AcdScripts.Round, [Options.NodeId, ttl, TimersPerRun.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false))!;
        var swept = (int)result[1];
        if (swept > 0)
        {
            AcdLog.Swept(_logger, swept);
        }

        var next = (long)result[2];
        return new SchedulerRound((int)result[0], swept, next < 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(next));
    }

    /// <summary>
    /// Calls <paramref name="onArmed"/> with the due time whenever a node arms a timer that becomes the earliest (the
    /// scripts publish it on the tenant's <c>timers</c> channel), until the returned handle is disposed. Notices are
    /// a hint for sleeping schedulers, never the only way a timer fires.
    /// </summary>
    public async Task<IAsyncDisposable> WatchTimersAsync(Action<DateTimeOffset> onArmed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onArmed);
        var name = _prefix + "timers";
        var queue = await RunAsync(token => _redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(name)).WaitAsync(token), cancellationToken).ConfigureAwait(false);
        queue.OnMessage(message =>
        {
            if (long.TryParse((string?)message.Message, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var due))
            {
                onArmed(DateTimeOffset.FromUnixTimeMilliseconds(due));
            }
            else
            {
                AcdLog.BadMessage(_logger, name, new FormatException("timer notice is not a time in unix milliseconds"));
            }
        });
        return new TimerWatch(queue);
    }

    /// <summary>Refreshes this node's heartbeat key (expires after <see cref="AcdOptions.HeartbeatTtl"/>).</summary>
    public Task HeartbeatAsync(CancellationToken cancellationToken = default)
    {
        var key = _prefix + "node:" + Options.NodeId;
        return RunAsync(async token =>
        {
            var db = _redis.GetDatabase();
            await Task.WhenAll(
                db.StringSetAsync(key, NowMillis(), Options.HeartbeatTtl),
                db.SetAddAsync(_prefix + "nodes", Options.NodeId)).WaitAsync(token).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Removes the live calls of nodes whose heartbeat expired and frees the agents reserved for them; callbacks
    /// stay queued. One script, so two nodes sweeping at once remove each call once. Returns calls removed.
    /// </summary>
    public async Task<int> SweepDeadNodesAsync(CancellationToken cancellationToken = default)
    {
        var removed = (int)await EvalAsync(AcdScripts.Sweep, [], cancellationToken).ConfigureAwait(false);
        if (removed > 0)
        {
            AcdLog.Swept(_logger, removed);
        }

        return removed;
    }

    /// <summary>
    /// Hands this node's live calls over as if it had died (the end of a drain whose deadline passed): callers not yet
    /// connected are dropped by the system (<c>node_lost</c>) and, where their queue allows, put on the list the callback
    /// sweep books callbacks from; agents reserved for them are freed, agents talking go to wrap-up. Returns calls removed.
    /// </summary>
    public async Task<int> ReleaseNodeAsync(CancellationToken cancellationToken = default)
    {
        var removed = (int)await EvalAsync(AcdScripts.Sweep, [Options.NodeId], cancellationToken).ConfigureAwait(false);
        AcdLog.Released(_logger, removed);
        return removed;
    }

    /// <summary>Simulates this node's death for tests and drills: deletes its heartbeat key at once.</summary>
    internal Task ExpireHeartbeatAsync() =>
        RunAsync(token => _redis.GetDatabase().KeyDeleteAsync((RedisKey)(_prefix + "node:" + Options.NodeId)).WaitAsync(token), CancellationToken.None);

    private sealed class TimerWatch(ChannelMessageQueue queue) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await queue.UnsubscribeAsync(CommandFlags.FireAndForget).ConfigureAwait(false);
    }
}
