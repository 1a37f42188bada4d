using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Queues;

namespace Switchboard.Acd.Store;

/// <summary>
/// The ACD: queues, agents and routing, with Redis as the source of truth. Every state change runs as one
/// Lua script (atomic on the server), so any number of nodes can share the queues. All methods throw
/// <see cref="Resilience.AcdUnavailableException"/> when Redis cannot be reached.
/// </summary>
public sealed partial class AcdStore : IAsyncDisposable
{
    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public AcdStore(IConnectionMultiplexer redis, AcdOptions options, TimeProvider timeProvider, ILogger<AcdStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _redis = redis;
        Options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public AcdOptions Options { get; }

    /// <summary>Stores (or replaces) a queue's routing settings.</summary>
    public Task ConfigureQueueAsync(QueueOptions queue, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Adds or updates an agent's profile (skills, languages, phone, queues). New agents start logged out.</summary>
    public Task RegisterAgentAsync(Agent agent, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Reads an agent's profile and state; null when unknown.</summary>
    public Task<AgentStatus?> GetAgentAsync(string agentId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Makes the agent ready (logs in if logged out; ends a pause or wrap-up) and routes a waiting caller to them.</summary>
    public Task<AcdCommandResult> ReadyAsync(string agentId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Pauses a logged-in agent who is not holding an offer or a call.</summary>
    public Task<AcdCommandResult> PauseAsync(string agentId, PauseReason reason, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Logs the agent out (not while holding an offer or a call).</summary>
    public Task<AcdCommandResult> LogoutAsync(string agentId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>The agent accepts the offer of <paramref name="callId"/>; the owning node gets <see cref="CallEventType.Accepted"/>.</summary>
    public Task<AcdCommandResult> AcceptAsync(string agentId, string callId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>
    /// The agent rejects the offer (also use when the agent's phone did not answer after accepting): the caller
    /// is re-offered with their place kept; counts as a missed offer.
    /// </summary>
    public Task<AcdCommandResult> RejectAsync(string agentId, string callId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Ends the agent's wrap-up early, recording an outcome (e.g. resolved, forwarded); the agent becomes ready.</summary>
    public Task<AcdCommandResult> EndWrapUpAsync(string agentId, string? outcome = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Queues a caller or callback (owned by this node) and offers it at once if an agent is free.</summary>
    public Task<EnqueueResult> EnqueueAsync(EnqueueRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>The agent's phone answered: caller and agent are connected.</summary>
    public Task<AcdCommandResult> CallAnsweredAsync(string callId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>An answered call ended: the entry is removed and the agent goes to wrap-up.</summary>
    public Task<AcdCommandResult> CallEndedAsync(string callId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>The caller hung up (or left the queue) before being answered: their place is removed, any reserved agent freed.</summary>
    public Task<AcdCommandResult> AbandonAsync(string callId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Reads a queue entry; null when it has ended or never existed.</summary>
    public Task<QueueEntry?> GetEntryAsync(string callId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Position and estimated wait of a queued caller, for announcements; null when not queued.</summary>
    public Task<QueuePosition?> GetPositionAsync(string callId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Fires every due timer (offer timeouts, wrap-up ends, escalations, language fallbacks). Safe on several nodes at once.</summary>
    public Task<int> RunDueTimersAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Refreshes this node's heartbeat (TTL <see cref="AcdOptions.HeartbeatTtl"/>).</summary>
    public Task HeartbeatAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Removes the live calls of nodes whose heartbeat expired and frees their agents; callbacks stay. Returns calls removed.</summary>
    public Task<int> SweepDeadNodesAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Events for one agent (offers first: a pending offer is replayed on subscribe), from any node.</summary>
    public IAsyncEnumerable<AgentEvent> SubscribeAgentAsync(string agentId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Events for the calls this node owns (an agent accepted: dial them).</summary>
    public IAsyncEnumerable<CallEvent> SubscribeCallsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Reads the event stream after <paramref name="afterId"/> (null: from the start).</summary>
    public Task<IReadOnlyList<AcdEvent>> ReadEventsAsync(string? afterId, int count, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
