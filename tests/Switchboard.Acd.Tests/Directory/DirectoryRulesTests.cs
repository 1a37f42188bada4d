using Switchboard.Acd.Agents;
using Switchboard.Acd.Directory;

namespace Switchboard.Acd.Tests.Directory;

/// <summary>Directory entry validation, phone secrets and the audit description of a change (no Redis).</summary>
public sealed class DirectoryRulesTests
{
    [Theory]
    [InlineData("anna", null)]
    [InlineData("anna.andersson-2", null)]
    [InlineData("sip:anna", "agent_id")]
    [InlineData("anna bo", "agent_id")]
    [InlineData("", "agent_id")]
    public void Validate_AgentId_PlainTokensOnly(string id, string? problem)
    {
        var result = DirectoryAgentValidator.Validate(Entry() with { Id = id });

        Assert.Equal(problem, result?.Split(' ')[0]);
    }

    [Theory]
    [InlineData("+46701234567", true)]
    [InlineData("anna", true)]
    [InlineData("anna@127.0.0.9", false)]
    [InlineData("anna>;x", false)]
    [InlineData("anna%40x", false)]
    public void CheckPhoneUser_SipSyntax_Refused(string user, bool ok)
    {
        Assert.Equal(ok, DirectoryAgentValidator.CheckPhoneUser(user) is null);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    public void Validate_SkillLevelOutOfRange_Refused(int level)
    {
        Assert.NotNull(DirectoryAgentValidator.Validate(Entry() with { Skills = [new AgentSkill("bsu", level)] }));
    }

    [Fact]
    public void Validate_DuplicateQueue_Refused()
    {
        Assert.NotNull(DirectoryAgentValidator.Validate(Entry() with { Queues = ["bsu", "bsu"] }));
    }

    [Fact]
    public void FromPassword_KnownVector_Rfc2617Ha1()
    {
        // RFC 2617 §3.5: H(A1) of Mufasa:testrealm@host.com:Circle Of Life.
        var secret = PhoneSecret.FromPassword("Mufasa", "testrealm@host.com", "Circle Of Life");

        Assert.Equal("939e7578ed9e3c518a452acee763bce9", secret.Md5);
        Assert.Equal(64, secret.Sha256.Length);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("new\nline-password")]
    public void FromPassword_BadPassword_Throws(string password)
    {
        Assert.Throws<ArgumentException>(() => PhoneSecret.FromPassword("anna", "switchboard", password));
    }

    [Fact]
    public void Describe_LevelAndPasswordChanged_ListsOnlyTheChangesWithoutSecrets()
    {
        var before = Entry();
        var after = before with { Skills = [new AgentSkill("bsu", 9)], PhoneSecret = PhoneSecret.FromPassword("anna", "switchboard", "another-secret") };

        var text = DirectoryChange.Describe(before, after);

        Assert.Equal("skills bsu:5 -> bsu:9; password changed", text);
        Assert.Equal("no change", DirectoryChange.Describe(before, before with { }));
    }

    private static DirectoryAgent Entry() => new("anna", "Anna", "anna", ["bsu"], [new AgentSkill("bsu", 5)], ["sv"], true,
        PhoneSecret.FromPassword("anna", "switchboard", "anna-secret-pw"));
}
