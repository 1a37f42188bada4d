using System.Globalization;
using StackExchange.Redis;
using Switchboard.Acd.Queues;

namespace Switchboard.Acd.Store;

public sealed partial class AcdStore
{
    /// <summary>
    /// Queues a caller (owned by this node) or a callback, and offers it at once if an eligible agent is ready.
    /// Idempotent per call id (a retry after a timeout answers <see cref="EnqueueOutcome.AlreadyQueued"/> with the
    /// place). When nobody is logged in to the queue its <see cref="NoAgentBehaviour"/> applies. A place is returned
    /// only once a replica holds it (<see cref="ReplicateAsync"/>), so a failover right after loses nothing promised.
    /// </summary>
    public async Task<EnqueueResult> EnqueueAsync(EnqueueRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind == QueueEntryKind.Callback && string.IsNullOrWhiteSpace(request.CallbackNumber))
        {
            throw new ArgumentException("A callback needs a callback number.", nameof(request));
        }

        string[] args =
        [
            AcdNames.Check(request.CallId, "call id"),
            AcdNames.Check(request.Queue, "queue"),
            AcdEncoding.Requirements(request.Skills ?? []),
            AcdNames.CheckOptional(request.Language, "language") ?? string.Empty,
            Math.Clamp(request.Priority, 0, 9).ToString(CultureInfo.InvariantCulture),
            AcdNames.Text(request.CallerNumber, "caller number"),
            request.Kind.ToString(),
            AcdNames.Text(request.CallbackNumber, "callback number"),
            Options.NodeId,
            request.OriginalEnqueuedAt is { } place ? place.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : string.Empty,
            (await GetCallerHasherAsync(cancellationToken).ConfigureAwait(false)).Hash(request.CallerNumber), // the stream gets caller_hash, never the number
        ];
        var r = (RedisResult[])(await EvalAsync(AcdScripts.Enqueue, args, cancellationToken).ConfigureAwait(false))!;
        var outcome = Enum.Parse<EnqueueOutcome>((string)r[0]!);
        var queue = (string)r[1]!;
        QueuePosition? position = outcome is EnqueueOutcome.Queued or EnqueueOutcome.Overflowed or EnqueueOutcome.AlreadyQueued
            ? ToPosition(queue, (int)r[2], (long)r[4], (int)r[5])
            : null;
        var offeredTo = (string?)r[3];
        if (position is not null)
        {
            await ReplicateAsync(cancellationToken).ConfigureAwait(false);
        }

        return new EnqueueResult(outcome, queue, position, string.IsNullOrEmpty(offeredTo) ? null : offeredTo);
    }

    /// <summary>The agent's phone answered: caller and agent are connected (an accepted call only, once).</summary>
    public Task<AcdCommandResult> CallAnsweredAsync(string callId, CancellationToken cancellationToken = default) =>
        CommandAsync(AcdScripts.Answered, [AcdNames.Check(callId, "call id")], cancellationToken);

    /// <summary>An answered call ended: the entry is removed, the handle time recorded, the agent goes to wrap-up.</summary>
    public Task<AcdCommandResult> CallEndedAsync(string callId, CancellationToken cancellationToken = default) =>
        CommandAsync(AcdScripts.Ended, [AcdNames.Check(callId, "call id")], cancellationToken);

    /// <summary>
    /// The caller hung up (or left the queue, or took a callback instead) before being answered: their place is
    /// removed and an agent reserved for them is freed. <see cref="AcdCommandResult.NotFound"/> if already gone.
    /// </summary>
    public Task<AcdCommandResult> AbandonAsync(string callId, CancellationToken cancellationToken = default) =>
        CommandAsync(AcdScripts.Abandon, [AcdNames.Check(callId, "call id")], cancellationToken);

    /// <summary>Reads a queue entry; null when it has ended or never existed.</summary>
    public async Task<QueueEntry?> GetEntryAsync(string callId, CancellationToken cancellationToken = default)
    {
        var key = _prefix + "call:" + AcdNames.Check(callId, "call id");
        var h = await RunAsync(token => _redis.GetDatabase().HashGetAllAsync(key).WaitAsync(token), cancellationToken).ConfigureAwait(false);
        if (h.Length == 0)
        {
            return null;
        }

        var d = h.ToStringDictionary();
        string? Optional(string name) => string.IsNullOrEmpty(d.GetValueOrDefault(name)) ? null : d[name];
        return new QueueEntry(
            callId,
            d.GetValueOrDefault("queue") ?? string.Empty,
            AcdEncoding.ParseRequirements(d.GetValueOrDefault("skills")),
            Optional("lang"),
            AcdEncoding.Int(d.GetValueOrDefault("prio")),
            AcdEncoding.Time(d.GetValueOrDefault("at")),
            d.GetValueOrDefault("node") ?? string.Empty,
            Enum.TryParse<QueueEntryKind>(d.GetValueOrDefault("kind"), out var kind) ? kind : QueueEntryKind.Call,
            Optional("caller"),
            Optional("cbnum"),
            Enum.TryParse<QueueEntryState>(d.GetValueOrDefault("state"), out var state) ? state : QueueEntryState.Waiting,
            Optional("agent"),
            AcdEncoding.Int(d.GetValueOrDefault("esci")));
    }

    /// <summary>Position and estimated wait of a queued caller, for announcements; null when not queued.</summary>
    public async Task<QueuePosition?> GetPositionAsync(string callId, CancellationToken cancellationToken = default)
    {
        var result = await EvalAsync(AcdScripts.Position, [AcdNames.Check(callId, "call id")], cancellationToken).ConfigureAwait(false);
        if (result.IsNull)
        {
            return null;
        }

        var r = (RedisResult[])result!;
        return ToPosition((string)r[0]!, (int)r[1], (long)r[2], (int)r[3]);
    }

    /// <summary>
    /// Estimated wait = position × average handle time ÷ agents staffed, never below the floor; zero while being
    /// connected; null when nobody is staffed (see docs/acd.md).
    /// </summary>
    internal QueuePosition ToPosition(string queue, int position, long averageHandleMillis, int staffed)
    {
        var aht = averageHandleMillis > 0 ? TimeSpan.FromMilliseconds(averageHandleMillis) : Options.DefaultHandleTime;
        TimeSpan? wait = position == 0
            ? TimeSpan.Zero
            : staffed == 0
                ? null
                : TimeSpan.FromTicks(Math.Max(Options.EstimatedWaitFloor.Ticks, aht.Ticks * position / staffed));
        return new QueuePosition(queue, position, wait, staffed);
    }
}
