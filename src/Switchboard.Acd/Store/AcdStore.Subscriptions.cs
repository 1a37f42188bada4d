using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Queues;

namespace Switchboard.Acd.Store;

public sealed partial class AcdStore
{
    private readonly Lock _subscribersLock = new();
    private readonly Dictionary<string, List<Channel<AgentEvent>>> _agentSubscribers = new(StringComparer.Ordinal);
    private readonly List<Channel<CallEvent>> _callSubscribers = [];
    private readonly SemaphoreSlim _subscribeLock = new(1, 1);
    private bool _agentChannelSubscribed;
    private bool _callChannelSubscribed;

    /// <summary>
    /// Events for one agent from whichever node made the change (Redis pub/sub). A pending offer is replayed first,
    /// so an offer may arrive twice: de-duplicate by <see cref="AgentEvent.CallId"/>. Ends when cancelled.
    /// </summary>
    public async IAsyncEnumerable<AgentEvent> SubscribeAgentAsync(string agentId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        AcdNames.Check(agentId, "agent id");
        var channel = Channel.CreateUnbounded<AgentEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_subscribersLock)
        {
            if (!_agentSubscribers.TryGetValue(agentId, out var list))
            {
                _agentSubscribers[agentId] = list = [];
            }

            list.Add(channel);
        }

        try
        {
            await EnsureSubscribedAsync(agentChannel: true, cancellationToken).ConfigureAwait(false);
            var pending = await PendingOfferAsync(agentId, cancellationToken).ConfigureAwait(false);
            if (pending is not null)
            {
                yield return pending;
            }

            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return e;
            }
        }
        finally
        {
            lock (_subscribersLock)
            {
                if (_agentSubscribers.TryGetValue(agentId, out var list) && list.Remove(channel) && list.Count == 0)
                {
                    _agentSubscribers.Remove(agentId);
                }
            }
        }
    }

    /// <summary>Events for the calls this node owns (an agent accepted: dial them; requeued; overflowed). Ends when cancelled.</summary>
    public async IAsyncEnumerable<CallEvent> SubscribeCallsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<CallEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_subscribersLock)
        {
            _callSubscribers.Add(channel);
        }

        try
        {
            await EnsureSubscribedAsync(agentChannel: false, cancellationToken).ConfigureAwait(false);
            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return e;
            }
        }
        finally
        {
            lock (_subscribersLock)
            {
                _callSubscribers.Remove(channel);
            }
        }
    }

    /// <summary>Subscribes this node's call-event channel now, so events published afterwards reach <see cref="SubscribeCallsAsync"/>.</summary>
    public Task EnsureCallSubscriptionAsync(CancellationToken cancellationToken = default) => EnsureSubscribedAsync(agentChannel: false, cancellationToken);

    private async Task<AgentEvent?> PendingOfferAsync(string agentId, CancellationToken cancellationToken)
    {
        var status = await GetAgentAsync(agentId, cancellationToken).ConfigureAwait(false);
        if (status is not { State: AgentState.Reserved, CallId: { } callId })
        {
            return null;
        }

        var entry = await GetEntryAsync(callId, cancellationToken).ConfigureAwait(false);
        if (entry is not { State: QueueEntryState.Offered } || entry.AgentId != agentId)
        {
            return null;
        }

        var expires = await RunAsync(
            token => _redis.GetDatabase().HashGetAsync(_prefix + "call:" + callId, "offerexp").WaitAsync(token),
            cancellationToken).ConfigureAwait(false);
        return new AgentEvent(
            AgentEventType.Offer, agentId, status.StateSince, status.State, status.PauseReason, callId, entry.Queue,
            entry.Kind == QueueEntryKind.Callback ? entry.CallbackNumber : entry.CallerNumber, entry.Kind,
            AcdEncoding.Time(expires));
    }

    private async Task EnsureSubscribedAsync(bool agentChannel, CancellationToken cancellationToken)
    {
        if (agentChannel ? _agentChannelSubscribed : _callChannelSubscribed)
        {
            return;
        }

        await _subscribeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var subscriber = _redis.GetSubscriber();
            if (agentChannel && !_agentChannelSubscribed)
            {
                var name = _prefix + "agent-events";
                await RunAsync(async token =>
                {
                    await subscriber.SubscribeAsync(RedisChannel.Literal(name), (_, message) => DispatchAgent(name, message)).WaitAsync(token).ConfigureAwait(false);
                    return true;
                }, cancellationToken).ConfigureAwait(false);
                _agentChannelSubscribed = true;
            }
            else if (!agentChannel && !_callChannelSubscribed)
            {
                var name = _prefix + "call-events:" + Options.NodeId;
                await RunAsync(async token =>
                {
                    await subscriber.SubscribeAsync(RedisChannel.Literal(name), (_, message) => DispatchCall(name, message)).WaitAsync(token).ConfigureAwait(false);
                    return true;
                }, cancellationToken).ConfigureAwait(false);
                _callChannelSubscribed = true;
            }
        }
        finally
        {
            _subscribeLock.Release();
        }
    }

    private void DispatchAgent(string channelName, RedisValue message)
    {
        AgentEvent e;
        try
        {
            e = AcdMessages.ParseAgentEvent(message.ToString());
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            AcdLog.BadMessage(_logger, channelName, ex);
            return;
        }

        lock (_subscribersLock)
        {
            if (_agentSubscribers.TryGetValue(e.AgentId, out var list))
            {
                foreach (var channel in list)
                {
                    channel.Writer.TryWrite(e);
                }
            }
        }
    }

    private void DispatchCall(string channelName, RedisValue message)
    {
        CallEvent e;
        try
        {
            e = AcdMessages.ParseCallEvent(message.ToString());
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            AcdLog.BadMessage(_logger, channelName, ex);
            return;
        }

        lock (_subscribersLock)
        {
            foreach (var channel in _callSubscribers)
            {
                channel.Writer.TryWrite(e);
            }
        }
    }

    private void DisposeSubscriptions()
    {
        var subscriber = _redis.GetSubscriber();
        if (_agentChannelSubscribed)
        {
            subscriber.Unsubscribe(RedisChannel.Literal(_prefix + "agent-events"), flags: CommandFlags.FireAndForget);
        }

        if (_callChannelSubscribed)
        {
            subscriber.Unsubscribe(RedisChannel.Literal(_prefix + "call-events:" + Options.NodeId), flags: CommandFlags.FireAndForget);
        }

        lock (_subscribersLock)
        {
            foreach (var list in _agentSubscribers.Values)
            {
                list.ForEach(c => c.Writer.TryComplete());
            }

            _callSubscribers.ForEach(c => c.Writer.TryComplete());
        }

        _subscribeLock.Dispose();
    }
}
