using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Switchboard.Api.Agent.V1;
using Switchboard.TestSupport;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// anna, an agent of BBMT (key 2 in transfers-callbacks.yaml), in a cluster: created in the agent directory by a
/// supervisor over the API, signed in with a client that knows every node, her baresip phone registered through
/// Kamailio; and one caller she takes from offer to hang-up. Shared by the cluster and compose tests.
/// </summary>
internal static class AgentSteps
{
    public const string AgentId = "anna";
    private const string AgentToken = "agent-token-anna-0123456789";
    private const string AgentPassword = "anna-secret-pw";
    private const string SupervisorToken = "supervisor-token-0123456789";
    private static readonly TimeSpan AgentTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The nodes' API tokens: anna (agent) and sara (supervisor).</summary>
    public static IReadOnlyDictionary<string, string> ApiTokens { get; } = new Dictionary<string, string>
    {
        ["Api__Tokens__0__Token"] = AgentToken,
        ["Api__Tokens__0__Subject"] = AgentId,
        ["Api__Tokens__0__Role"] = "agent",
        ["Api__Tokens__1__Token"] = SupervisorToken,
        ["Api__Tokens__1__Subject"] = "sara",
        ["Api__Tokens__1__Role"] = "supervisor",
    };

    /// <summary>
    /// The supervisor puts anna in the agent directory (BBMT, level 5; phone account anna) on the last node, and anna signs in
    /// on the first with a client that knows them all, her event stream open there.
    /// </summary>
    public static Task<ClusterAgent> SignInAsync(IReadOnlyList<Uri> apiUrls) => SignInAsync(apiUrls, AgentId, AgentToken, AgentPassword);

    /// <summary>The same for another BBMT agent of the directory (its token among the nodes' <c>Api:Tokens</c>).</summary>
    public static async Task<ClusterAgent> SignInAsync(IReadOnlyList<Uri> apiUrls, string agentId, string token, string password)
    {
        using (var channel = GrpcChannel.ForAddress(apiUrls[^1]))
        {
            var supervisor = new Api.Supervisor.V1.SupervisorService.SupervisorServiceClient(channel);
            var entry = new Api.Supervisor.V1.DirectoryAgent
            {
                AgentId = agentId,
                DisplayName = agentId,
                PhoneUser = agentId,
                Queues = { "bbmt" },
                Skills = { new Api.Supervisor.V1.DirectorySkill { Name = "bbmt", Level = 5 } },
                Languages = { "sv", "en" },
                Enabled = true,
            };
            await supervisor.CreateAgentAsync(new Api.Supervisor.V1.CreateAgentRequest { Agent = entry, PhonePassword = password },
                new Metadata { { "Authorization", "Bearer " + SupervisorToken } }).ResponseAsync.WaitAsync(AgentTimeout);
        }

        var agent = new ClusterAgent(apiUrls, agentId, token);
        await agent.CallAsync((c, h) => c.SignInAsync(new SignInRequest { AgentId = agentId }, h)).WaitAsync(AgentTimeout);
        agent.StartEvents();
        Assert.Equal(1, (await agent.NextAsync(AgentEvent.EventOneofCase.StateChanged, AgentTimeout)).Node); // the first address given
        return agent;
    }

    /// <summary>anna's auto-answering baresip phone, registered with her directory account through Kamailio.</summary>
    public static Task<BaresipPhone> StartPhoneAsync(string proxy) => StartPhoneAsync(proxy, AgentId, AgentPassword);

    /// <summary>An agent's auto-answering baresip phone, registered with its directory account through Kamailio.</summary>
    public static async Task<BaresipPhone> StartPhoneAsync(string proxy, string agentId, string password)
    {
        var phone = await BaresipPhone.StartAsync(new BaresipOptions
        {
            User = agentId,
            AutoAnswer = true,
            Registrar = IPEndPoint.Parse(proxy),
            AuthUser = agentId,
            Password = password,
        }).WaitAsync(AgentTimeout);
        try
        {
            await phone.WaitForEventAsync(BaresipEventType.RegisterOk).WaitAsync(AgentTimeout);
            return phone;
        }
        catch
        {
            await phone.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One caller (agent-caller.xml, key 2: BBMT) through <paramref name="entry"/>; anna is offered the call on her
    /// stream, accepts, her phone answers, the stream says connected; she hangs up (the caller gets the BYE) and ends her
    /// wrap-up. Returns the node her stream was on at the offer and the node the call ran on (ACD event).
    /// <paramref name="fault"/>, if given, is injected at the moment of her AcceptOffer and of her HangUp: awaited just
    /// before each (the fault is in place when it returns), the task it returns is cancelled and awaited right after.
    /// </summary>
    public static async Task<(int AgentNode, string CallNode)> TalkToCallerAsync(
        ClusterAgent agent, BaresipPhone phone, ClusterAcd acd, string entry, string callerAddress, Func<CancellationToken, Task<Task>>? fault = null)
    {
        var phoneEvents = phone.EventCount;
        await using var caller = SippCallers.Start("agent-caller.xml", entry, callerAddress, calls: 1, rate: 1, hold: TimeSpan.Zero);
        var (node, e) = await agent.NextAsync(AgentEvent.EventOneofCase.Offer, AgentTimeout);
        Assert.Equal("bbmt", e.Offer.Queue);
        var callId = e.Offer.CallId;
        await WithFaultAsync(fault, () => agent.CallAsync((c, h) => c.AcceptOfferAsync(new AcceptOfferRequest { AgentId = AgentId, CallId = callId }, h)));
        await phone.WaitForEventAsync(BaresipEventType.CallEstablished, since: phoneEvents).WaitAsync(AgentTimeout);
        Assert.Equal(callId, (await agent.NextAsync(AgentEvent.EventOneofCase.CallConnected, AgentTimeout)).Event.CallConnected.CallId);
        await WithFaultAsync(fault, () => agent.CallAsync((c, h) => c.HangUpAsync(new HangUpRequest { AgentId = AgentId, CallId = callId }, h)));
        var result = await caller.WaitAsync(AgentTimeout);
        Assert.True(result.Successful == 1 && result.Failed == 0, result.ToString());
        await agent.NextAsync(AgentEvent.EventOneofCase.WrapUpStarted, AgentTimeout);
        await agent.CallAsync((c, h) => c.CompleteWrapUpAsync(new CompleteWrapUpRequest { AgentId = AgentId, Outcome = Outcome.Resolved }, h)).WaitAsync(AgentTimeout);

        var enqueued = (await acd.EventsAsync("enqueued")).Single(x => x["call"] == callId);
        return (node, enqueued["node"]);
    }

    private static async Task WithFaultAsync<T>(Func<CancellationToken, Task<Task>>? fault, Func<Task<T>> call)
    {
        using var stop = new CancellationTokenSource();
        var injected = fault is null ? Task.CompletedTask : await fault(stop.Token).WaitAsync(AgentTimeout);
        await call().WaitAsync(AgentTimeout);
        await stop.CancelAsync();
        await injected.WaitAsync(AgentTimeout);
    }
}
