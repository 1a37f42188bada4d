using System.Runtime.CompilerServices;
using System.Text.Json;
using StackExchange.Redis;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Notices;

/// <summary>
/// Carries <see cref="AgentNotice"/>s to an agent's event stream on whichever node the agent is connected to, over
/// Redis pub/sub (<see cref="KeySchema.AgentNotices"/>, JSON). Call flows and the API publish; the API's event stream
/// subscribes. Throws <see cref="StoreUnavailableException"/> when Redis cannot be reached.
/// </summary>
public sealed class AgentNoticeStore(IConnectionMultiplexer redis, KeySchema keys, TimeProvider timeProvider)
{
    private const string Store = "agent notice channel";

    /// <summary>Publishes one notice to the agent's stream.</summary>
    public Task PublishAsync(string agentId, AgentNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(notice);
        return StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            await redis.GetDatabase().PublishAsync(keys.AgentNotices(agentId), JsonSerializer.Serialize(notice)).ConfigureAwait(false);
        });
    }

    /// <summary>The agent's phone answered and is bridged to the caller.</summary>
    public Task CallConnectedAsync(string agentId, string callId, string queue, CancellationToken cancellationToken = default) =>
        PublishAsync(agentId, new CallConnectedNotice(timeProvider.GetUtcNow(), callId, queue), cancellationToken);

    /// <summary>A transfer the agent started has a result.</summary>
    public Task TransferResultAsync(string agentId, string callId, bool answered, string result, CancellationToken cancellationToken = default) =>
        PublishAsync(agentId, new TransferResultNotice(timeProvider.GetUtcNow(), callId, answered, result), cancellationToken);

    /// <summary>An attempt at a callback the agent held has an outcome.</summary>
    public Task CallbackCompletedAsync(string agentId, CallbackEntry callback, CancellationToken cancellationToken = default) =>
        PublishAsync(agentId, new CallbackCompletedNotice(timeProvider.GetUtcNow(), callback), cancellationToken);

    /// <summary>Notices published for <paramref name="agentId"/> from any node; malformed payloads are skipped.</summary>
    public async IAsyncEnumerable<AgentNotice> SubscribeAsync(string agentId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var value in RedisSubscription.ReadAsync(redis, keys.AgentNotices(agentId), Store, cancellationToken).ConfigureAwait(false))
        {
            AgentNotice? notice;
            try
            {
                notice = JsonSerializer.Deserialize<AgentNotice>(value.ToString());
            }
            catch (JsonException)
            {
                notice = null;
            }

            if (notice is not null)
            {
                yield return notice;
            }
        }
    }
}
