using System.Threading.Channels;
using Grpc.Core;
using Grpc.Net.Client;
using Switchboard.Api.Agent.V1;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// An agent's client given every node's API address, as a softphone in a cluster is (docs/operations.md): calls go to
/// the node in use; when that node is gone (<see cref="StatusCode.Unavailable"/>) the client moves to the next address
/// and sends the call again. The event stream, read in the background, reopens on the next node whenever it breaks;
/// every event is kept with the node it came from. The agent's state lives in Redis, so any node carries on.
/// </summary>
internal sealed class ClusterAgent : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectPause = TimeSpan.FromMilliseconds(200);

    private readonly GrpcChannel[] _channels;
    private readonly Metadata _headers;
    private readonly string _agentId;
    private readonly Channel<(int Node, AgentEvent Event)> _events = Channel.CreateUnbounded<(int, AgentEvent)>();
    private readonly CancellationTokenSource _stop = new();
    private Task? _reader;
    private int _current;

    public ClusterAgent(IReadOnlyList<Uri> apiUrls, string agentId, string token)
    {
        _channels = [.. apiUrls.Select(u => GrpcChannel.ForAddress(u))];
        _agentId = agentId;
        _headers = new Metadata { { "Authorization", "Bearer " + token } };
    }

    /// <summary>The node (1-based) the client talks to now.</summary>
    public int Node => Volatile.Read(ref _current) + 1;

    /// <summary>How many times the event stream was opened again after it broke.</summary>
    public int Reconnects { get; private set; }

    /// <summary>Sends a unary call to the node in use; on Unavailable, to the next node (each node tried once).</summary>
    public async Task<T> CallAsync<T>(Func<AgentService.AgentServiceClient, Metadata, AsyncUnaryCall<T>> call)
    {
        for (var tried = 1; ; tried++)
        {
            var node = Volatile.Read(ref _current);
            try
            {
                using var pending = call(new AgentService.AgentServiceClient(_channels[node]), _headers);
                return await pending.ResponseAsync.ConfigureAwait(false);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && tried < _channels.Length)
            {
                MoveOn(node);
            }
        }
    }

    /// <summary>Starts reading the agent's event stream on the node in use.</summary>
    public void StartEvents() => _reader = Task.Run(ReadEventsAsync);

    /// <summary>The next event of <paramref name="kind"/> (earlier events of other kinds are skipped), and its node.</summary>
    public async Task<(int Node, AgentEvent Event)> NextAsync(AgentEvent.EventOneofCase kind, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var next = await _events.Reader.ReadAsync(deadline.Token).ConfigureAwait(false);
                if (next.Event.EventCase == kind)
                {
                    return next;
                }
            }
        }
        catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
        {
            throw new TimeoutException($"no {kind} event for {_agentId} within {timeout} (stream on node {Node}, {Reconnects} reconnects)");
        }
    }

    private async Task ReadEventsAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var node = Volatile.Read(ref _current);
            try
            {
                var client = new AgentService.AgentServiceClient(_channels[node]);
                using var stream = client.Events(new EventsRequest { AgentId = _agentId }, _headers, cancellationToken: _stop.Token);
                await foreach (var e in stream.ResponseStream.ReadAllAsync(_stop.Token).ConfigureAwait(false))
                {
                    _events.Writer.TryWrite((node + 1, e));
                }
            }
            catch (RpcException) when (!_stop.IsCancellationRequested)
            {
                // The node died or closed the stream with a status to retry: reopen on the next node.
            }
            catch (Exception ex) when (ex is OperationCanceledException or RpcException && _stop.IsCancellationRequested)
            {
                return; // disposed
            }

            if (_stop.IsCancellationRequested)
            {
                return;
            }

            MoveOn(node);
            Reconnects++;
            try
            {
                await Task.Delay(ReconnectPause, _stop.Token).ConfigureAwait(false); // a reconnect back-off, not a wait for a state
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void MoveOn(int from) => Interlocked.CompareExchange(ref _current, (from + 1) % _channels.Length, from);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reader is not null)
        {
            await _reader.ConfigureAwait(false);
        }

        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        _stop.Dispose();
    }
}
