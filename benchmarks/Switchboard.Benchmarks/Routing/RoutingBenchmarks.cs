using BenchmarkDotNet.Attributes;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Benchmarks.Routing;

/// <summary>
/// One routing decision against a real redis-server started by the benchmark: 3 queues, 50 agents (one ready,
/// the rest on calls), 500 callers waiting that the ready agent cannot take (they need bsu:9), so each decision
/// scans all 500 before offering the new caller. Run:
/// <c>dotnet run -c Release --project benchmarks/Switchboard.Benchmarks -- --filter *RoutingBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private RedisServer? _server;
    private ConnectionMultiplexer? _connection;
    private AcdStore? _store;
    private ConnectionMultiplexer? _connectionB;
    private AcdStore? _agentNode;
    private CancellationTokenSource? _stop;
    private IAsyncEnumerator<AgentEvent>? _offers;
    private long _next;

    [GlobalSetup]
    public void Setup()
    {
        _server = RedisServer.StartAsync().GetAwaiter().GetResult();
        _connection = ConnectionMultiplexer.Connect(_server.Configuration);
        _store = new AcdStore(_connection, new AcdOptions { Tenant = "bench", NodeId = "bench" }, TimeProvider.System);
        RoutingSetup.PopulateAsync(_store).GetAwaiter().GetResult();
        _connectionB = ConnectionMultiplexer.Connect(_server.Configuration);
        _agentNode = new AcdStore(_connectionB, new AcdOptions { Tenant = "bench", NodeId = "agent-node" }, TimeProvider.System);
        _stop = new CancellationTokenSource();
        _offers = _agentNode.SubscribeAgentAsync("ag0", _stop.Token).GetAsyncEnumerator(_stop.Token);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop?.Cancel();
        _agentNode?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _connectionB?.Dispose();
        _store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _connection?.Dispose();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Redis round trip, for scale.</summary>
    [Benchmark(Baseline = true)]
    public Task<TimeSpan> Ping() => _connection!.GetDatabase().PingAsync();

    /// <summary>Enqueue (match + offer in one script) and abandon (frees the agent again): two scripts.</summary>
    [Benchmark]
    public async Task EnqueueOfferAndAbandon()
    {
        var callId = "bench" + Interlocked.Increment(ref _next);
        var result = await _store!.EnqueueAsync(new EnqueueRequest(callId, "q0", [new SkillRequirement("bsu", 1)])).ConfigureAwait(false);
        if (result.OfferedTo is null)
        {
            throw new InvalidOperationException("no offer");
        }

        await _store.AbandonAsync(callId).ConfigureAwait(false);
    }

    /// <summary>
    /// Enqueue on one node until the offer reaches the agent's stream on another node (pub/sub), then abandon.
    /// </summary>
    [Benchmark]
    public async Task EnqueueUntilOfferOnAgentNode()
    {
        var callId = "bench" + Interlocked.Increment(ref _next);
        var next = _offers!.MoveNextAsync();
        await _store!.EnqueueAsync(new EnqueueRequest(callId, "q0", [new SkillRequirement("bsu", 1)])).ConfigureAwait(false);
        while (await next.ConfigureAwait(false) && !(_offers.Current.Type == AgentEventType.Offer && _offers.Current.CallId == callId))
        {
            next = _offers.MoveNextAsync();
        }

        await _store.AbandonAsync(callId).ConfigureAwait(false);
    }
}
