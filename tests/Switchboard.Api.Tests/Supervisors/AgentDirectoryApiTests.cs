using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Acd.Directory;
using Switchboard.Acd.Live;
using Switchboard.Acd.Queues;
using Switchboard.Api.Agent.V1;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Api.Tests.Auth;
using Switchboard.Api.Tests.Hosting;
using Switchboard.TestSupport;
using DirectoryAgent = Switchboard.Api.Supervisor.V1.DirectoryAgent;

namespace Switchboard.Api.Tests.Supervisors;

/// <summary>The supervisor's agent directory RPCs and how sign-in, routing and callbacks follow them, on a real redis-server.</summary>
public sealed class AgentDirectoryApiTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly Metadata Sara = ApiTestHost.Bearer(TestTokens.SupervisorKey);
    private static readonly Metadata Anna = ApiTestHost.Bearer(TestTokens.AnnaKey);
    private ApiTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiTestHost.StartAsync(redis).DefaultTimeout();
        await _host.Acd.ConfigureQueueAsync(new QueueOptions { Name = "bsu" }).DefaultTimeout();
        await _host.Acd.ConfigureQueueAsync(new QueueOptions { Name = "bygglov" }).DefaultTimeout();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CreateAgent_NewAgent_StoredWithHa1OnlyAndAudited()
    {
        var created = await CreateAnnaAsync().DefaultTimeout();

        Assert.Equal(1, created.Version);
        Assert.True(created.PhonePasswordSet);
        Assert.Equal("sara", created.UpdatedBy);
        var stored = await _host.Services.GetRequiredService<DirectoryStore>().GetAsync("anna").DefaultTimeout();
        Assert.Equal(PhoneSecret.FromPassword("anna", "switchboard", "anna-phone-pw"), stored!.PhoneSecret);
        var raw = await redis.Connection.GetDatabase().HashGetAsync(_host.Acd.Keys.DirectoryAgent("anna"), "json").DefaultTimeout();
        Assert.DoesNotContain("anna-phone-pw", raw.ToString(), StringComparison.Ordinal);
        var audit = Assert.Single(await _host.Services.GetRequiredService<AuditStore>().ReadLatestAsync(1).DefaultTimeout());
        Assert.Equal(("sara", "agent.create"), (audit.Who, audit.Action));
        Assert.Contains("skills bsu:5", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("anna-phone-pw", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAgent_IdOrPhoneTaken_AlreadyExists()
    {
        await CreateAnnaAsync().DefaultTimeout();

        var sameId = await Assert.ThrowsAsync<RpcException>(() => CreateAnnaAsync()).DefaultTimeout();
        var samePhone = await Assert.ThrowsAsync<RpcException>(() => _host.SupervisorClient.CreateAgentAsync(
            new CreateAgentRequest { Agent = Entry("bo", "anna"), PhonePassword = "bo-phone-pw1" }, Sara).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.AlreadyExists, sameId.StatusCode);
        Assert.Equal(StatusCode.AlreadyExists, samePhone.StatusCode);
        Assert.Contains("phone account 'anna'", samePhone.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anna", "anna", "short")]
    [InlineData("anna", "anna@evil", "anna-phone-pw")]
    [InlineData("anna", "+46900;user=phone", "anna-phone-pw")]
    [InlineData("an:na", "anna", "anna-phone-pw")]
    [InlineData("anna", "anna", "")]
    public async Task CreateAgent_BadInput_InvalidArgumentAndNothingStored(string id, string phoneUser, string password)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.SupervisorClient.CreateAgentAsync(
            new CreateAgentRequest { Agent = Entry(id, phoneUser), PhonePassword = password }, Sara).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Empty((await _host.SupervisorClient.ListDirectoryAgentsAsync(new ListDirectoryAgentsRequest { IncludeDisabled = true }, Sara)).Agents);
    }

    [Fact]
    public async Task UpdateAgent_SignedInAgentsLevel_NextRoutingUsesTheNewLevelWithoutSigningInAgain()
    {
        var created = await CreateAnnaAsync().DefaultTimeout();
        await _host.AgentClient.SignInAsync(new SignInRequest { Queues = { "bsu" } }, Anna).ResponseAsync.DefaultTimeout();
        var changed = created.Clone();
        changed.Skills.Clear();
        changed.Skills.Add(new DirectorySkill { Name = "bsu", Level = 9 });
        changed.Queues.Add("bygglov");

        var updated = await _host.SupervisorClient.UpdateAgentAsync(new UpdateAgentRequest { Agent = changed, ExpectedVersion = 1 }, Sara).ResponseAsync.DefaultTimeout();

        Assert.Equal(2, updated.Version);
        var live = await _host.Acd.GetAgentAsync("anna").DefaultTimeout();
        Assert.Equal(9, Assert.Single(live!.Agent.Skills).Level);
        Assert.Equal(["bsu"], live.Agent.Queues); // still narrowed to what she chose at sign-in
        Assert.Equal(Acd.Agents.AgentState.Ready, live.State);
        var audit = Assert.Single(await _host.Services.GetRequiredService<AuditStore>().ReadLatestAsync(1).DefaultTimeout());
        Assert.Equal("agent.update", audit.Action);
        Assert.Contains("skills bsu:5 -> bsu:9", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAgent_StaleVersion_FailedPreconditionAndUnchanged()
    {
        var created = await CreateAnnaAsync().DefaultTimeout();
        created.DisplayName = "Anna A.";
        await _host.SupervisorClient.UpdateAgentAsync(new UpdateAgentRequest { Agent = created, ExpectedVersion = 1 }, Sara).ResponseAsync.DefaultTimeout();
        created.DisplayName = "Someone else";

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.SupervisorClient.UpdateAgentAsync(new UpdateAgentRequest { Agent = created, ExpectedVersion = 1 }, Sara).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("Anna A.", (await _host.SupervisorClient.GetDirectoryAgentAsync(new GetDirectoryAgentRequest { AgentId = "anna" }, Sara)).DisplayName);
    }

    [Fact]
    public async Task UpdateAgent_NewPhoneUserWithoutPassword_InvalidArgument()
    {
        var created = await CreateAnnaAsync().DefaultTimeout();
        created.PhoneUser = "anna2";

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.SupervisorClient.UpdateAgentAsync(new UpdateAgentRequest { Agent = created }, Sara).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task DisableAgent_SignedInReadyAgent_SignedOutAndRefusedNextTime()
    {
        await CreateAnnaAsync().DefaultTimeout();
        await _host.AgentClient.SignInAsync(new SignInRequest(), Anna).ResponseAsync.DefaultTimeout();

        var disabled = await _host.SupervisorClient.DisableAgentAsync(new DisableAgentRequest { AgentId = "anna", Reason = "left" }, Sara).ResponseAsync.DefaultTimeout();

        Assert.False(disabled.Enabled);
        var live = await _host.Acd.GetAgentAsync("anna").DefaultTimeout();
        Assert.Equal(Acd.Agents.AgentState.LoggedOut, live!.State);
        Assert.Empty(live.Agent.Queues);
        var again = await Assert.ThrowsAsync<RpcException>(() => _host.AgentClient.SignInAsync(new SignInRequest(), Anna).ResponseAsync).DefaultTimeout();
        Assert.Equal(StatusCode.PermissionDenied, again.StatusCode);
        var callbacks = await Assert.ThrowsAsync<RpcException>(() => _host.AgentClient.ListCallbacksAsync(new Agent.V1.ListCallbacksRequest(), Anna).ResponseAsync).DefaultTimeout();
        Assert.Equal(StatusCode.PermissionDenied, callbacks.StatusCode);
        Assert.Equal("agent.disable", Assert.Single(await _host.Services.GetRequiredService<AuditStore>().ReadLatestAsync(1).DefaultTimeout()).Action);
        Assert.Null(await _host.Services.GetRequiredService<DirectoryStore>().FindPhoneAsync("anna").DefaultTimeout() is { Enabled: true } ? "enabled" : null);
    }

    [Fact]
    public async Task ListDirectoryAgents_QueueFilterAndDisabled_OrderedById()
    {
        await _host.SupervisorClient.CreateAgentAsync(new CreateAgentRequest { Agent = Entry("cecilia", "cecilia", "bygglov"), PhonePassword = "cecilia-phone-pw" }, Sara).ResponseAsync.DefaultTimeout();
        await CreateAnnaAsync().DefaultTimeout();
        await _host.SupervisorClient.CreateAgentAsync(new CreateAgentRequest { Agent = Entry("bo", "bo"), PhonePassword = "bo-phone-pw1" }, Sara).ResponseAsync.DefaultTimeout();
        await _host.SupervisorClient.DisableAgentAsync(new DisableAgentRequest { AgentId = "bo" }, Sara).ResponseAsync.DefaultTimeout();

        var enabled = await _host.SupervisorClient.ListDirectoryAgentsAsync(new ListDirectoryAgentsRequest(), Sara).ResponseAsync.DefaultTimeout();
        var all = await _host.SupervisorClient.ListDirectoryAgentsAsync(new ListDirectoryAgentsRequest { IncludeDisabled = true }, Sara).ResponseAsync.DefaultTimeout();
        var bsu = await _host.SupervisorClient.ListDirectoryAgentsAsync(new ListDirectoryAgentsRequest { Queue = "bsu", IncludeDisabled = true }, Sara).ResponseAsync.DefaultTimeout();

        Assert.Equal(["anna", "cecilia"], enabled.Agents.Select(a => a.AgentId));
        Assert.Equal(["anna", "bo", "cecilia"], all.Agents.Select(a => a.AgentId));
        Assert.Equal(["anna", "bo"], bsu.Agents.Select(a => a.AgentId));
    }

    [Fact]
    public async Task GetDirectoryAgent_Unknown_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.SupervisorClient.GetDirectoryAgentAsync(new GetDirectoryAgentRequest { AgentId = "nobody" }, Sara).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private Task<DirectoryAgent> CreateAnnaAsync() =>
        _host.SupervisorClient.CreateAgentAsync(new CreateAgentRequest { Agent = Entry("anna", "anna"), PhonePassword = "anna-phone-pw" }, Sara).ResponseAsync;

    private static DirectoryAgent Entry(string id, string phoneUser, string queue = "bsu") => new()
    {
        AgentId = id,
        DisplayName = id,
        PhoneUser = phoneUser,
        Queues = { queue },
        Skills = { new DirectorySkill { Name = queue, Level = 5 } },
        Languages = { "sv" },
        Enabled = true,
    };
}
