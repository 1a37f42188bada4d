using System.Runtime.CompilerServices;
using Google.Protobuf;
using StackExchange.Redis;
using Switchboard.Api.Live;
using V1 = Switchboard.Api.Agent.V1;

namespace Switchboard.Api.Agents;

/// <summary>
/// Carries call-lifecycle events that the ACD does not know (call connected, transfer result, queue counts)
/// to an agent's event stream on whichever node it is connected to, over Redis pub/sub.
/// The server's call sessions publish here; <see cref="AgentService"/> merges them into <c>Events</c>.
/// </summary>
public sealed class AgentEventHub(IConnectionMultiplexer redis, ApiKeys keys, TimeProvider timeProvider)
{
    /// <summary>Publishes one event to the agent's stream (stamped with the current time when <c>at</c> is unset).</summary>
    public async Task PublishAsync(string agentId, V1.AgentEvent agentEvent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(agentEvent);
        cancellationToken.ThrowIfCancellationRequested();
        if (agentEvent.At is null)
        {
            agentEvent = agentEvent.Clone();
            agentEvent.At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow());
        }

        await redis.GetDatabase().PublishAsync(keys.AgentEvents(agentId), agentEvent.ToByteArray()).ConfigureAwait(false);
    }

    /// <summary>The agent's phone answered and is bridged to the caller.</summary>
    public Task CallConnectedAsync(string agentId, string callId, string queue, CancellationToken cancellationToken = default) =>
        PublishAsync(agentId, new V1.AgentEvent { CallConnected = new V1.CallConnected { CallId = callId, Queue = queue } }, cancellationToken);

    /// <summary>A transfer the agent started has a result.</summary>
    public Task TransferResultAsync(string agentId, string callId, bool answered, string result, CancellationToken cancellationToken = default) =>
        PublishAsync(agentId, new V1.AgentEvent { TransferResult = new V1.TransferResult { CallId = callId, Answered = answered, Result = result } }, cancellationToken);

    /// <summary>Events published for <paramref name="agentId"/> from any node; bad payloads are skipped.</summary>
    public async IAsyncEnumerable<V1.AgentEvent> SubscribeAsync(string agentId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var value in RedisSubscription.ReadAsync(redis, keys.AgentEvents(agentId), cancellationToken).ConfigureAwait(false))
        {
            V1.AgentEvent? parsed;
            try
            {
                parsed = V1.AgentEvent.Parser.ParseFrom((byte[])value!);
            }
            catch (InvalidProtocolBufferException)
            {
                parsed = null;
            }

            if (parsed is not null)
            {
                yield return parsed;
            }
        }
    }
}
