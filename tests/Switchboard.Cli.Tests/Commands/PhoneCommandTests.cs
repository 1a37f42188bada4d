using Switchboard.Cli.Commands;

namespace Switchboard.Cli.Tests.Commands;

public sealed class PhoneCommandTests
{
    [Theory]
    [InlineData("20s", 20)]
    [InlineData("2m", 120)]
    [InlineData("1.5", 1.5)]
    [InlineData("0s", 0)]
    public void ParseDuration_Valid_Seconds(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), PhoneOptionSet.ParseDuration(text));

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("-1s")]
    [InlineData("25h")]
    [InlineData("10x")]
    public void ParseDuration_Bad_Null(string text) => Assert.Null(PhoneOptionSet.ParseDuration(text));

    [Theory]
    [InlineData("call", "ivr@127.0.0.1")]
    [InlineData("call", "sip:ivr@kommun.example")]
    [InlineData("call", "sip:ivr@127.0.0.1", "--digits", "1x")]
    [InlineData("call", "sip:ivr@127.0.0.1", "--tone", "20000")]
    [InlineData("call", "sip:ivr@127.0.0.1", "--hangup-after", "soon")]
    [InlineData("phone", "--sip", "sip:127.0.0.1", "--sip-password", "pw")]
    [InlineData("phone", "--sip", "sip:anna@127.0.0.1", "--sip-password", "pw", "--calls", "0")]
    public void BadInput_ExitsTwoWithAReason(params string[] args)
    {
        var (code, _, error) = CliHarness.Run(args);

        Assert.Equal(2, code);
        Assert.StartsWith("sbctl: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Phone_NoPassword_SaysWhereToGiveIt()
    {
        Environment.SetEnvironmentVariable(AgentPhone.PasswordVariable, null);

        var (code, _, error) = CliHarness.Run("phone", "--sip", "sip:anna@127.0.0.1");

        Assert.Equal(2, code);
        Assert.Contains("--sip-password or $SB_SIP_PASSWORD", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Agent_PhoneWithoutSip_ExitsTwo()
    {
        var (code, _, error) = CliHarness.Run("agent", "--token", "t", "--url", "http://127.0.0.1:1", "--phone", "--sip-password", "pw");

        Assert.Equal(2, code);
        Assert.Contains("the phone needs --sip", error, StringComparison.Ordinal);
    }
}
