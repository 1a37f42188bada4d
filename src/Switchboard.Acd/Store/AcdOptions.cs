using System.ComponentModel.DataAnnotations;

namespace Switchboard.Acd.Store;

/// <summary>Settings of the ACD store for one node (section <c>Acd</c>, checked by <see cref="AcdOptionsValidator"/>).</summary>
public sealed record AcdOptions : IValidatableObject
{
    /// <summary>Tenant: every key is <c>sb:{Tenant}:...</c>, one Redis Cluster hash slot per tenant.</summary>
    public string Tenant { get; init; } = "default";

    /// <summary>This node's id (owns the live calls it enqueues).</summary>
    public string NodeId { get; init; } = Environment.MachineName;

    /// <summary>A node whose heartbeat is older than this is dead and swept.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan HeartbeatTtl { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest sleep of the scheduler (its safety tick): it heartbeats and sweeps dead nodes at least this often (and at
    /// least three times per <see cref="HeartbeatTtl"/>), and otherwise sleeps until the earliest ACD timer or a notice
    /// that an earlier one was armed. A lost notice delays a timer by at most this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan SchedulerInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Approximate bound on the event stream (XADD MAXLEN ~).</summary>
    [Range(1_000, 100_000_000)]
    public int EventStreamMaxLength { get; init; } = 100_000;

    /// <summary>
    /// Replicas that must hold a promise (a queue place, a confirmed callback) before the caller is told (Redis
    /// <c>WAIT</c>); only asked for while the primary has that many replicas connected. 0: never wait.
    /// </summary>
    [Range(0, 10)]
    public int PromiseReplicas { get; init; } = 1;

    /// <summary>Longest wait for <see cref="PromiseReplicas"/>; the promise is then kept unreplicated (logged).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PromiseReplicationTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Per-attempt timeout of one Redis call.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RedisTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries after a transient Redis failure (exponential backoff with jitter).</summary>
    [Range(0, 10)]
    public int RedisRetries { get; init; } = 2;

    /// <summary>
    /// Clock for the Polly timeouts, retry delays and circuit breaker; null: the store's <see cref="TimeProvider"/>.
    /// Tests that drive routing with a FakeTimeProvider while calls are in flight set <see cref="TimeProvider.System"/>
    /// here, so advancing fake time does not time out a Redis call that is still running.
    /// </summary>
    public TimeProvider? ResilienceTimeProvider { get; init; }

    /// <summary>
    /// How long the node that holds a call has to act on a notice sent to it over Redis pub/sub (at most once): an
    /// agent's accept (it acknowledges the <c>accepted</c> notice, one Redis round trip) or an agent's hang-up request
    /// (the call ends). Unanswered, the scheduler sends the notice again, <see cref="NoticeResends"/> times; then an
    /// accepted caller goes back to their place (the agent is ready again) and a hang-up request is dropped.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan NoticeAckTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Times an unanswered notice (<see cref="NoticeAckTimeout"/>) is sent again.</summary>
    [Range(0, 10)]
    public int NoticeResends { get; init; } = 2;

    /// <summary>Average handle time assumed until a queue has samples.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DefaultHandleTime { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Secret for <c>caller_hash</c> in the event stream (<c>Callbacks:HashKey</c>); null: a random key kept in Redis.</summary>
    public string? CallerHashKey { get; init; }

    /// <summary>Lowest estimated wait announced to a caller who is not being connected.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan EstimatedWaitFloor { get; init; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Both end up inside Redis keys ("sb:{tenant}:...") and stream fields: the ACD's own naming rules. Empty is left
        // to the host, which puts its default in (Switchboard: tenant "default", node "<machine>-<SIP port>").
        foreach (var (name, value) in new[] { (nameof(Tenant), Tenant), (nameof(NodeId), NodeId) })
        {
            if (!string.IsNullOrEmpty(value) && !AcdNames.IsName(value))
            {
                yield return new ValidationResult("must not be empty nor hold , ; / : | { } or a control character", [name]);
            }
        }
    }
}
