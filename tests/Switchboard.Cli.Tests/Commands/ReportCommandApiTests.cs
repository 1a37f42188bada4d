using StackExchange.Redis;
using Switchboard.Cli.Tests.Agent;
using Switchboard.TestSupport;

namespace Switchboard.Cli.Tests.Commands;

/// <summary><c>sbctl report --url --token</c>: the same table through the supervisor API's GetQueueReport.</summary>
public sealed class ReportCommandApiTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    // 2026-05-04 08:00 Stockholm (summer time) = 06:00 UTC.
    private const long Eight = 1_777_874_400_000;
    private CliApiHost _host = null!;

    public async Task InitializeAsync() => _host = await CliApiHost.StartAsync(redis);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Report_ThroughApi_SameFiguresAsFromRedis()
    {
        var key = _host.Acd.EventStreamKey;
        var db = redis.Connection.GetDatabase();
        await AddAsync(db, key, "enqueued", Eight, "c1", "vaxel", ("kind", "Call"), ("caller_hash", "h1")).DefaultTimeout();
        await AddAsync(db, key, "answered", Eight + 30_000, "c1", "vaxel", ("wait", "30000")).DefaultTimeout();
        await AddAsync(db, key, "transfer_not_answered", Eight + 60_000, "c1", "vaxel").DefaultTimeout();
        await AddAsync(db, key, "ended", Eight + 150_000, "c1", "vaxel", ("handle", "120000")).DefaultTimeout();
        await AddAsync(db, key, "enqueued", Eight + 60_000, "c2", "vaxel", ("kind", "Call"), ("caller_hash", "h1")).DefaultTimeout();
        await AddAsync(db, key, "abandoned", Eight + 150_000, "c2", "vaxel", ("wait", "90000")).DefaultTimeout();

        var api = await CliApiHost.SbctlAsync("report", "--from", "2026-05-04", "--by", "hour", "--csv", "--url", _host.Url.ToString(), "--token", CliApiHost.SupervisorToken);
        var direct = await CliApiHost.SbctlAsync("report", "--from", "2026-05-04", "--by", "hour", "--csv", "--redis", redis.Configuration, "--tenant", _host.Acd.Options.Tenant);

        Assert.True(api.ExitCode == 0, api.Error);
        Assert.Contains("vaxel,2026-05-04 08:00,2,1,1,0,0,100.0%,50.0%,30,60,90,120,0,0,0,0,-,1,0,0,1", api.Output, StringComparison.Ordinal);
        Assert.Equal(direct.Output, api.Output);
    }

    [Fact]
    public async Task Report_ThroughApiWithAgentToken_PermissionDeniedExit1()
    {
        var (code, _, error) = await CliApiHost.SbctlAsync("report", "--from", "2026-05-04", "--url", _host.Url.ToString(), "--token", CliApiHost.AnnaToken);

        Assert.Equal(1, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    private static Task AddAsync(IDatabase db, string key, string type, long at, string call, string queue, params (string Name, string Value)[] fields) =>
        db.StreamAddAsync(key, [new("type", type), new("at", at), new("call", call), new("queue", queue), .. fields.Select(f => new NameValueEntry(f.Name, f.Value))]);
}
