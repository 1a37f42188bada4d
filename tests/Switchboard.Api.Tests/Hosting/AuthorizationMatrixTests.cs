using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using Switchboard.Api.Agent.V1;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Api.Tests.Auth;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Hosting;

/// <summary>Every RPC with no credentials, the wrong role, and the allowed role (and, for agents, another agent's id).</summary>
public sealed class AuthorizationMatrixTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private ApiTestHost _host = null!;

    internal delegate Task Rpc(ApiTestHost host, Metadata headers, string agentId);

    public static TheoryData<string> AgentRpcs => [.. AgentCalls.Keys];

    public static TheoryData<string> SupervisorRpcs => [.. SupervisorCalls.Keys];

    private static Dictionary<string, Rpc> AgentCalls { get; } = new()
    {
        ["SignIn"] = (h, m, id) => h.AgentClient.SignInAsync(new SignInRequest { AgentId = id }, m).ResponseAsync,
        ["SignOut"] = (h, m, id) => h.AgentClient.SignOutAsync(new SignOutRequest { AgentId = id }, m).ResponseAsync,
        ["SetState"] = (h, m, id) => h.AgentClient.SetStateAsync(new SetStateRequest { AgentId = id, State = Agent.V1.AgentState.Ready }, m).ResponseAsync,
        ["Events"] = async (h, m, id) =>
        {
            using var call = h.AgentClient.Events(new EventsRequest { AgentId = id }, m);
            await call.ResponseStream.MoveNext(CancellationToken.None);
        },
        ["AcceptOffer"] = (h, m, id) => h.AgentClient.AcceptOfferAsync(new AcceptOfferRequest { AgentId = id, CallId = "c1" }, m).ResponseAsync,
        ["RejectOffer"] = (h, m, id) => h.AgentClient.RejectOfferAsync(new RejectOfferRequest { AgentId = id, CallId = "c1" }, m).ResponseAsync,
        ["HangUp"] = (h, m, id) => h.AgentClient.HangUpAsync(new HangUpRequest { AgentId = id, CallId = "c1" }, m).ResponseAsync,
        ["Transfer"] = (h, m, id) => h.AgentClient.TransferAsync(new TransferRequest { AgentId = id, CallId = "c1", Queue = "q2" }, m).ResponseAsync,
        ["CompleteWrapUp"] = (h, m, id) => h.AgentClient.CompleteWrapUpAsync(new CompleteWrapUpRequest { AgentId = id, Outcome = Outcome.Resolved }, m).ResponseAsync,
        ["GetMyStatistics"] = (h, m, id) => h.AgentClient.GetMyStatisticsAsync(new GetMyStatisticsRequest { AgentId = id }, m).ResponseAsync,
        ["ListCallbacks"] = (h, m, id) => h.AgentClient.ListCallbacksAsync(new Agent.V1.ListCallbacksRequest { AgentId = id }, m).ResponseAsync,
        ["ClaimCallback"] = (h, m, id) => h.AgentClient.ClaimCallbackAsync(new ClaimCallbackRequest { AgentId = id, CallbackId = "cb-1" }, m).ResponseAsync,
        ["CompleteCallback"] = (h, m, id) => h.AgentClient.CompleteCallbackAsync(new CompleteCallbackRequest { AgentId = id, CallbackId = "cb-1", Outcome = Agent.V1.CallbackOutcome.Completed }, m).ResponseAsync,
        ["CancelCallback"] = (h, m, id) => h.AgentClient.CancelCallbackAsync(new Agent.V1.CancelCallbackRequest { AgentId = id, CallbackId = "cb-1" }, m).ResponseAsync,
    };

    private static Dictionary<string, Rpc> SupervisorCalls { get; } = new()
    {
        ["GetOpeningHours"] = (h, m, _) => h.SupervisorClient.GetOpeningHoursAsync(new GetOpeningHoursRequest(), m).ResponseAsync,
        ["UpdateOpeningHours"] = (h, m, _) => h.SupervisorClient.UpdateOpeningHoursAsync(new UpdateOpeningHoursRequest { ClearOverride = true }, m).ResponseAsync,
        ["SetEmergencyMessage"] = (h, m, _) => h.SupervisorClient.SetEmergencyMessageAsync(new SetEmergencyMessageRequest { Enabled = false }, m).ResponseAsync,
        ["GetDialplan"] = (h, m, _) => h.SupervisorClient.GetDialplanAsync(new GetDialplanRequest(), m).ResponseAsync,
        ["ValidateDialplan"] = (h, m, _) => h.SupervisorClient.ValidateDialplanAsync(new ValidateDialplanRequest { Yaml = "name: x" }, m).ResponseAsync,
        ["PublishDialplan"] = (h, m, _) => h.SupervisorClient.PublishDialplanAsync(new PublishDialplanRequest { Yaml = "name: x" }, m).ResponseAsync,
        ["RollbackDialplan"] = (h, m, _) => h.SupervisorClient.RollbackDialplanAsync(new RollbackDialplanRequest { Sequence = 99 }, m).ResponseAsync,
        ["ListAgents"] = (h, m, _) => h.SupervisorClient.ListAgentsAsync(new ListAgentsRequest(), m).ResponseAsync,
        ["ForceAgentState"] = (h, m, _) => h.SupervisorClient.ForceAgentStateAsync(new ForceAgentStateRequest { AgentId = "anna", State = Supervisor.V1.AgentState.SignedOut }, m).ResponseAsync,
        ["ListCallbacks"] = (h, m, _) => h.SupervisorClient.ListCallbacksAsync(new Supervisor.V1.ListCallbacksRequest(), m).ResponseAsync,
        ["CancelCallback"] = (h, m, _) => h.SupervisorClient.CancelCallbackAsync(new Supervisor.V1.CancelCallbackRequest { CallbackId = "cb-1" }, m).ResponseAsync,
        ["CreateAgent"] = (h, m, _) => h.SupervisorClient.CreateAgentAsync(new CreateAgentRequest { Agent = new DirectoryAgent { AgentId = "x" } }, m).ResponseAsync,
        ["UpdateAgent"] = (h, m, _) => h.SupervisorClient.UpdateAgentAsync(new UpdateAgentRequest { Agent = new DirectoryAgent { AgentId = "x" } }, m).ResponseAsync,
        ["DisableAgent"] = (h, m, _) => h.SupervisorClient.DisableAgentAsync(new DisableAgentRequest { AgentId = "x" }, m).ResponseAsync,
        ["ListDirectoryAgents"] = (h, m, _) => h.SupervisorClient.ListDirectoryAgentsAsync(new ListDirectoryAgentsRequest(), m).ResponseAsync,
        ["GetDirectoryAgent"] = (h, m, _) => h.SupervisorClient.GetDirectoryAgentAsync(new GetDirectoryAgentRequest { AgentId = "x" }, m).ResponseAsync,
        ["GetOpeningCalendar"] = (h, m, _) => h.SupervisorClient.GetOpeningCalendarAsync(new GetOpeningCalendarRequest { Days = 1 }, m).ResponseAsync,
        ["GetEmergencyMessage"] = (h, m, _) => h.SupervisorClient.GetEmergencyMessageAsync(new GetEmergencyMessageRequest(), m).ResponseAsync,
        ["SimulateDialplan"] = (h, m, _) => h.SupervisorClient.SimulateDialplanAsync(new SimulateDialplanRequest { Digits = "1" }, m).ResponseAsync,
        ["ListAuditEntries"] = (h, m, _) => h.SupervisorClient.ListAuditEntriesAsync(new ListAuditEntriesRequest(), m).ResponseAsync,
        ["WatchQueues"] = async (h, m, _) =>
        {
            using var call = h.SupervisorClient.WatchQueues(new WatchQueuesRequest { Interval = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) }, m);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        },
        ["GetQueueReport"] = (h, m, _) => h.SupervisorClient.GetQueueReportAsync(new GetQueueReportRequest { From = Timestamp.FromDateTimeOffset(h.Time.GetUtcNow().AddDays(-1)), To = Timestamp.FromDateTimeOffset(h.Time.GetUtcNow()), Grouping = ReportGrouping.Hour }, m).ResponseAsync,
        ["GetAgentReport"] = (h, m, _) => h.SupervisorClient.GetAgentReportAsync(new GetAgentReportRequest { From = Timestamp.FromDateTimeOffset(h.Time.GetUtcNow().AddDays(-1)), To = Timestamp.FromDateTimeOffset(h.Time.GetUtcNow()) }, m).ResponseAsync,
        ["WatchStatistics"] = async (h, m, _) =>
        {
            using var call = h.SupervisorClient.WatchStatistics(new WatchStatisticsRequest { Interval = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) }, m);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        },
    };

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync(redis).DefaultTimeout();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(AgentRpcs))]
    public async Task AgentRpc_NoCredentials_Unauthenticated(string rpc) =>
        await AssertStatusAsync(StatusCode.Unauthenticated, AgentCalls[rpc](_host, [], ""));

    [Theory]
    [MemberData(nameof(AgentRpcs))]
    public async Task AgentRpc_BadToken_Unauthenticated(string rpc) =>
        await AssertStatusAsync(StatusCode.Unauthenticated, AgentCalls[rpc](_host, ApiTestHost.Bearer("not-a-valid-token-123456"), ""));

    [Theory]
    [MemberData(nameof(AgentRpcs))]
    public async Task AgentRpc_SupervisorRole_PermissionDenied(string rpc) =>
        await AssertStatusAsync(StatusCode.PermissionDenied, AgentCalls[rpc](_host, ApiTestHost.Bearer(TestTokens.SupervisorKey), ""));

    [Theory]
    [MemberData(nameof(AgentRpcs))]
    public async Task AgentRpc_OtherAgentsId_PermissionDenied(string rpc) =>
        await AssertStatusAsync(StatusCode.PermissionDenied, AgentCalls[rpc](_host, ApiTestHost.Bearer(TestTokens.BoKey), "anna"));

    [Theory]
    [MemberData(nameof(AgentRpcs))]
    public async Task AgentRpc_OwnAgent_PassesAuthorisation(string rpc) =>
        await AssertAuthorisedAsync(AgentCalls[rpc](_host, ApiTestHost.Bearer(TestTokens.AnnaKey), "anna"));

    [Theory]
    [MemberData(nameof(AgentRpcs))]
    public async Task AgentRpc_OwnAgentByJwt_PassesAuthorisation(string rpc) =>
        await AssertAuthorisedAsync(AgentCalls[rpc](_host, ApiTestHost.Bearer(TestTokens.Jwt("anna", "agent", _host.Time.GetUtcNow())), ""));

    [Theory]
    [MemberData(nameof(SupervisorRpcs))]
    public async Task SupervisorRpc_NoCredentials_Unauthenticated(string rpc) =>
        await AssertStatusAsync(StatusCode.Unauthenticated, SupervisorCalls[rpc](_host, [], ""));

    [Theory]
    [MemberData(nameof(SupervisorRpcs))]
    public async Task SupervisorRpc_AgentRole_PermissionDenied(string rpc) =>
        await AssertStatusAsync(StatusCode.PermissionDenied, SupervisorCalls[rpc](_host, ApiTestHost.Bearer(TestTokens.AnnaKey), ""));

    [Theory]
    [MemberData(nameof(SupervisorRpcs))]
    public async Task SupervisorRpc_SupervisorRole_PassesAuthorisation(string rpc) =>
        await AssertAuthorisedAsync(SupervisorCalls[rpc](_host, ApiTestHost.Bearer(TestTokens.SupervisorKey), ""));

    [Fact]
    public async Task HealthCheck_NoCredentials_Serving()
    {
        var response = await new Health.HealthClient(_host.Channel).CheckAsync(new HealthCheckRequest()).ResponseAsync.DefaultTimeout();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    private static async Task AssertStatusAsync(StatusCode expected, Task call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call.DefaultTimeout());
        Assert.Equal(expected, error.StatusCode);
    }

    private static async Task AssertAuthorisedAsync(Task call)
    {
        try
        {
            await call.DefaultTimeout();
        }
        catch (RpcException error)
        {
            // The call may fail for domain reasons (no such call, wrong state), never for authentication or authorisation.
            Assert.NotEqual(StatusCode.Unauthenticated, error.StatusCode);
            Assert.NotEqual(StatusCode.PermissionDenied, error.StatusCode);
            Assert.NotEqual(StatusCode.Internal, error.StatusCode);
            Assert.NotEqual(StatusCode.Unknown, error.StatusCode);
        }
    }
}
