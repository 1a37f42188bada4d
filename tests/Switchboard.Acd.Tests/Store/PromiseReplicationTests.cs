using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Store;

/// <summary>
/// A promise to a caller (a queue place, a confirmed callback) is answered only once a replica holds it (WAIT), on a
/// real primary and replica (two redis-server processes), so a Sentinel failover right after the answer loses nothing.
/// </summary>
public sealed class PromiseReplicationTests : IAsyncLifetime
{
    private const long GetAckLength = 37; // "*3\r\n$8\r\nREPLCONF\r\n$6\r\nGETACK\r\n$1\r\n*\r\n"

    private RedisServer _primary = null!;
    private RedisServer _replica = null!;
    private ConnectionMultiplexer _primaryConnection = null!;
    private ConnectionMultiplexer _replicaConnection = null!;

    public async Task InitializeAsync()
    {
        _primary = await RedisServer.StartAsync().DefaultTimeout();
        _replica = await RedisServer.StartAsync().DefaultTimeout();
        _primaryConnection = await ConnectionMultiplexer.ConnectAsync(_primary.Configuration + ",allowAdmin=true").DefaultTimeout();
        _replicaConnection = await ConnectionMultiplexer.ConnectAsync(_replica.Configuration + ",allowAdmin=true").DefaultTimeout();
        // No full-sync delay; no periodic PING to the replica (it would move the offset between a WAIT and the check).
        await _primaryConnection.GetDatabase().ExecuteAsync("CONFIG", "SET", "repl-diskless-sync-delay", "0", "repl-ping-replica-period", "3600").DefaultTimeout();
        await _replicaConnection.GetDatabase().ExecuteAsync("REPLICAOF", "127.0.0.1", _primary.Port).DefaultTimeout();

        // The replica is in sync once it acknowledges a write (WAIT blocks until then, up to its own timeout).
        var primary = _primaryConnection.GetDatabase();
        await primary.StringSetAsync("sync", "1").DefaultTimeout();
        Assert.Equal(1, (long)await primary.ExecuteAsync("WAIT", 1, (long)TestTimeouts.Default.TotalMilliseconds - 1000).DefaultTimeout());
    }

    [Fact]
    public async Task EnqueueAndRequestAsync_PrimaryWithReplica_EveryConfirmedPromiseIsOnTheReplicaWhenAnswered()
    {
        var (store, _) = NewStore(TimeSpan.FromSeconds(5));
        await store.ConfigureQueueAsync(new QueueOptions { Name = "bsu", OfferTimeout = TimeSpan.FromSeconds(20), WrapUpTime = TimeSpan.FromSeconds(30) }).DefaultTimeout();
        var callbacks = new CallbackStore(_primaryConnection, store, new CallbackOptions(), TimeProvider.System);
        var replica = _replicaConnection.GetDatabase();

        for (var i = 0; i < 20; i++)
        {
            var result = await store.EnqueueAsync(new EnqueueRequest("c" + i, "bsu", [], CallerNumber: "+46701234567")).DefaultTimeout();
            Assert.Equal(EnqueueOutcome.Queued, result.Outcome);
            await AssertReplicaAcknowledgedEverythingAsync();
            Assert.True(await replica.KeyExistsAsync(store.KeyPrefix + "call:c" + i).DefaultTimeout(), $"c{i} confirmed but not on the replica");
        }

        var callback = await callbacks.RequestAsync(new CallbackRequest("bsu", "+46701112233")).DefaultTimeout();
        Assert.Equal(CallbackRequestOutcome.Created, callback.Outcome);
        await AssertReplicaAcknowledgedEverythingAsync();
        Assert.True(await replica.KeyExistsAsync(store.KeyPrefix + "cb:" + callback.CallbackId).DefaultTimeout());
        Assert.True(await replica.KeyExistsAsync(store.KeyPrefix + "call:" + callback.CallbackId).DefaultTimeout());
    }

    [Fact]
    public async Task EnqueueAsync_ReplicaHangs_PlaceStillGivenAfterTheTimeoutAndLoggedAsUnreplicated()
    {
        var (store, logger) = NewStore(TimeSpan.FromMilliseconds(200));
        await store.ConfigureQueueAsync(new QueueOptions { Name = "bsu", OfferTimeout = TimeSpan.FromSeconds(20), WrapUpTime = TimeSpan.FromSeconds(30) }).DefaultTimeout();
        var info = (string)(await _replicaConnection.GetDatabase().ExecuteAsync("INFO", "server").DefaultTimeout())!;
        var pid = int.Parse(info.Split('\n').Single(l => l.StartsWith("process_id:", StringComparison.Ordinal))[11..].Trim(), System.Globalization.CultureInfo.InvariantCulture);

        await SignalAsync("STOP", pid);
        try
        {
            var result = await store.EnqueueAsync(new EnqueueRequest("hung", "bsu", [])).DefaultTimeout();

            Assert.Equal(EnqueueOutcome.Queued, result.Outcome);
            Assert.Equal(1, result.Position!.Position);
            var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 6005);
            Assert.Equal(LogLevel.Warning, warning.Level);
        }
        finally
        {
            await SignalAsync("CONT", pid);
        }
    }

    public async Task DisposeAsync()
    {
        _primaryConnection?.Dispose();
        _replicaConnection?.Dispose();
        await _replica.DisposeAsync();
        await _primary.DisposeAsync();
    }

    private (AcdStore Store, FakeLogger<AcdStore> Logger) NewStore(TimeSpan replicationTimeout)
    {
        var logger = new FakeLogger<AcdStore>();
        var options = new AcdOptions { Tenant = RedisServerFixture.NewKeyPrefix(), NodeId = "node-a", PromiseReplicationTimeout = replicationTimeout };
        return (new AcdStore(_primaryConnection, options, TimeProvider.System, logger), logger);
    }

    /// <summary>
    /// The primary's view: the replica has acknowledged its whole replication stream up to the <c>REPLCONF GETACK *</c>
    /// that WAIT appended to it (37 bytes, acknowledged with the offset before itself). Replicas acknowledge by
    /// themselves only once a second, so right after a write this holds only because WAIT asked for the acknowledgement.
    /// </summary>
    private async Task AssertReplicaAcknowledgedEverythingAsync()
    {
        var info = (string)(await _primaryConnection.GetDatabase().ExecuteAsync("INFO", "replication").DefaultTimeout())!;
        var lines = info.Split('\n', StringSplitOptions.TrimEntries);
        var written = long.Parse(lines.Single(l => l.StartsWith("master_repl_offset:", StringComparison.Ordinal))[19..], System.Globalization.CultureInfo.InvariantCulture);
        var replica = lines.Single(l => l.StartsWith("slave0:", StringComparison.Ordinal));
        var acknowledged = long.Parse(replica.Split(',').Single(f => f.StartsWith("offset=", StringComparison.Ordinal))[7..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(acknowledged >= written - GetAckLength, $"replica acknowledged {acknowledged} of {written}");
    }

    private static async Task SignalAsync(string signal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync().DefaultTimeout();
        Assert.Equal(0, kill.ExitCode);
    }
}
