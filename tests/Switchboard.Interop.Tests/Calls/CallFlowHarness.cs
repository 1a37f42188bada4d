using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using StackExchange.Redis;
using Switchboard.Acd.Events;
using Switchboard.Acd.Store;
using Switchboard.Api.Agent.V1;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>
/// A running Switchboard (real process) on the open-around-the-clock fixture dialplan, with its own ACD tenant in the
/// shared test Redis, two agents a supervisor put in the agent directory (anna: bsu level 5; bo: bsu level 5, queues
/// changed by <see cref="SignInSecondAgentAsync"/>), anna's auto-answering baresip phone registered with her directory
/// phone account (playing a tone) and a reader of the ACD event stream.
/// </summary>
internal sealed class CallFlowHarness : IAsyncDisposable
{
    public const string AgentId = "anna";
    public const string AgentToken = "agent-token-anna-0123456789";
    public const string AgentPassword = "anna-secret-pw";
    public const string SupervisorToken = "supervisor-token-0123456789";
    public const string SecondAgentId = "bo";
    public const string SecondAgentToken = "agent-token-bo-0123456789";
    public const string SecondAgentPassword = "bo-secret-pw";
    public const int AgentTone = 1000;
    public const int CallerTone = 440;

    private readonly ConnectionMultiplexer _redis;
    private readonly GrpcChannel _channel;

    private CallFlowHarness(SwitchboardProcess server, BaresipPhone agentPhone, ConnectionMultiplexer redis, AcdStore acd, string tenant)
    {
        Server = server;
        AgentPhone = agentPhone;
        _redis = redis;
        Acd = acd;
        Tenant = tenant;
        _channel = GrpcChannel.ForAddress(server.ApiUrl);
        Agent = new AgentService.AgentServiceClient(_channel);
        Supervisor = new Api.Supervisor.V1.SupervisorService.SupervisorServiceClient(_channel);
    }

    public Api.Supervisor.V1.SupervisorService.SupervisorServiceClient Supervisor { get; }

    public Metadata SupervisorHeaders { get; } = new() { { "Authorization", "Bearer " + SupervisorToken } };

    public static string FixtureDialplan => Path.Combine(RepositoryPaths.Root, "tests", "Switchboard.Interop.Tests", "Calls", "Fixtures", "open-always.yaml");

    public SwitchboardProcess Server { get; }

    public BaresipPhone AgentPhone { get; }

    public AcdStore Acd { get; }

    /// <summary>The test's connection to the server's Redis (for stores the test drives directly).</summary>
    public IConnectionMultiplexer Redis => _redis;

    public string Tenant { get; }

    public AgentService.AgentServiceClient Agent { get; }

    public Metadata AgentHeaders { get; } = new() { { "Authorization", "Bearer " + AgentToken } };

    public string IvrUri => $"sip:ivr@127.0.0.1:{Server.SipPort}";

    /// <summary>The transfers-and-callbacks fixture: bsu offers a callback after 2 s, key 2 leads to bbmt (no_agents: callback).</summary>
    public static string TransfersDialplan => Path.Combine(RepositoryPaths.Root, "tests", "Switchboard.Interop.Tests", "Calls", "Fixtures", "transfers-callbacks.yaml");

    public Metadata SecondAgentHeaders { get; } = new() { { "Authorization", "Bearer " + SecondAgentToken } };

    public static async Task<CallFlowHarness> StartAsync(bool agentAutoAnswer = true, RedisServer? redisServer = null, string? dialplan = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..12];
        var all = new Dictionary<string, string?>
        {
            ["Dialplan:Path"] = dialplan ?? FixtureDialplan,
            ["Acd:Tenant"] = tenant,
            ["Api:Tokens:0:Token"] = AgentToken,
            ["Api:Tokens:0:Subject"] = AgentId,
            ["Api:Tokens:0:Role"] = "agent",
            ["Api:Tokens:1:Token"] = SupervisorToken,
            ["Api:Tokens:1:Subject"] = "sara",
            ["Api:Tokens:1:Role"] = "supervisor",
            ["Api:Tokens:2:Token"] = SecondAgentToken,
            ["Api:Tokens:2:Subject"] = SecondAgentId,
            ["Api:Tokens:2:Role"] = "agent",
            ["Redis:Configuration"] = (redisServer ?? RedisServer.Shared).Configuration,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var server = await SwitchboardProcess.StartAsync(all); // bounded by TestTimeouts.ProcessStart
        BaresipPhone? phone = null;
        try
        {
            await CreateDirectoryAgentsAsync(server);
            phone = await BaresipPhone.StartAsync(new BaresipOptions
            {
                User = AgentId,
                AutoAnswer = agentAutoAnswer,
                SineFrequency = AgentTone,
                Record = true,
                Registrar = server.SipEndPoint,
                AuthUser = AgentId,
                Password = AgentPassword,
            }).DefaultTimeout();
            await phone.WaitForEventAsync(BaresipEventType.RegisterOk).DefaultTimeout();
            var redis = await ConnectionMultiplexer.ConnectAsync((redisServer ?? RedisServer.Shared).Configuration).DefaultTimeout();
            var acd = new AcdStore(redis, new AcdOptions { Tenant = tenant, NodeId = "test-reader" }, TimeProvider.System);
            return new CallFlowHarness(server, phone, redis, acd, tenant);
        }
        catch
        {
            if (phone is not null)
            {
                await phone.DisposeAsync();
            }

            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The supervisor's directory entry of anna (bsu level 5) or bo (bsu level 5), with the phone password.</summary>
    public static Api.Supervisor.V1.DirectoryAgent DirectoryEntry(string agentId, string queue = "bsu", int level = 5) => new()
    {
        AgentId = agentId,
        DisplayName = agentId == AgentId ? "Anna Andersson" : "Bo Berg",
        PhoneUser = agentId,
        Queues = { queue },
        Skills = { new Api.Supervisor.V1.DirectorySkill { Name = queue, Level = level } },
        Languages = { "sv", "en" },
        Enabled = true,
    };

    /// <summary>The supervisor puts anna and bo into the agent directory, each phone account with its password.</summary>
    private static async Task CreateDirectoryAgentsAsync(SwitchboardProcess server)
    {
        using var channel = GrpcChannel.ForAddress(server.ApiUrl);
        var supervisor = new Api.Supervisor.V1.SupervisorService.SupervisorServiceClient(channel);
        var headers = new Metadata { { "Authorization", "Bearer " + SupervisorToken } };
        foreach (var (id, password) in new[] { (AgentId, AgentPassword), (SecondAgentId, SecondAgentPassword) })
        {
            await supervisor.CreateAgentAsync(new Api.Supervisor.V1.CreateAgentRequest { Agent = DirectoryEntry(id), PhonePassword = password }, headers).ResponseAsync.DefaultTimeout();
        }
    }

    /// <summary>Replaces an agent's directory entry as the supervisor (a signed-in agent gets it at the next offer).</summary>
    public async Task<Api.Supervisor.V1.DirectoryAgent> UpdateDirectoryAgentAsync(Api.Supervisor.V1.DirectoryAgent entry) =>
        await Supervisor.UpdateAgentAsync(new Api.Supervisor.V1.UpdateAgentRequest { Agent = entry }, SupervisorHeaders).ResponseAsync.DefaultTimeout();

    /// <summary>Signs anna in with no queue arguments (her directory profile: bsu level 5), ready (or paused).</summary>
    public async Task<AgentStatus> SignInAsync(bool paused = false)
    {
        var request = new SignInRequest
        {
            AgentId = AgentId,
            StartPaused = paused,
            PauseReason = paused ? PauseReason.Meeting : PauseReason.Unspecified,
        };
        var response = await Agent.SignInAsync(request, AgentHeaders).ResponseAsync.DefaultTimeout();
        return response.Status;
    }

    /// <summary>Starts the second agent's (bo) auto-answering phone, registered to the server, playing <paramref name="tone"/>.</summary>
    public async Task<BaresipPhone> StartSecondAgentPhoneAsync(int tone = 1500)
    {
        var phone = await BaresipPhone.StartAsync(new BaresipOptions
        {
            User = SecondAgentId,
            AutoAnswer = true,
            SineFrequency = tone,
            Record = true,
            Registrar = Server.SipEndPoint,
            AuthUser = SecondAgentId,
            Password = SecondAgentPassword,
        }).DefaultTimeout();
        await phone.WaitForEventAsync(BaresipEventType.RegisterOk).DefaultTimeout();
        return phone;
    }

    /// <summary>
    /// The supervisor assigns the second agent (bo) <paramref name="queue"/> at <paramref name="level"/>, then bo signs in,
    /// paused unless <paramref name="ready"/>.
    /// </summary>
    public async Task<AgentStatus> SignInSecondAgentAsync(string queue, bool ready, int level = 5)
    {
        await UpdateDirectoryAgentAsync(DirectoryEntry(SecondAgentId, queue, level));
        var request = new SignInRequest
        {
            AgentId = SecondAgentId,
            StartPaused = !ready,
            PauseReason = ready ? PauseReason.Unspecified : PauseReason.Meeting,
        };
        return (await Agent.SignInAsync(request, SecondAgentHeaders).ResponseAsync.DefaultTimeout()).Status;
    }

    /// <summary>Opens the second agent's event stream.</summary>
    public AsyncServerStreamingCall<AgentEvent> OpenSecondAgentEvents(CancellationToken cancellationToken) =>
        Agent.Events(new EventsRequest { AgentId = SecondAgentId }, SecondAgentHeaders, cancellationToken: cancellationToken);

    /// <summary>Waits until the tenant's ACD stream holds an event matching <paramref name="match"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task<AcdEvent> WaitForAcdEventAsync(Func<AcdEvent, bool> match, TimeSpan timeout) =>
        await FindAcdEventAsync(match, timeout) ?? throw new TimeoutException("no matching event in the ACD stream: " + Describe(await Acd.ReadEventsAsync(null, 1000)));

    /// <summary>
    /// Presses <paramref name="digits"/> until the ACD stream holds a matching event (a key pressed while the IVR cannot
    /// take it yet is dropped), waiting up to 3 s for the event after each press.
    /// </summary>
    public Task<AcdEvent> PressUntilAsync(BaresipPhone caller, string digits, Func<AcdEvent, bool> match, int presses = 12) =>
        PressUntilAsync(caller, digits, events => events.FirstOrDefault(match), presses);

    private async Task<AcdEvent> PressUntilAsync(BaresipPhone caller, string digits, Func<IReadOnlyList<AcdEvent>, AcdEvent?> pick, int presses = 12)
    {
        ArgumentNullException.ThrowIfNull(caller);
        for (var i = 0; i < presses; i++)
        {
            await caller.SendDtmfAsync(digits).DefaultTimeout();
            if (await FindAcdEventAsync(pick, TimeSpan.FromSeconds(3)) is { } found)
            {
                return found;
            }
        }

        throw new TimeoutException($"{presses} presses of {digits} never led to the expected ACD event: " + Describe(await Acd.ReadEventsAsync(null, 1000)));
    }

    private Task<AcdEvent?> FindAcdEventAsync(Func<AcdEvent, bool> match, TimeSpan timeout) =>
        FindAcdEventAsync(events => events.FirstOrDefault(match), timeout);

    private async Task<AcdEvent?> FindAcdEventAsync(Func<IReadOnlyList<AcdEvent>, AcdEvent?> pick, TimeSpan timeout)
    {
        var (_, found) = await Eventually.TryUntilAsync(async () => pick(await Acd.ReadEventsAsync(null, 1000).DefaultTimeout()), found => found is not null, timeout);
        return found;
    }

    /// <summary>
    /// A handläggare: SIPp answering one call on the trunk address and echoing RTP (the caller hears their own tone back),
    /// listening once this returns.
    /// </summary>
    public static async Task<SippProcess> StartHandlaggareAsync(TimeSpan timeout)
    {
        var handlaggare = SippRunner.Start(new SippOptions
        {
            Scenario = "uas",
            Calls = 1,
            RtpEcho = true,
            MediaPort = LoopbackPorts.FreeUdpAndTcp(),
            Timeout = timeout,
        });
        await handlaggare.WaitUntilListeningAsync().DefaultTimeout();
        return handlaggare;
    }

    /// <summary>Opens the agent's event stream.</summary>
    public AsyncServerStreamingCall<AgentEvent> OpenEvents(CancellationToken cancellationToken) =>
        Agent.Events(new EventsRequest { AgentId = AgentId }, AgentHeaders, cancellationToken: cancellationToken);

    /// <summary>
    /// The caller dials the IVR and presses 1 (bsu); the agent accepts the offer over gRPC, the agent's phone answers and
    /// the stream reports CallConnected. Returns the offer.
    /// </summary>
    public async Task<Offer> ConnectCallerToAgentAsync(BaresipPhone caller, AsyncServerStreamingCall<AgentEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(events);
        await caller.DialAsync(IvrUri).DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();

        // A key pressed before the node has taken the ACK (busy CI) reaches no media session yet: press until this call
        // is queued (a further 1 while queued in bsu is ignored).
        var queuedBefore = (await Acd.ReadEventsAsync(null, 1000).DefaultTimeout()).Count(e => e.Type == AcdEventType.Enqueued);
        await PressUntilAsync(caller, "1", all => all.Where(e => e.Type == AcdEventType.Enqueued).Skip(queuedBefore).FirstOrDefault());
        var offer = (await NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.Offer, cancellationToken).DefaultTimeout()).Offer;
        await Agent.AcceptOfferAsync(new AcceptOfferRequest { AgentId = AgentId, CallId = offer.CallId }, AgentHeaders).ResponseAsync.DefaultTimeout();
        await AgentPhone.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await NextAsync(events.ResponseStream, AgentEvent.EventOneofCase.CallConnected, cancellationToken).DefaultTimeout();
        return offer;
    }

    /// <summary>Reads agent events until one matches.</summary>
    public static async Task<AgentEvent> NextAsync(IAsyncStreamReader<AgentEvent> events, AgentEvent.EventOneofCase kind, CancellationToken cancellationToken = default)
    {
        while (await events.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            if (events.Current.EventCase == kind)
            {
                return events.Current;
            }
        }

        throw new InvalidOperationException($"the agent event stream ended before {kind}");
    }

    /// <summary>Reads the stream until one event of each kind was seen, in any order (the ACD's and the call flow's events interleave).</summary>
    public static async Task<Dictionary<AgentEvent.EventOneofCase, AgentEvent>> ReadUntilAllAsync(
        AsyncServerStreamingCall<AgentEvent> events, CancellationToken cancellationToken, params AgentEvent.EventOneofCase[] kinds)
    {
        ArgumentNullException.ThrowIfNull(events);
        var seen = new Dictionary<AgentEvent.EventOneofCase, AgentEvent>();
        while (!kinds.All(seen.ContainsKey) && await events.ResponseStream.MoveNext(cancellationToken))
        {
            var e = events.ResponseStream.Current;
            if (kinds.Contains(e.EventCase))
            {
                seen.TryAdd(e.EventCase, e);
            }
        }

        return kinds.All(seen.ContainsKey) ? seen : throw new InvalidOperationException("the agent event stream ended early");
    }

    /// <summary>The types in the ACD event stream for one call, oldest first.</summary>
    public async Task<IReadOnlyList<AcdEvent>> CallEventsAsync(string callId)
    {
        // The call's own events, plus the agent's wrap-up end (which belongs to the agent, not the call).
        var all = await Acd.ReadEventsAsync(null, 10_000).DefaultTimeout();
        return [.. all.Where(e => e.CallId == callId || (e.Type == AcdEventType.WrapUpEnded && e.AgentId == AgentId))];
    }

    /// <summary>Waits until the ACD stream holds an event of <paramref name="type"/> for the call.</summary>
    public async Task<IReadOnlyList<AcdEvent>> WaitForCallEventAsync(string callId, AcdEventType type, TimeSpan timeout) =>
        (await Eventually.TryUntilAsync(() => CallEventsAsync(callId), events => events.Any(e => e.Type == type), timeout)).Last;

    public string Describe(IEnumerable<AcdEvent> events) =>
        string.Join(", ", events.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Type}({e.AgentId})")));

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await Acd.DisposeAsync();
        await _redis.DisposeAsync();
        await AgentPhone.DisposeAsync();
        await Server.DisposeAsync();
    }
}
