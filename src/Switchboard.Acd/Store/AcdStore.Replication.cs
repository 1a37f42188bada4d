using StackExchange.Redis;

namespace Switchboard.Acd.Store;

public sealed partial class AcdStore
{
    private static readonly TimeSpan ReplicaCountMaxAge = TimeSpan.FromSeconds(1);
    private long _replicaCountValidUntil;
    private int _replicaCount;

    /// <summary>
    /// Waits until <see cref="AcdOptions.PromiseReplicas"/> replicas hold every write this node has made so far (Redis
    /// <c>WAIT</c> on the same connection, so it covers the promise just written), at most
    /// <see cref="AcdOptions.PromiseReplicationTimeout"/>. Skipped while the primary has fewer replicas connected (a
    /// failover just promoted it, or there is none): waiting could not succeed. Returns false when the promise is kept
    /// without the asked replication (logged), true otherwise. A caller is told "queued" only after this.
    /// </summary>
    public async Task<bool> ReplicateAsync(CancellationToken cancellationToken = default)
    {
        var wanted = Options.PromiseReplicas;
        var timeout = (long)Options.PromiseReplicationTimeout.TotalMilliseconds;
        long acknowledged = 0;
        try
        {
            if (wanted <= 0 || await ConnectedReplicasAsync(cancellationToken).ConfigureAwait(false) < wanted)
            {
                return true;
            }

            acknowledged = (long)await RunAsync(
                token => TenantServer().ExecuteAsync("WAIT", wanted, timeout).WaitAsync(token), cancellationToken).ConfigureAwait(false);
            if (acknowledged >= wanted)
            {
                return true;
            }
        }
        catch (StoreUnavailableException)
        {
            // The promise itself is written; only its replication is unknown (logged below).
        }

        AcdLog.PromiseNotReplicated(_logger, acknowledged, wanted, timeout);
        return false;
    }

    /// <summary>
    /// The primary that holds this tenant's keys (all in one hash slot): on Redis Cluster the shard of that slot, else
    /// the primary. <c>WAIT</c> and <c>ROLE</c> take no key, so they must be sent there explicitly; it is the same
    /// connection the scripts' writes went over, which is what <c>WAIT</c> counts.
    /// </summary>
    private IServer TenantServer() => _redis.GetServer(_keys[0]);

    /// <summary>Replicas connected to the tenant's primary (<c>ROLE</c>), read at most once a second.</summary>
    private async Task<int> ConnectedReplicasAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetTimestamp();
        if (now < Interlocked.Read(ref _replicaCountValidUntil))
        {
            return Volatile.Read(ref _replicaCount);
        }

        var role = (RedisResult[])(await RunAsync(token => TenantServer().ExecuteAsync("ROLE").WaitAsync(token), cancellationToken).ConfigureAwait(false))!;
        var count = role.Length >= 3 && string.Equals((string?)role[0], "master", StringComparison.Ordinal) ? ((RedisResult[])role[2]!).Length : 0;
        Volatile.Write(ref _replicaCount, count);
        Interlocked.Exchange(ref _replicaCountValidUntil, now + (long)(ReplicaCountMaxAge.TotalSeconds * _timeProvider.TimestampFrequency));
        return count;
    }
}
