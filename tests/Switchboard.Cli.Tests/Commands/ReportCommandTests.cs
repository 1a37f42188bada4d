using StackExchange.Redis;
using Switchboard.TestSupport;

namespace Switchboard.Cli.Tests.Commands;

public sealed class ReportCommandTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    // 2026-05-04 08:00 Stockholm (summer time) = 06:00 UTC.
    private const long Eight = 1_777_874_400_000;

    [Fact]
    public async Task Report_ByDayTableAndCsv_ShowsQueueFigures()
    {
        var tenant = RedisServerFixture.NewKeyPrefix();
        var key = "sb:{" + tenant + "}:events";
        var db = redis.Connection.GetDatabase();
        await AddAsync(db, key, "enqueued", Eight, "c1", "vaxel", ("kind", "Call"), ("caller", "+46701234567")).DefaultTimeout();
        await AddAsync(db, key, "answered", Eight + 30_000, "c1", "vaxel", ("wait", "30000")).DefaultTimeout();
        await AddAsync(db, key, "ended", Eight + 150_000, "c1", "vaxel", ("handle", "120000")).DefaultTimeout();
        await AddAsync(db, key, "enqueued", Eight + 60_000, "c2", "vaxel", ("kind", "Call"), ("caller", "+46701234567")).DefaultTimeout();
        await AddAsync(db, key, "abandoned", Eight + 150_000, "c2", "vaxel", ("wait", "90000")).DefaultTimeout();
        await AddAsync(db, key, "enqueued", Eight + 70_000, "c3", "skola", ("kind", "Call")).DefaultTimeout();
        await AddAsync(db, key, "abandoned", Eight + 72_000, "c3", "skola", ("wait", "2000")).DefaultTimeout();

        var (code, output, error) = CliHarness.Run("report", "--from", "2026-05-04", "--redis", redis.Configuration, "--tenant", tenant);
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^skola\s+2026-05-04\s+1\s+0\s+0\s+1\s+", lines[1]);
        Assert.Matches(@"^vaxel\s+2026-05-04\s+2\s+1\s+1\s+0\s+0\s+100\.0%\s+50\.0%\s+30\s+60\s+90\s+120\s", lines[2]);

        (code, output, error) = CliHarness.Run("report", "--from", "2026-05-04", "--to", "2026-05-04", "--by", "hour", "--csv", "--redis", redis.Configuration, "--tenant", tenant);
        Assert.True(code == 0, error);
        Assert.Contains("vaxel,2026-05-04 08:00,2,1,1,0,0,100.0%,50.0%,30,60,90,120,0,0,0,0,-,1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_BadArguments_ClearErrors()
    {
        Assert.Contains("bad --from", CliHarness.Run("report", "--from", "4 maj").Error, StringComparison.Ordinal);
        Assert.Contains("--by must be", CliHarness.Run("report", "--from", "2026-05-04", "--by", "month").Error, StringComparison.Ordinal);
        var (code, _, error) = CliHarness.Run("report", "--from", "2026-05-04", "--redis", "127.0.0.1:" + RedisServer.FreeTcpPort() + ",connectTimeout=500");
        Assert.Equal(1, code);
        Assert.Contains("cannot read statistics", error, StringComparison.Ordinal);
    }

    private static Task AddAsync(IDatabase db, string key, string type, long at, string call, string queue, params (string Name, string Value)[] fields) =>
        db.StreamAddAsync(key, [new("type", type), new("at", at), new("call", call), new("queue", queue), .. fields.Select(f => new NameValueEntry(f.Name, f.Value))]);
}
