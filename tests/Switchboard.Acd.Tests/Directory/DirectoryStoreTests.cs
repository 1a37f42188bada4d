using Microsoft.Extensions.Time.Testing;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Directory;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Directory;

/// <summary>The agent directory in a real redis-server: uniqueness of ids and phone accounts, versions, the registrar's lookup.</summary>
public sealed class DirectoryStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task CreateAsync_NewAgent_StoredWithVersionOneAndFoundByPhone()
    {
        var store = NewStore();

        var (result, stored) = await store.CreateAsync(Anna(), "sara").DefaultTimeout();

        Assert.Equal(DirectoryWriteResult.Ok, result);
        Assert.Equal((1L, "sara", _time.GetUtcNow()), (stored!.Version, stored.UpdatedBy, stored.UpdatedAt));
        var read = await store.GetAsync("anna").DefaultTimeout();
        Assert.Equal(["bsu", "bbmt"], read!.Queues);
        Assert.Equal([new AgentSkill("bsu", 5)], read.Skills);
        Assert.Equal(PhoneSecret.FromPassword("anna", "switchboard", "anna-secret-pw"), read.PhoneSecret);
        var account = await store.FindPhoneAsync("anna").DefaultTimeout();
        Assert.Equal(new PhoneAccount("anna", true, read.PhoneSecret), account);
    }

    [Fact]
    public async Task CreateAsync_IdOrPhoneTaken_RefusedAndFirstKept()
    {
        var store = NewStore();
        await store.CreateAsync(Anna(), "sara").DefaultTimeout();

        var (sameId, _) = await store.CreateAsync(Anna() with { PhoneUser = "other" }, "sara").DefaultTimeout();
        var (samePhone, _) = await store.CreateAsync(Anna() with { Id = "bo" }, "sara").DefaultTimeout();

        Assert.Equal(DirectoryWriteResult.Exists, sameId);
        Assert.Equal(DirectoryWriteResult.PhoneTaken, samePhone);
        Assert.Equal("anna", (await store.FindPhoneAsync("anna").DefaultTimeout())!.AgentId);
        Assert.Null(await store.GetAsync("bo").DefaultTimeout());
    }

    [Fact]
    public async Task UpdateAsync_NewPhoneAccount_OldOneFreedAndVersionChecked()
    {
        var store = NewStore();
        await store.CreateAsync(Anna(), "sara").DefaultTimeout();

        var (moved, _) = await store.UpdateAsync(Anna() with { DisplayName = "x" }, "sara", expectedVersion: 7).DefaultTimeout();
        var (ok, updated) = await store.UpdateAsync(Anna() with { PhoneUser = "anna2" }, "bertil", expectedVersion: 1).DefaultTimeout();
        var (missing, _) = await store.UpdateAsync(Anna() with { Id = "nobody", PhoneUser = "nobody" }, "sara").DefaultTimeout();

        Assert.Equal(DirectoryWriteResult.VersionMoved, moved);
        Assert.Equal(DirectoryWriteResult.Ok, ok);
        Assert.Equal((2L, "bertil"), (updated!.Version, updated.UpdatedBy));
        Assert.Equal(DirectoryWriteResult.NotFound, missing);
        Assert.Null(await store.FindPhoneAsync("anna").DefaultTimeout());
        Assert.Equal("anna", (await store.FindPhoneAsync("anna2").DefaultTimeout())!.AgentId);
        Assert.Equal(DirectoryWriteResult.Ok, (await store.CreateAsync(Anna() with { Id = "bo" }, "sara").DefaultTimeout()).Result);
    }

    [Theory]
    [InlineData("anna@evil")]
    [InlineData("anna;transport=tcp")]
    [InlineData("")]
    public async Task FindPhoneAsync_NotAPlainUser_NullWithoutALookup(string user)
    {
        Assert.Null(await NewStore().FindPhoneAsync(user).DefaultTimeout());
    }

    [Fact]
    public async Task ListAsync_SeveralAgents_OrderedById()
    {
        var store = NewStore();
        await store.CreateAsync(Anna() with { Id = "cecilia", PhoneUser = "cecilia" }, "sara").DefaultTimeout();
        await store.CreateAsync(Anna(), "sara").DefaultTimeout();

        Assert.Equal(["anna", "cecilia"], (await store.ListAsync().DefaultTimeout()).Select(a => a.Id));
    }

    [Fact]
    public async Task SelectionAsync_NarrowedAtSignIn_AppliedToTheEntry()
    {
        var store = NewStore();
        Assert.Equal(AgentSelection.All, await store.GetSelectionAsync("anna").DefaultTimeout());

        await store.SetSelectionAsync("anna", new AgentSelection(["bbmt"], [])).DefaultTimeout();
        var (queues, languages) = (await store.GetSelectionAsync("anna").DefaultTimeout()).Apply(Anna() with { Queues = ["bsu", "bbmt", "ekonomi"] });

        Assert.Equal(["bbmt"], queues);
        Assert.Equal(["sv", "en"], languages);
    }

    [Fact]
    public async Task CreateAsync_InvalidEntry_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => NewStore().CreateAsync(Anna() with { Queues = [] }, "sara")).DefaultTimeout();
    }

    private DirectoryStore NewStore() => new(redis.Connection, new KeySchema(RedisServerFixture.NewKeyPrefix()), _time);

    private static DirectoryAgent Anna() => new("anna", "Anna Andersson", "anna", ["bsu", "bbmt"], [new AgentSkill("bsu", 5)], ["sv", "en"], true,
        PhoneSecret.FromPassword("anna", "switchboard", "anna-secret-pw"));
}
