using Grpc.Core;
using Grpc.Net.Client;
using Switchboard.Api.Agent.V1;

namespace Switchboard.Cli.Terminal;

/// <summary>
/// The agent API of one node or of several (a cluster, docs/operations.md "Agents in a cluster"): calls go to the node
/// in use; a call that fails <see cref="StatusCode.Unavailable"/> (the node is gone) moves the console to the next node
/// and is sent again there, each node tried once. The agent's state lives in Redis, so any node carries on.
/// </summary>
internal sealed class AgentEndpoints : IDisposable
{
    private readonly AgentService.AgentServiceClient[] _clients;
    private readonly string[] _names;
    private readonly GrpcChannel[] _channels;
    private int _current;

    /// <param name="clients">One client per node, in the order given.</param>
    /// <param name="names">What to call each node in messages (its URL); default <c>node 1</c>, <c>node 2</c>, ...</param>
    public AgentEndpoints(IReadOnlyList<AgentService.AgentServiceClient> clients, IReadOnlyList<string>? names = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(clients.Count);
        _clients = [.. clients];
        _names = names is { } given && given.Count == clients.Count ? [.. given] : [.. clients.Select((_, i) => "node " + (i + 1))];
        _channels = [];
    }

    private AgentEndpoints(GrpcChannel[] channels, IReadOnlyList<Uri> urls)
        : this([.. channels.Select(c => new AgentService.AgentServiceClient(c))], [.. urls.Select(u => u.ToString())])
    {
        _channels = channels;
    }

    /// <summary>One channel per URL (plain HTTP/2 for <c>http://</c>), in order; disposing closes them.</summary>
    public static AgentEndpoints Open(IReadOnlyList<Uri> urls) => new([.. urls.Select(u => GrpcChannel.ForAddress(u))], urls);

    /// <summary>How many nodes the console knows.</summary>
    public int Count => _clients.Length;

    /// <summary>The index of the node in use.</summary>
    public int Current => Volatile.Read(ref _current);

    public AgentService.AgentServiceClient Client(int index) => _clients[index];

    public string Name(int index) => _names[index];

    /// <summary>Moves from node <paramref name="from"/> to the next one (unless another caller moved already); returns the node in use.</summary>
    public int MoveOn(int from)
    {
        Interlocked.CompareExchange(ref _current, (from + 1) % _clients.Length, from);
        return Current;
    }

    /// <summary>Sends a unary call to the node in use; on Unavailable to the next node, each node tried once.</summary>
    public async Task<T> CallAsync<T>(Func<AgentService.AgentServiceClient, AsyncUnaryCall<T>> call)
    {
        for (var tried = 1; ; tried++)
        {
            var node = Current;
            try
            {
                using var pending = call(_clients[node]);
                return await pending.ResponseAsync.ConfigureAwait(false);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && tried < _clients.Length)
            {
                MoveOn(node);
            }
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
