using StackExchange.Redis;

namespace Switchboard.Cluster.Tests;

/// <summary>Reads the cluster's ACD state straight from Redis (through the sentinels), tenant <c>default</c>.</summary>
internal sealed class ClusterAcd : IAsyncDisposable
{
    private const string Prefix = "sb:{default}:";
    private readonly ConnectionMultiplexer _redis;

    private ClusterAcd(ConnectionMultiplexer redis) => _redis = redis;

    public static Task<ClusterAcd> ConnectAsync(LocalCluster cluster) => ConnectAsync(cluster.RedisConfiguration);

    /// <summary>
    /// Straight to one server (<c>ip:port</c>): around a failover, so that this process does not follow it through the
    /// sentinels (StackExchange.Redis then blocks thread-pool threads, which would delay the test's own OPTIONS probes).
    /// </summary>
    public static async Task<ClusterAcd> ConnectAsync(string configuration) =>
        new(await ConnectionMultiplexer.ConnectAsync(configuration + ",allowAdmin=true")); // admin: CLIENT LIST / KILL

    /// <summary>The ACD events of one type, each as its fields.</summary>
    public async Task<IReadOnlyList<Dictionary<string, string>>> EventsAsync(string type)
    {
        var entries = await _redis.GetDatabase().StreamRangeAsync(Prefix + "events");
        return [.. entries
            .Select(e => e.Values.ToDictionary(v => v.Name.ToString(), v => v.Value.ToString(), StringComparer.Ordinal))
            .Where(f => f.GetValueOrDefault("type") == type)];
    }

    /// <summary>Every ACD event of the run, in the stream's order, each as its fields.</summary>
    public async Task<IReadOnlyList<Dictionary<string, string>>> AllEventsAsync() =>
        [.. (await _redis.GetDatabase().StreamRangeAsync(Prefix + "events"))
            .Select(e => e.Values.ToDictionary(v => v.Name.ToString(), v => v.Value.ToString(), StringComparer.Ordinal))];

    /// <summary>The call ids waiting in a queue, in order.</summary>
    public async Task<IReadOnlyList<string>> WaitingAsync(string queue) =>
        [.. (await _redis.GetDatabase().SortedSetRangeByRankAsync(Prefix + "q:" + queue)).Select(m => m.ToString()[13..])];

    /// <summary>Open callbacks of a queue: callback id and place (unix ms).</summary>
    public async Task<IReadOnlyDictionary<string, long>> OpenCallbacksAsync(string queue) =>
        (await _redis.GetDatabase().SortedSetRangeByRankWithScoresAsync(Prefix + "cbq:" + queue))
            .ToDictionary(e => e.Element.ToString(), e => (long)e.Score, StringComparer.Ordinal);

    /// <summary>
    /// Closes, on the primary, the pub/sub connections of the Redis client named <paramref name="clientName"/> (each node
    /// names its connections <c>node-&lt;i&gt;</c>, deploy/local-cluster.sh): what a network blip does to that node's
    /// subscriptions. StackExchange.Redis reconnects and subscribes again by itself; what was published meanwhile is lost
    /// for that node. Returns the connections closed.
    /// </summary>
    public async Task<int> DropSubscriptionsAsync(string clientName)
    {
        var server = _redis.GetServers().First(s => s.IsConnected && !s.IsReplica);
        var killed = 0;
        foreach (var client in await server.ClientListAsync())
        {
            if (client.Name == clientName && (client.SubscriptionCount > 0 || client.PatternSubscriptionCount > 0))
            {
                killed += (int)await server.ClientKillAsync(client.Id);
            }
        }

        return killed;
    }

    public ValueTask DisposeAsync() => _redis.DisposeAsync();
}
