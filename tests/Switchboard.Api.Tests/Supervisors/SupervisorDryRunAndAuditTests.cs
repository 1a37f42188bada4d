using System.Globalization;
using Grpc.Core;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Api.Tests.Auth;
using Switchboard.Api.Tests.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests.Supervisors;

/// <summary>SimulateDialplan (the dry run), ListAuditEntries and the opening hours' round trip, on a real redis-server.</summary>
public sealed class SupervisorDryRunAndAuditTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly Metadata Sara = ApiTestHost.Bearer(TestTokens.SupervisorKey);
    private ApiTestHost _host = null!;

    private static string KommunYaml => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dialplans", "kommun.yaml"));

    private SupervisorService.SupervisorServiceClient Client => _host.SupervisorClient;

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync(redis).DefaultTimeout();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>10:00 local on a Tuesday a few weeks ahead that is neither a holiday nor the day before one.</summary>
    private string WorkingTuesdayAt10()
    {
        var day = DateOnly.FromDateTime(_host.Time.GetUtcNow().UtcDateTime).AddDays(14);
        while (day.DayOfWeek != DayOfWeek.Tuesday || day.Month is 12 or 1 or 4 or 5 or 6)
        {
            day = day.AddDays(1);
        }

        return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T10:00";
    }

    [Fact]
    public async Task SimulateDialplan_DraftKey1OnAWorkingDay_StepsEndQueuedInBsu()
    {
        var at = WorkingTuesdayAt10();

        var result = await Client.SimulateDialplanAsync(new SimulateDialplanRequest { Yaml = KommunYaml, LocalTime = at, Digits = "1" }, Sara).ResponseAsync.DefaultTimeout();

        Assert.Equal("Exempelkommun", result.Dialplan);
        Assert.Equal(at, result.LocalTime);
        Assert.Equal("Europe/Stockholm", result.TimeZone);
        Assert.True(result.Open);
        Assert.Equal("weekly", result.Reason);
        Assert.Equal("queue", result.Outcome);
        Assert.Equal("bsu", result.Queue);
        Assert.StartsWith("call from ", result.Steps[0].Event, StringComparison.Ordinal);
        Assert.Contains(result.Steps[0].Commands, c => c.StartsWith("play greeting", StringComparison.Ordinal));
        Assert.Single(result.Steps, s => s.Event == "key 1");
        Assert.Contains(result.Steps.Last().Commands, c => c.StartsWith("enqueue bsu", StringComparison.Ordinal));
        Assert.Empty(result.UnusedDigits);
        Assert.Empty(result.Note);
    }

    [Fact]
    public async Task SimulateDialplan_LiveWithCrisisAndClosure_FollowsTheLiveSettingsTheDraftDoesNot()
    {
        var at = WorkingTuesdayAt10();
        await Client.PublishDialplanAsync(new PublishDialplanRequest { Yaml = KommunYaml }, Sara).ResponseAsync.DefaultTimeout();
        await Client.SetEmergencyMessageAsync(new SetEmergencyMessageRequest { Enabled = true, Prompts = { "vattenlarm" } }, Sara).ResponseAsync.DefaultTimeout();
        var hours = await Client.GetOpeningHoursAsync(new GetOpeningHoursRequest(), Sara).ResponseAsync.DefaultTimeout();
        hours.Exceptions.Add(new DatedException { Date = at[..10], Closed = true, Note = "Personaldag" });
        await Client.UpdateOpeningHoursAsync(new UpdateOpeningHoursRequest { Hours = hours }, Sara).ResponseAsync.DefaultTimeout();

        var live = await Client.SimulateDialplanAsync(new SimulateDialplanRequest { LocalTime = at, Digits = "1" }, Sara).ResponseAsync.DefaultTimeout();
        var draft = await Client.SimulateDialplanAsync(new SimulateDialplanRequest { Yaml = KommunYaml, LocalTime = at, Digits = "1" }, Sara).ResponseAsync.DefaultTimeout();

        Assert.False(live.Open);
        Assert.Equal("exception", live.Reason);
        Assert.Contains("play vattenlarm closed socialjouren (sv)", live.Steps.SelectMany(s => s.Commands));
        Assert.Contains(live.Steps.SelectMany(s => s.Commands), c => c.StartsWith("play callback_offer_closed", StringComparison.Ordinal));
        Assert.DoesNotContain(live.Steps.SelectMany(s => s.Commands), c => c.StartsWith("enqueue", StringComparison.Ordinal));
        Assert.True(draft.Open);
        Assert.Equal("bsu", draft.Queue);
        Assert.DoesNotContain(draft.Steps.SelectMany(s => s.Commands), c => c.Contains("vattenlarm", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("12a", "", "digits")]
    [InlineData("123456789012345678901234567890123", "", "digits")]
    [InlineData("1", "tomorrow", "local_time")]
    [InlineData("1", "2099-01-01T10:00", "local_time")]
    public async Task SimulateDialplan_OutOfBounds_InvalidArgumentNamingTheField(string digits, string localTime, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.SimulateDialplanAsync(new SimulateDialplanRequest { Yaml = KommunYaml, Digits = digits, LocalTime = localTime }, Sara).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimulateDialplan_BrokenDraftOrNothingPublished_ClearErrors()
    {
        var broken = await Assert.ThrowsAsync<RpcException>(() =>
            Client.SimulateDialplanAsync(new SimulateDialplanRequest { Yaml = KommunYaml.Replace("start: main", "start: nowhere", StringComparison.Ordinal) }, Sara).ResponseAsync.DefaultTimeout());
        var nothing = await Assert.ThrowsAsync<RpcException>(() =>
            Client.SimulateDialplanAsync(new SimulateDialplanRequest(), Sara).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.InvalidArgument, broken.StatusCode);
        Assert.Contains("published.yaml:", broken.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("nowhere", broken.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, nothing.StatusCode);
    }

    [Fact]
    public async Task ListAuditEntries_ThreeKindsOfChange_NewestFirstFilteredAndPaged()
    {
        await Client.PublishDialplanAsync(new PublishDialplanRequest { Yaml = KommunYaml, Comment = "first" }, Sara).ResponseAsync.DefaultTimeout();
        await Client.SetEmergencyMessageAsync(new SetEmergencyMessageRequest { Enabled = true }, Sara).ResponseAsync.DefaultTimeout();
        await Client.UpdateOpeningHoursAsync(new UpdateOpeningHoursRequest { ClearOverride = true }, Sara).ResponseAsync.DefaultTimeout();
        await Client.SetEmergencyMessageAsync(new SetEmergencyMessageRequest { Enabled = false }, Sara).ResponseAsync.DefaultTimeout();

        var all = await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest(), Sara).ResponseAsync.DefaultTimeout();
        var crisis = await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { ActionPrefix = "emergency" }, Sara).ResponseAsync.DefaultTimeout();
        var paged = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Limit = 1, PageToken = token }, Sara).ResponseAsync.DefaultTimeout();
            paged.AddRange(page.Entries.Select(e => e.Action));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 10);

        Assert.Equal(["emergency.set", "hours.clear", "emergency.set", "dialplan.publish"], all.Entries.Select(e => e.Action));
        Assert.All(all.Entries, e => Assert.Equal("sara", e.Who));
        Assert.Contains("enabled=False", all.Entries[0].Details, StringComparison.Ordinal);
        Assert.True(all.Entries[0].At.ToDateTimeOffset() >= all.Entries[^1].At.ToDateTimeOffset());
        Assert.Empty(all.NextPageToken);
        Assert.Equal(["emergency.set", "emergency.set"], crisis.Entries.Select(e => e.Action));
        Assert.Equal(all.Entries.Select(e => e.Action), paged);
    }

    [Theory]
    [InlineData(201, "", "limit")]
    [InlineData(-1, "", "limit")]
    [InlineData(10, "../../etc", "page_token")]
    [InlineData(10, "+", "page_token")]
    public async Task ListAuditEntries_OutOfBounds_InvalidArgument(int limit, string token, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Limit = limit, PageToken = token }, Sara).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateOpeningHours_DialplanHoursSavedBackUnchanged_DayBeforeHolidayHoursKept()
    {
        // Skärtorsdagen 2027 (25 March) is a working day before a holiday (Långfredagen): 08:00-15:00 in kommun.yaml.
        var calendarRequest = new GetOpeningCalendarRequest { From = "2027-03-25", Days = 1 };
        await Client.PublishDialplanAsync(new PublishDialplanRequest { Yaml = KommunYaml }, Sara).ResponseAsync.DefaultTimeout();
        var before = await Client.GetOpeningCalendarAsync(calendarRequest, Sara).ResponseAsync.DefaultTimeout();
        var hours = await Client.GetOpeningHoursAsync(new GetOpeningHoursRequest(), Sara).ResponseAsync.DefaultTimeout();

        await Client.UpdateOpeningHoursAsync(new UpdateOpeningHoursRequest { Hours = hours }, Sara).ResponseAsync.DefaultTimeout();
        var after = await Client.GetOpeningCalendarAsync(calendarRequest, Sara).ResponseAsync.DefaultTimeout();
        var read = await Client.GetOpeningHoursAsync(new GetOpeningHoursRequest(), Sara).ResponseAsync.DefaultTimeout();

        Assert.Equal(["08:00-15:00"], hours.DayBeforeHoliday);
        Assert.Equal("day-before-holiday", before.Days[0].Reason);
        Assert.Equal("live", after.Source);
        Assert.Equal("day-before-holiday", after.Days[0].Reason);
        Assert.Equal(before.Days[0].Open, after.Days[0].Open);
        Assert.Equal(["08:00-15:00"], read.DayBeforeHoliday);
    }
}
