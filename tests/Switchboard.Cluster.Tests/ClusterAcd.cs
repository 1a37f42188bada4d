using StackExchange.Redis;

namespace Switchboard.Cluster.Tests;

/// <summary>Reads the cluster's ACD state straight from Redis (through the sentinels), tenant <c>default</c>.</summary>
internal sealed class ClusterAcd : IAsyncDisposable
{
    private const string Prefix = "sb:{default}:";
    private readonly ConnectionMultiplexer _redis;

    private ClusterAcd(ConnectionMultiplexer redis) => _redis = redis;

    public static async Task<ClusterAcd> ConnectAsync(LocalCluster cluster) =>
        new(await ConnectionMultiplexer.ConnectAsync(cluster.RedisConfiguration));

    /// <summary>The ACD events of one type, each as its fields.</summary>
    public async Task<IReadOnlyList<Dictionary<string, string>>> EventsAsync(string type)
    {
        var entries = await _redis.GetDatabase().StreamRangeAsync(Prefix + "events");
        return [.. entries
            .Select(e => e.Values.ToDictionary(v => v.Name.ToString(), v => v.Value.ToString(), StringComparer.Ordinal))
            .Where(f => f.GetValueOrDefault("type") == type)];
    }

    /// <summary>The call ids waiting in a queue, in order.</summary>
    public async Task<IReadOnlyList<string>> WaitingAsync(string queue) =>
        [.. (await _redis.GetDatabase().SortedSetRangeByRankAsync(Prefix + "q:" + queue)).Select(m => m.ToString()[13..])];

    /// <summary>Open callbacks of a queue: callback id and place (unix ms).</summary>
    public async Task<IReadOnlyDictionary<string, long>> OpenCallbacksAsync(string queue) =>
        (await _redis.GetDatabase().SortedSetRangeByRankWithScoresAsync(Prefix + "cbq:" + queue))
            .ToDictionary(e => e.Element.ToString(), e => (long)e.Score, StringComparer.Ordinal);

    public ValueTask DisposeAsync() => _redis.DisposeAsync();
}
