using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Store;

/// <summary>
/// Issue 17: the same ACD code runs on Redis Cluster. Six real redis-server processes on loopback (three primaries,
/// each with a replica, made a cluster by <c>redis-cli --cluster create</c>); three tenants whose hash slot lands on
/// three different shards each run a whole call (queue, offer, accept, answer, end, wrap-up) and a callback request
/// — every key of a tenant is in its one slot, so every script runs on that shard — and each promise is on the
/// shard's replica when the store returns it (WAIT is sent to the tenant's shard).
/// </summary>
public sealed class RedisClusterTests : IAsyncLifetime
{
    private const int Stop = 19; // SIGSTOP: the replica hangs without closing its connections
    private const int Continue = 18;
    private readonly List<Process> _servers = [];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sb-rcluster-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly List<int> _ports = [];
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_directory);
        for (var i = 0; i < 6; i++)
        {
            var port = RedisServer.FreeTcpPort();
            _ports.Add(port);
            _servers.Add(StartNode(port));
        }

        foreach (var port in _ports)
        {
            await Eventually.UntilAsync(async () => await RedisCliAsync("-p", P(port), "ping") == "PONG", "redis-server on " + P(port), TestTimeouts.ProcessStart);
        }

        var create = new List<string> { "--cluster", "create" };
        create.AddRange(_ports.Select(p => "127.0.0.1:" + P(p)));
        create.AddRange(["--cluster-replicas", "1", "--cluster-yes"]);
        await RedisCliAsync([.. create]);
        foreach (var port in _ports)
        {
            await Eventually.UntilAsync(async () => (await RedisCliAsync("-p", P(port), "cluster", "info")).Contains("cluster_state:ok", StringComparison.Ordinal), "cluster_state:ok on " + P(port), TestTimeouts.ProcessStart);
        }

        foreach (var port in _ports)
        {
            // Every primary's replica has finished its first sync (until then WAIT cannot be acknowledged).
            await Eventually.UntilAsync(async () =>
            {
                var replication = await RedisCliAsync("-p", P(port), "info", "replication");
                return replication.Contains("role:slave", StringComparison.Ordinal) || replication.Contains("state=online", StringComparison.Ordinal);
            }, "the replicas in sync", TestTimeouts.ProcessStart);
        }

        _redis = await ConnectionMultiplexer.ConnectAsync(string.Join(',', _ports.Select(p => "127.0.0.1:" + P(p))) + ",abortConnect=false").DefaultTimeout();
        await Eventually.UntilAsync(() => _redis.GetServers().Count(s => s.IsConnected && !s.IsReplica) == 3 && _redis.GetServers().Count(s => s.IsConnected && s.IsReplica) == 3,
            "the client to see three primaries and three replicas", TestTimeouts.ProcessStart);
    }

    [Fact]
    public async Task ThreeTenantsOnThreeShards_CallFlowCallbackAndReplicatedPromises_AsOnOneServer()
    {
        var tenants = TenantsOnDistinctShards(3);

        foreach (var tenant in tenants)
        {
            await using var acd = new AcdStore(_redis, new AcdOptions { Tenant = tenant, NodeId = "node-a", PromiseReplicas = 1, PromiseReplicationTimeout = TimeSpan.FromMilliseconds(1500) }, TimeProvider.System);
            await acd.ConfigureQueueAsync(new QueueOptions { Name = "bsu", OfferTimeout = TimeSpan.FromSeconds(20), WrapUpTime = TimeSpan.FromSeconds(30), MaxNoAnswer = 3, LanguageFallbackAfter = TimeSpan.FromSeconds(60) }).DefaultTimeout();
            await acd.RegisterAgentAsync(new Agent("ag1", "Agent 1", [new AgentSkill("bsu", 5)], ["sv"], "sip:ag1@127.0.0.1", ["bsu"])).DefaultTimeout();
            Assert.Equal(AcdCommandResult.Ok, await acd.ReadyAsync("ag1").DefaultTimeout());

            // A caller's place is a promise: when the store returns it, the shard's replica holds the call.
            var enqueued = await acd.EnqueueAsync(new EnqueueRequest("c1", "bsu", [], null, 0, "+46701234567")).DefaultTimeout();
            Assert.Equal((EnqueueOutcome.Queued, "ag1"), (enqueued.Outcome, enqueued.OfferedTo));
            Assert.True(await _redis.GetDatabase().KeyExistsAsync(acd.KeyPrefix + "call:c1", CommandFlags.DemandReplica).DefaultTimeout(), tenant + ": not on the replica");
            Assert.True(await acd.ReplicateAsync().DefaultTimeout());

            Assert.Equal("c1", (await acd.GetAgentAsync("ag1").DefaultTimeout())!.CallId);
            Assert.Equal(AcdCommandResult.Ok, await acd.AcceptAsync("ag1", "c1").DefaultTimeout());
            Assert.Equal(AcdCommandResult.Ok, await acd.CallAnsweredAsync("c1").DefaultTimeout());
            Assert.Equal(AcdCommandResult.Ok, await acd.CallEndedAsync("c1").DefaultTimeout());
            Assert.Equal(AgentState.WrapUp, (await acd.GetAgentAsync("ag1").DefaultTimeout())!.State);
            Assert.Equal(AcdCommandResult.Ok, await acd.EndWrapUpAsync("ag1", "resolved").DefaultTimeout());
            Assert.Equal(AgentState.Ready, (await acd.GetAgentAsync("ag1").DefaultTimeout())!.State);

            var callbacks = new CallbackStore(_redis, acd, new CallbackOptions(), TimeProvider.System);
            var requested = await callbacks.RequestAsync(new CallbackRequest("bsu", "070-123 45 67", OperationId: "op1")).DefaultTimeout();
            Assert.Equal(CallbackRequestOutcome.Created, requested.Outcome);
            Assert.True(await _redis.GetDatabase().KeyExistsAsync(acd.KeyPrefix + "cb:" + requested.CallbackId, CommandFlags.DemandReplica).DefaultTimeout(), tenant + ": callback not on the replica");
            Assert.Contains(await acd.ReadEventsAsync(null, 100).DefaultTimeout(), e => e.Type == Events.AcdEventType.Ended && e.CallId == "c1");
        }
    }

    [Fact]
    public async Task ReplicaOfOneTenantsShardStopped_OnlyThatTenantsPromiseWaitsInVain()
    {
        var tenants = TenantsOnDistinctShards(3);
        var stores = tenants.Select(t => new AcdStore(_redis, new AcdOptions
        {
            Tenant = t,
            NodeId = "node-a",
            PromiseReplicas = 1,
            // Long enough for a live replica's acknowledgement on a busy machine (300 ms failed once in a fresh-clone run);
            // the frozen replica never acknowledges, whatever the timeout.
            PromiseReplicationTimeout = TimeSpan.FromMilliseconds(1500), // below the 2 s Redis call timeout
        }, TimeProvider.System)).ToList();
        var replica = await ReplicaProcessOfAsync(stores[0].KeyPrefix + "seq");
        Assert.True(PosixSignal.Send(replica.Id, Stop));
        try
        {
            foreach (var store in stores)
            {
                await store.ConfigureQueueAsync(new QueueOptions { Name = "bsu", OfferTimeout = TimeSpan.FromSeconds(20), WrapUpTime = TimeSpan.FromSeconds(30), MaxNoAnswer = 3, LanguageFallbackAfter = TimeSpan.FromSeconds(60) }).DefaultTimeout();
            }

            // WAIT goes to each tenant's own shard: only the first tenant's replica is frozen, so only its promise waits
            // out the timeout unacknowledged (a keyless WAIT on an arbitrary shard would answer the same for all three).
            var acknowledged = await Task.WhenAll(stores.Select(s => s.ReplicateAsync())).DefaultTimeout();
            Assert.Equal(new[] { false, true, true }, acknowledged);
        }
        finally
        {
            PosixSignal.Send(replica.Id, Continue);
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    /// <summary>The redis-server process replicating the primary that holds <paramref name="key"/>.</summary>
    private async Task<Process> ReplicaProcessOfAsync(RedisKey key)
    {
        var primary = (System.Net.IPEndPoint)_redis.GetServer(key).EndPoint;
        var info = await RedisCliAsync("-p", P(primary.Port), "info", "replication");
        var port = int.Parse(System.Text.RegularExpressions.Regex.Match(info, @"slave0:ip=[^,]+,port=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        return _servers[_ports.IndexOf(port)];
    }

    /// <summary>Tenants (random names) whose one hash slot is served by <paramref name="count"/> different primaries.</summary>
    private List<string> TenantsOnDistinctShards(int count)
    {
        var byShard = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 1000 && byShard.Count < count; i++)
        {
            var tenant = RedisServerFixture.NewKeyPrefix();
            var shard = _redis.GetServer((RedisKey)("sb:{" + tenant + "}:seq")).EndPoint.ToString()!;
            byShard.TryAdd(shard, tenant);
        }

        Assert.Equal(count, byShard.Count);
        return [.. byShard.Values];
    }

    private Process StartNode(int port)
    {
        var start = new ProcessStartInfo(RedisServer.FindExecutable("redis-server") ?? throw new InvalidOperationException("redis-server not found"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--port", P(port), "--bind", "127.0.0.1", "--protected-mode", "no", "--dir", _directory,
            "--cluster-enabled", "yes", "--cluster-config-file", $"nodes-{P(port)}.conf", "--cluster-node-timeout", "5000",
            "--appendonly", "no", "--save", "", "--daemonize", "no",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> RedisCliAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(RedisServer.FindExecutable("redis-cli") ?? throw new InvalidOperationException("redis-cli not found (apt-get install -y redis-tools)"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (await output).Trim() + (await error).Trim();
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        foreach (var server in _servers)
        {
            server.Kill();
            await server.WaitForExitAsync();
            server.Dispose();
        }

        System.IO.Directory.Delete(_directory, recursive: true);
    }
}
