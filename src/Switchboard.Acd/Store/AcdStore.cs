using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Resilience;

namespace Switchboard.Acd.Store;

/// <summary>
/// The ACD: queues, agents and routing, with Redis as the source of truth. Every state change runs as one
/// Lua script (atomic on the server), so any number of nodes can share the queues. All methods throw
/// <see cref="StoreUnavailableException"/> when Redis cannot be reached, and <see cref="ArgumentException"/> for bad names.
/// </summary>
public sealed partial class AcdStore : IAsyncDisposable
{
    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly string _prefix;
    private readonly RedisKey[] _keys;
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private volatile bool _scriptsLoaded;

    public AcdStore(IConnectionMultiplexer redis, AcdOptions options, TimeProvider timeProvider, ILogger<AcdStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        AcdNames.Check(options.Tenant, nameof(options.Tenant));
        AcdNames.Check(options.NodeId, nameof(options.NodeId));
        _redis = redis;
        Options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _pipeline = AcdResilience.Create(options, options.ResilienceTimeProvider ?? timeProvider);
        Keys = new KeySchema(options.Tenant);
        _prefix = Keys.Prefix;
        _keys = [_prefix + "seq"];
    }

    public AcdOptions Options { get; }

    /// <summary>The tenant's key names.</summary>
    public KeySchema Keys { get; }

    /// <summary>The key prefix <c>sb:{tenant}:</c>; every key of this tenant starts with it.</summary>
    public string KeyPrefix => _prefix;

    /// <summary>Stores (or replaces) a queue's routing settings.</summary>
    public Task ConfigureQueueAsync(QueueOptions queue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        AcdNames.Check(queue.Name, "queue");
        if (queue.OfferTimeout <= TimeSpan.Zero || queue.WrapUpTime < TimeSpan.Zero || queue.MaxNoAnswer < 0 || queue.LanguageFallbackAfter < TimeSpan.Zero)
        {
            throw new ArgumentException($"Queue '{queue.Name}': offer timeout must be positive; wrap-up, language fallback and max-no-answer not negative.", nameof(queue));
        }

        var overflow = queue.NoAgents == NoAgentBehaviour.Overflow ? AcdNames.Check(queue.NoAgentOverflowQueue, "NoAgentOverflowQueue") : string.Empty;
        HashEntry[] fields =
        [
            new("offer", AcdEncoding.Millis(queue.OfferTimeout)),
            new("wrap", AcdEncoding.Millis(queue.WrapUpTime)),
            new("maxna", queue.MaxNoAnswer),
            new("langwait", AcdEncoding.Millis(queue.LanguageFallbackAfter)),
            new("esc", AcdEncoding.Escalations(queue.Escalations)),
            new("noagents", queue.NoAgents.ToString()),
            new("noagentsq", overflow),
            new("lostcb", queue.CallbackWhenNodeLost ? 1 : 0),
        ];
        var key = _prefix + "qopt:" + queue.Name;
        return RunAsync(async token =>
        {
            var db = _redis.GetDatabase();
            await Task.WhenAll(db.HashSetAsync(key, fields), db.SetAddAsync(_prefix + "queues", queue.Name)).WaitAsync(token).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>Reads a queue's settings; null when not configured.</summary>
    public async Task<QueueOptions?> GetQueueAsync(string name, CancellationToken cancellationToken = default)
    {
        AcdNames.Check(name, "queue");
        var key = _prefix + "qopt:" + name;
        var h = await RunAsync(token => _redis.GetDatabase().HashGetAllAsync(key).WaitAsync(token), cancellationToken).ConfigureAwait(false);
        if (h.Length == 0)
        {
            return null;
        }

        var d = h.ToStringDictionary();
        return new QueueOptions
        {
            Name = name,
            OfferTimeout = TimeSpan.FromMilliseconds(AcdEncoding.Int(d.GetValueOrDefault("offer"))),
            WrapUpTime = TimeSpan.FromMilliseconds(AcdEncoding.Int(d.GetValueOrDefault("wrap"))),
            MaxNoAnswer = AcdEncoding.Int(d.GetValueOrDefault("maxna")),
            LanguageFallbackAfter = TimeSpan.FromMilliseconds(AcdEncoding.Int(d.GetValueOrDefault("langwait"))),
            Escalations = AcdEncoding.ParseEscalations(d.GetValueOrDefault("esc")),
            NoAgents = Enum.TryParse<NoAgentBehaviour>(d.GetValueOrDefault("noagents"), out var na) ? na : NoAgentBehaviour.Wait,
            NoAgentOverflowQueue = string.IsNullOrEmpty(d.GetValueOrDefault("noagentsq")) ? null : d["noagentsq"],
            CallbackWhenNodeLost = d.GetValueOrDefault("lostcb") == "1",
        };
    }

    /// <summary>Adds or updates an agent's profile (skills, languages, phone, queues). New agents start logged out.</summary>
    public async Task RegisterAgentAsync(Agent agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        await EvalAsync(
            AcdScripts.Register,
            [
                AcdNames.Check(agent.Id, "agent id"),
                AcdNames.Text(agent.Name, "agent name"),
                AcdNames.Text(agent.PhoneUser, "phone user"),
                AcdEncoding.Skills(agent.Skills),
                AcdEncoding.List(agent.Languages, "language"),
                AcdEncoding.List(agent.Queues, "queue"),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads an agent's profile and state; null when unknown.</summary>
    public async Task<AgentStatus?> GetAgentAsync(string agentId, CancellationToken cancellationToken = default)
    {
        AcdNames.Check(agentId, "agent id");
        var key = _prefix + "agent:" + agentId;
        var h = await RunAsync(token => _redis.GetDatabase().HashGetAllAsync(key).WaitAsync(token), cancellationToken).ConfigureAwait(false);
        return ParseAgent(agentId, h);
    }

    /// <summary>An agent's profile and state from its hash; null when the hash is empty (unknown agent).</summary>
    private static AgentStatus? ParseAgent(string agentId, HashEntry[] h)
    {
        if (h.Length == 0)
        {
            return null;
        }

        var d = h.ToStringDictionary();
        var agent = new Agent(
            agentId,
            d.GetValueOrDefault("name") ?? string.Empty,
            AcdEncoding.ParseSkills(d.GetValueOrDefault("skills")),
            AcdEncoding.ParseList(d.GetValueOrDefault("langs")),
            d.GetValueOrDefault("sip") ?? string.Empty,
            AcdEncoding.ParseList(d.GetValueOrDefault("queues")));
        return new AgentStatus(
            agent,
            Enum.TryParse<AgentState>(d.GetValueOrDefault("state"), out var state) ? state : AgentState.LoggedOut,
            Enum.TryParse<PauseReason>(d.GetValueOrDefault("reason"), out var reason) ? reason : PauseReason.None,
            AcdEncoding.Time(d.GetValueOrDefault("since")),
            string.IsNullOrEmpty(d.GetValueOrDefault("call")) ? null : d["call"],
            AcdEncoding.Int(d.GetValueOrDefault("missed")));
    }

    public ValueTask DisposeAsync()
    {
        DisposeSubscriptions();
        _loadLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private long NowMillis() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// A new operation id for a script that checks one (<c>opAnswer</c>/<c>opDone</c> in Common.lua): made once per
    /// call of the store method, so the resilience pipeline's retries after a timeout send the same id.
    /// </summary>
    internal static string NewOperationId() => Guid.NewGuid().ToString("N");

    private async Task<AcdCommandResult> CommandAsync(AcdScript script, string[] args, CancellationToken cancellationToken)
    {
        var result = await EvalAsync(script, args, cancellationToken).ConfigureAwait(false);
        return (AcdCommandResult)(int)result;
    }

    private async Task<RedisResult> EvalAsync(AcdScript script, string[] args, CancellationToken cancellationToken)
    {
        await EnsureScriptsLoadedAsync(cancellationToken).ConfigureAwait(false);
        var values = new RedisValue[args.Length + 3];
        values[0] = _prefix;
        values[1] = NowMillis();
        values[2] = Options.EventStreamMaxLength.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < args.Length; i++)
        {
            values[i + 3] = args[i];
        }

        return await RunAsync(token => _redis.GetDatabase().ScriptEvaluateAsync(script.Text, _keys, values).WaitAsync(token), cancellationToken, "EVALSHA " + script.Name).ConfigureAwait(false);
    }

    private async Task EnsureScriptsLoadedAsync(CancellationToken cancellationToken)
    {
        if (_scriptsLoaded)
        {
            return;
        }

        await _loadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_scriptsLoaded)
            {
                return;
            }

            // SCRIPT LOAD once: StackExchange.Redis remembers the SHA1 and sends EVALSHA from then on
            // (and EVAL again by itself if a restarted server answers NOSCRIPT).
            await RunAsync(async token =>
            {
                foreach (var server in _redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
                {
                    foreach (var script in AcdScripts.All)
                    {
                        await server.ScriptLoadAsync(script.Text).WaitAsync(token).ConfigureAwait(false);
                    }
                }

                return true;
            }, cancellationToken).ConfigureAwait(false);
            _scriptsLoaded = true;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    /// <summary>One store call through the resilience pipeline, traced as <c>Redis &lt;operation&gt;</c> inside a trace.</summary>
    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        using var span = RedisTracing.Start(operation);
        try
        {
            return await _pipeline.ExecuteAsync(async token => await action(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreCalls.IsUnavailable(ex))
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            AcdLog.RedisUnavailable(_logger, ex);
            throw StoreCalls.Unavailable("ACD store", ex);
        }
    }
}
