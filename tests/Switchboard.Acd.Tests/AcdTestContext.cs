using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests;

/// <summary>A store on the shared real redis-server, with its own tenant and a <see cref="FakeTimeProvider"/>.</summary>
internal sealed class AcdTestContext : IAsyncDisposable
{
    private readonly List<AcdStore> _stores = [];

    public AcdTestContext(IConnectionMultiplexer redis, string? tenant = null)
    {
        Redis = redis;
        Tenant = tenant ?? RedisServerFixture.NewKeyPrefix();
        Store = AddNode("node-a");
    }

    public IConnectionMultiplexer Redis { get; }

    public string Tenant { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public AcdStore Store { get; }

    public AcdStore AddNode(string nodeId, TimeSpan? heartbeatTtl = null, TimeSpan? schedulerInterval = null)
    {
        var options = new AcdOptions { Tenant = Tenant, NodeId = nodeId, HeartbeatTtl = heartbeatTtl ?? TimeSpan.FromSeconds(10), ResilienceTimeProvider = TimeProvider.System };
        var store = new AcdStore(Redis, schedulerInterval is { } interval ? options with { SchedulerInterval = interval } : options, Time);
        _stores.Add(store);
        return store;
    }

    public async Task QueueAsync(string name, Func<QueueOptions, QueueOptions>? configure = null)
    {
        var options = new QueueOptions { Name = name, OfferTimeout = TimeSpan.FromSeconds(20), WrapUpTime = TimeSpan.FromSeconds(30), MaxNoAnswer = 3, LanguageFallbackAfter = TimeSpan.FromSeconds(60) };
        await Store.ConfigureQueueAsync(configure is null ? options : configure(options)).DefaultTimeout();
    }

    public async Task AgentAsync(string id, string queues, string skills = "", string languages = "sv", bool ready = true)
    {
        var agent = new Agent(
            id,
            "Agent " + id,
            [.. skills.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => new AgentSkill(s.Split(':')[0], int.Parse(s.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)))],
            languages.Split(',', StringSplitOptions.RemoveEmptyEntries),
            $"sip:{id}@127.0.0.1",
            queues.Split(',', StringSplitOptions.RemoveEmptyEntries));
        await Store.RegisterAgentAsync(agent).DefaultTimeout();
        if (ready)
        {
            Assert.Equal(AcdCommandResult.Ok, await Store.ReadyAsync(id).DefaultTimeout());
        }
    }

    public static EnqueueRequest Call(string callId, string queue, string skills = "", string? language = null, int priority = 0) =>
        new(
            callId,
            queue,
            [.. skills.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => new SkillRequirement(s.Split(':')[0], int.Parse(s.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)))],
            language,
            priority,
            "+4670" + callId);

    public async Task<EnqueueResult> EnqueueAsync(string callId, string queue, string skills = "", string? language = null, int priority = 0)
    {
        var result = await Store.EnqueueAsync(Call(callId, queue, skills, language, priority)).DefaultTimeout();
        Time.Advance(TimeSpan.FromMilliseconds(10));
        return result;
    }

    public async Task<AgentStatus> AgentStatusAsync(string id) =>
        await Store.GetAgentAsync(id).DefaultTimeout() ?? throw new InvalidOperationException("no agent " + id);

    public async Task<string?> OfferOfAsync(string agentId)
    {
        var status = await AgentStatusAsync(agentId);
        return status.State == AgentState.Reserved ? status.CallId : null;
    }

    /// <summary>
    /// Queue bsu, agent a1 ready, the owning node's call events open, c1 queued: the ACD offers it to a1 at once and the
    /// owning node hears of the offer first (the enumerator is past that <see cref="CallEventType.Offered"/>).
    /// </summary>
    public async Task<IAsyncEnumerator<CallEvent>> OfferedWithCallEventsAsync(CancellationToken cancellationToken)
    {
        await QueueAsync("bsu");
        await AgentAsync("a1", "bsu");
        var events = Store.SubscribeCallsAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var next = events.MoveNextAsync();
        await Store.EnsureCallSubscriptionAsync().DefaultTimeout();
        await EnqueueAsync("c1", "bsu");
        Assert.True(await next.AsTask().DefaultTimeout());
        Assert.Equal((CallEventType.Offered, "c1", "a1"), (events.Current.Type, events.Current.CallId, events.Current.AgentId));
        return events;
    }

    /// <summary>Accepts, answers and ends the call the agent holds.</summary>
    public async Task CompleteAsync(string agentId, string callId)
    {
        Assert.Equal(AcdCommandResult.Ok, await Store.AcceptAsync(agentId, callId).DefaultTimeout());
        Assert.Equal(AcdCommandResult.Ok, await Store.CallAnsweredAsync(callId).DefaultTimeout());
        Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(AcdCommandResult.Ok, await Store.CallEndedAsync(callId).DefaultTimeout());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }
}
