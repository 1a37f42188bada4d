using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Acd.Live;
using Switchboard.Acd.Store;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Api.Tests.Auth;
using Switchboard.Api.Tests.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Supervisors;

/// <summary>The supervisor API on a real redis-server through the in-process gRPC host.</summary>
public sealed class SupervisorServiceTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly Metadata Sara = ApiTestHost.Bearer(TestTokens.SupervisorKey);
    private ApiTestHost _host = null!;

    private static string KommunYaml => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dialplans", "kommun.yaml"));

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync(redis).DefaultTimeout();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ValidateDialplan_BrokenYaml_InvalidWithProblems()
    {
        var response = await _host.SupervisorClient.ValidateDialplanAsync(new ValidateDialplanRequest { Yaml = "name: [unclosed" }, Sara).ResponseAsync.DefaultTimeout();

        Assert.False(response.Valid);
        Assert.Contains(response.Problems, p => p.Severity == "error");
    }

    [Fact]
    public async Task ValidateDialplan_KommunDialplan_Valid()
    {
        var response = await _host.SupervisorClient.ValidateDialplanAsync(new ValidateDialplanRequest { Yaml = KommunYaml }, Sara).ResponseAsync.DefaultTimeout();

        Assert.True(response.Valid, string.Join("; ", response.Problems.Select(p => $"{p.Line}: {p.Message}")));
    }

    [Fact]
    public async Task ValidateAndPublishDialplan_HundredThousandLevelsAndBillionLaughs_InvalidArgumentWithLineAndColumn()
    {
        var deep = "name: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var laughs = new System.Text.StringBuilder("name: test\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            laughs.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
        }

        var deepValidate = await Assert.ThrowsAsync<RpcException>(() =>
            _host.SupervisorClient.ValidateDialplanAsync(new ValidateDialplanRequest { Yaml = deep }, Sara).ResponseAsync.DefaultTimeout());
        var laughsPublish = await Assert.ThrowsAsync<RpcException>(() =>
            _host.SupervisorClient.PublishDialplanAsync(new PublishDialplanRequest { Yaml = laughs.ToString() }, Sara).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.InvalidArgument, deepValidate.StatusCode);
        Assert.Equal("published.yaml:1:70: input limit: nesting deeper than 64 levels", deepValidate.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, laughsPublish.StatusCode);
        Assert.StartsWith("published.yaml:7:", laughsPublish.Status.Detail, StringComparison.Ordinal);
        var current = await _host.SupervisorClient.GetDialplanAsync(new GetDialplanRequest(), Sara).ResponseAsync.DefaultTimeout();
        Assert.Empty(current.History);
        var stillServing = await _host.SupervisorClient.ValidateDialplanAsync(new ValidateDialplanRequest { Yaml = KommunYaml }, Sara).ResponseAsync.DefaultTimeout();
        Assert.True(stillServing.Valid);
    }

    [Fact]
    public async Task ValidateDialplan_TransferToPremiumNumber_ProblemAtTheActionsLine()
    {
        var yaml = KommunYaml.Replace("      0: queue:vaxel", "      0: transfer:+46900123456", StringComparison.Ordinal);
        var line = yaml[..yaml.IndexOf("transfer:", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var response = await _host.SupervisorClient.ValidateDialplanAsync(new ValidateDialplanRequest { Yaml = yaml }, Sara).ResponseAsync.DefaultTimeout();

        Assert.False(response.Valid);
        var problem = Assert.Single(response.Problems, p => p.Severity == "error");
        Assert.Equal(line, problem.Line);
        Assert.Contains("transfer target refused: number refused (PremiumRate)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishDialplan_InvalidYaml_FailedPreconditionAndNothingStored()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.SupervisorClient.PublishDialplanAsync(new PublishDialplanRequest { Yaml = "name: [unclosed" }, Sara).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var current = await _host.SupervisorClient.GetDialplanAsync(new GetDialplanRequest(), Sara).ResponseAsync.DefaultTimeout();
        Assert.Empty(current.History);
    }

    [Fact]
    public async Task PublishDialplan_TwoVersionsThenRollback_HistoryAuditAndNotification()
    {
        var keys = _host.Services.GetRequiredService<KeySchema>();
        var changes = await redis.Connection.GetSubscriber().SubscribeAsync(keys.LiveChanged).DefaultTimeout();
        var v2Yaml = KommunYaml.Replace("\n", "\n# edited by test\n", StringComparison.Ordinal);

        var v1 = await _host.SupervisorClient.PublishDialplanAsync(new PublishDialplanRequest { Yaml = KommunYaml, Comment = "first" }, Sara).ResponseAsync.DefaultTimeout();
        Assert.Equal($"dialplan:{v1.Version.Sequence}", (await changes.ReadAsync().AsTask().DefaultTimeout()).Message.ToString());
        var v2 = await _host.SupervisorClient.PublishDialplanAsync(new PublishDialplanRequest { Yaml = v2Yaml, Comment = "second", ExpectedCurrentSequence = v1.Version.Sequence }, Sara).ResponseAsync.DefaultTimeout();
        var back = await _host.SupervisorClient.RollbackDialplanAsync(new RollbackDialplanRequest { Sequence = v1.Version.Sequence, Comment = "undo" }, Sara).ResponseAsync.DefaultTimeout();

        Assert.Equal(v1.Version.Sequence + 1, v2.Version.Sequence);
        Assert.Equal("sara", v2.Version.PublishedBy);
        Assert.Equal(v1.Version.Sequence, back.Version.RollbackOf);
        Assert.Equal(v1.Version.ContentHash, back.Version.ContentHash);
        var current = await _host.SupervisorClient.GetDialplanAsync(new GetDialplanRequest(), Sara).ResponseAsync.DefaultTimeout();
        Assert.Equal(KommunYaml, current.Yaml);
        Assert.Equal([back.Version.Sequence, v2.Version.Sequence, v1.Version.Sequence], current.History.Select(h => h.Sequence));
        var audit = await _host.Services.GetRequiredService<AuditStore>().ReadLatestAsync(10).DefaultTimeout();
        Assert.Equal(["dialplan.rollback", "dialplan.publish", "dialplan.publish"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("sara", a.Who));
    }

    [Fact]
    public async Task PublishDialplan_StaleExpectedSequence_FailedPrecondition()
    {
        await _host.SupervisorClient.PublishDialplanAsync(new PublishDialplanRequest { Yaml = KommunYaml }, Sara).ResponseAsync.DefaultTimeout();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.SupervisorClient.PublishDialplanAsync(new PublishDialplanRequest { Yaml = KommunYaml, ExpectedCurrentSequence = 42 }, Sara).ResponseAsync.DefaultTimeout());
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task UpdateOpeningHours_ValidOverride_StoredStampedAndReadBack()
    {
        var hours = new OpeningHours { Lunch = "12:00-13:00", HolidaysClosed = true };
        hours.Weekly.Add(new WeeklyRange { IsoWeekday = 1, Range = "08:00-16:30" });
        hours.Exceptions.Add(new DatedException { Date = "2026-12-23", Closed = true, Note = "Personaldag" });

        await _host.SupervisorClient.UpdateOpeningHoursAsync(new UpdateOpeningHoursRequest { Hours = hours }, Sara).ResponseAsync.DefaultTimeout();
        var read = await _host.SupervisorClient.GetOpeningHoursAsync(new GetOpeningHoursRequest(), Sara).ResponseAsync.DefaultTimeout();

        Assert.Equal("live", read.Source);
        Assert.Equal("sara", read.UpdatedBy);
        Assert.Equal("08:00-16:30", Assert.Single(read.Weekly).Range);
        Assert.Equal("2026-12-23", Assert.Single(read.Exceptions).Date);
    }

    [Theory]
    [InlineData(8, "08:00-16:00", "2026-12-23")]
    [InlineData(1, "16:00-08:00", "2026-12-23")]
    [InlineData(1, "08:00-16:00", "23/12/2026")]
    public async Task UpdateOpeningHours_BadInput_InvalidArgument(int weekday, string range, string date)
    {
        var hours = new OpeningHours();
        hours.Weekly.Add(new WeeklyRange { IsoWeekday = weekday, Range = range });
        hours.Exceptions.Add(new DatedException { Date = date, Closed = true });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.SupervisorClient.UpdateOpeningHoursAsync(new UpdateOpeningHoursRequest { Hours = hours }, Sara).ResponseAsync.DefaultTimeout());
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task GetOpeningHours_NoOverride_DialplanHours()
    {
        await _host.SupervisorClient.PublishDialplanAsync(new PublishDialplanRequest { Yaml = KommunYaml }, Sara).ResponseAsync.DefaultTimeout();

        var read = await _host.SupervisorClient.GetOpeningHoursAsync(new GetOpeningHoursRequest(), Sara).ResponseAsync.DefaultTimeout();

        Assert.Equal("dialplan", read.Source);
        Assert.NotEmpty(read.Weekly);
    }

    [Fact]
    public async Task SetEmergencyMessage_On_StoredAnnouncedAndInSnapshot()
    {
        var settings = _host.Services.GetRequiredService<LiveSettingsStore>();
        var changes = await redis.Connection.GetSubscriber().SubscribeAsync(_host.Services.GetRequiredService<KeySchema>().LiveChanged).DefaultTimeout();
        using var cts = new CancellationTokenSource(TestTimeouts.Default);

        var set = await _host.SupervisorClient.SetEmergencyMessageAsync(new SetEmergencyMessageRequest { Enabled = true, Prompts = { "emergency" } }, Sara).ResponseAsync.DefaultTimeout();

        Assert.Equal(LiveSettingsStore.EmergencyChanged, (await changes.ReadAsync().AsTask().DefaultTimeout()).Message.ToString());
        Assert.True(set.Enabled);
        Assert.Equal("sara", set.UpdatedBy);
        Assert.True((await settings.GetEmergencyAsync().DefaultTimeout()).Enabled);
        using var watch = _host.SupervisorClient.WatchQueues(new WatchQueuesRequest(), Sara, cancellationToken: cts.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cts.Token).DefaultTimeout());
        Assert.True(watch.ResponseStream.Current.EmergencyEnabled);
    }

    [Fact]
    public async Task ListAgentsAndForceAgentState_SignedInAgent_ListedThenSignedOut()
    {
        await _host.Acd.ConfigureQueueAsync(new Acd.Queues.QueueOptions { Name = "bygglov" }).DefaultTimeout();
        await _host.AddAgentAsync("anna", ["bygglov"]).DefaultTimeout();
        await _host.AgentClient.SignInAsync(
            new Agent.V1.SignInRequest(),
            ApiTestHost.Bearer(TestTokens.AnnaKey)).ResponseAsync.DefaultTimeout();

        var listed = await _host.SupervisorClient.ListAgentsAsync(new ListAgentsRequest { Queue = "bygglov" }, Sara).ResponseAsync.DefaultTimeout();
        var forced = await _host.SupervisorClient.ForceAgentStateAsync(new ForceAgentStateRequest { AgentId = "anna", State = AgentState.SignedOut, Reason = "went home" }, Sara).ResponseAsync.DefaultTimeout();
        var after = await _host.SupervisorClient.ListAgentsAsync(new ListAgentsRequest(), Sara).ResponseAsync.DefaultTimeout();

        Assert.Equal(AgentState.Ready, Assert.Single(listed.Agents).State);
        Assert.Equal(AgentState.SignedOut, forced.Agent.State);
        Assert.Empty(after.Agents);
        var audit = await _host.Services.GetRequiredService<AuditStore>().ReadLatestAsync(1).DefaultTimeout();
        Assert.Equal("agent.force", Assert.Single(audit).Action);
    }

    [Fact]
    public async Task WatchQueues_WaitingCaller_CountedWithAgents()
    {
        await _host.Acd.ConfigureQueueAsync(new Acd.Queues.QueueOptions { Name = "socialtjanst" }).DefaultTimeout();
        await _host.Acd.EnqueueAsync(new Acd.Queues.EnqueueRequest("w-1", "socialtjanst", [], "sv", 0, "+4612345")).DefaultTimeout();
        using var cts = new CancellationTokenSource(TestTimeouts.Default);

        using var watch = _host.SupervisorClient.WatchQueues(new WatchQueuesRequest { Queues = { "socialtjanst" } }, Sara, cancellationToken: cts.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cts.Token).DefaultTimeout());

        var queue = Assert.Single(watch.ResponseStream.Current.Queues);
        Assert.Equal("socialtjanst", queue.Queue);
        Assert.Equal(1, queue.Waiting);
    }
}
