using Switchboard.Acd.Agents;
using Switchboard.Acd.Directory;
using Switchboard.Acd.Store;
using Switchboard.Server.Telephony;
using Switchboard.Sip.Authentication;
using Switchboard.TestSupport;

namespace Switchboard.Server.Tests.Telephony;

/// <summary>The registrar's accounts: the agent directory's (H(A1) only) first, then the configuration's, on a real redis-server.</summary>
public sealed class DirectorySipCredentialStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task GetHa1Async_DirectoryAccount_StoredHashForEachAlgorithm()
    {
        var (credentials, secret) = await StartAsync(enabled: true);

        Assert.Equal(secret.Md5, await credentials.GetHa1Async("anna", "switchboard", DigestAlgorithm.Md5).DefaultTimeout());
        Assert.Equal(secret.Sha256, await credentials.GetHa1Async("anna", "switchboard", DigestAlgorithm.Sha256).DefaultTimeout());
        Assert.Equal(DigestAlgorithm.Hash(DigestAlgorithm.Md5, "anna:switchboard:anna-secret-pw"), await credentials.GetHa1Async("anna", "switchboard", null).DefaultTimeout());
        Assert.Null(await credentials.GetPasswordAsync("anna", "switchboard").DefaultTimeout());
    }

    [Fact]
    public async Task GetHa1Async_DisabledAgentOrOtherRealm_Refused()
    {
        var (disabled, _) = await StartAsync(enabled: false);
        var (enabled, _) = await StartAsync(enabled: true);

        Assert.Null(await disabled.GetHa1Async("anna", "switchboard", DigestAlgorithm.Md5).DefaultTimeout());
        Assert.Null(await enabled.GetHa1Async("anna", "other-realm", DigestAlgorithm.Md5).DefaultTimeout());
    }

    [Fact]
    public async Task GetHa1Async_ConfigurationAccount_UsedOnlyWhenTheDirectoryHasNoSuchUser()
    {
        var (credentials, secret) = await StartAsync(enabled: true, configured: [new SipAccountOptions { User = "anna", Password = "config-pw" }, new SipAccountOptions { User = "dev", Password = "dev-pw" }]);

        Assert.Equal(secret.Md5, await credentials.GetHa1Async("anna", "switchboard", DigestAlgorithm.Md5).DefaultTimeout());
        Assert.Equal(DigestAlgorithm.Hash(DigestAlgorithm.Md5, "dev:switchboard:dev-pw"), await credentials.GetHa1Async("dev", "switchboard", DigestAlgorithm.Md5).DefaultTimeout());
        Assert.Null(await credentials.GetHa1Async("nobody", "switchboard", DigestAlgorithm.Md5).DefaultTimeout());
    }

    private async Task<(DirectorySipCredentialStore Credentials, PhoneSecret Secret)> StartAsync(bool enabled, SipAccountOptions[]? configured = null)
    {
        var directory = new DirectoryStore(redis.Connection, new KeySchema(RedisServerFixture.NewKeyPrefix()), TimeProvider.System);
        var secret = PhoneSecret.FromPassword("anna", "switchboard", "anna-secret-pw");
        await directory.CreateAsync(new DirectoryAgent("anna", "Anna", "anna", ["bsu"], [new AgentSkill("bsu", 5)], ["sv"], enabled, secret), "sara").DefaultTimeout();
        return (new DirectorySipCredentialStore(directory, new ConfiguredSipCredentialStore(configured ?? [])), secret);
    }
}
