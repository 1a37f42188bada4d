using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Store;
using Switchboard.Cli.Tests.Agent;
using Switchboard.TestSupport;

namespace Switchboard.Cli.Tests.Commands;

/// <summary><c>sbctl data-subject find|delete</c> against a real redis-server.</summary>
public sealed class DataSubjectCommandTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task FindThenDelete_OneNumber_KeysListedRefusedWhileOpenThenGone()
    {
        var tenant = RedisServerFixture.NewKeyPrefix();
        await using var acd = new AcdStore(redis.Connection, new AcdOptions { Tenant = tenant, NodeId = "cli-test" }, TimeProvider.System);
        await acd.ConfigureQueueAsync(new QueueOptions { Name = "bsu" }).DefaultTimeout();
        var callbacks = new CallbackStore(redis.Connection, acd, new CallbackOptions(), TimeProvider.System);
        var id = (await callbacks.RequestAsync(new CallbackRequest("bsu", "0701234567")).DefaultTimeout()).CallbackId!;
        string[] common = ["--redis", redis.Configuration, "--tenant", tenant];

        var find = await CliApiHost.SbctlAsync(["data-subject", "find", "070-123 45 67", .. common]);
        var refused = await CliApiHost.SbctlAsync(["data-subject", "delete", "+46701234567", .. common]);
        await callbacks.CancelAsync(id, "sara").DefaultTimeout();
        var deleted = await CliApiHost.SbctlAsync(["data-subject", "delete", "+46701234567", .. common]);
        var after = await CliApiHost.SbctlAsync(["data-subject", "find", "+46701234567", .. common]);

        Assert.Equal(0, find.ExitCode);
        Assert.Contains($"callback  sb:{{{tenant}}}:cb:{id}  (open: cancel it first)", find.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("cancel it first", refused.Error, StringComparison.Ordinal);
        Assert.True(deleted.ExitCode == 0, deleted.Error);
        Assert.Contains("deleted the number from", deleted.Output, StringComparison.Ordinal);
        Assert.Contains("0 keys hold +46701234567", after.Output, StringComparison.Ordinal);
    }
}
