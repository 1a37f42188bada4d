using Switchboard.Acd.Callbacks;
using Switchboard.Server.Callbacks;
using Switchboard.Server.Calls;

namespace Switchboard.Server.Tests.Calls;

/// <summary>The toll-fraud guard of external transfers: which targets are dialled, and how.</summary>
public class TransferTargetTests
{
    private static readonly TrunkOptions Trunk = new() { Uri = "sip:trunk.example.se:5080", Username = "kommun", Password = "s3cret", CallerId = "+4631123456" };
    private static readonly TransferOptions Transfers = new() { AllowedSipDomains = ["handlaggare.kommun.se", "127.0.0.1"] };

    [Theory]
    [InlineData("08-123 456 78", "+46812345678")]
    [InlineData("+46701234567", "+46701234567")]
    [InlineData("0701234567", "+46701234567")]
    public void Resolve_SwedishNumber_DialledThroughTrunkWithItsCredentials(string number, string e164)
    {
        var target = TransferTarget.Resolve(number, Trunk, Transfers, PhoneNumberPolicy.Default);

        Assert.Null(target.Refusal);
        Assert.Equal($"sip:{e164}@trunk.example.se:5080", target.Uri!.ToString());
        Assert.Equal(new Sip.UserAgents.SipCredentials("kommun", "s3cret"), target.Credentials);
        Assert.Equal(e164, target.Display);
    }

    [Theory]
    [InlineData("0900123456")] // premium rate
    [InlineData("+4490012345678")] // foreign, not allowed by default
    [InlineData("12")]
    [InlineData("")]
    public void Resolve_NumberFailingValidation_RefusedNothingToDial(string number)
    {
        var target = TransferTarget.Resolve(number, Trunk, Transfers, PhoneNumberPolicy.Default);

        Assert.NotNull(target.Refusal);
        Assert.Null(target.Uri);
    }

    [Fact]
    public void Resolve_NumberWithoutTrunk_Refused()
    {
        var target = TransferTarget.Resolve("0812345678", new TrunkOptions(), Transfers, PhoneNumberPolicy.Default);

        Assert.Contains("Trunk:Uri", target.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sip:eva@handlaggare.kommun.se", true)]
    [InlineData("sip:eva@HANDLAGGARE.kommun.se:5070", true)]
    [InlineData("sip:eva@127.0.0.1:5099", true)]
    [InlineData("sip:+46900123456@evil.example.com", false)]
    [InlineData("sip:eva@kommun.se", false)]
    [InlineData("sip:+46900123456@handlaggare.kommun.se", false)] // premium number at an allowed host (a gateway)
    [InlineData("sip:eva@handlaggare.kommun.se;maddr=evil.example.com", false)]
    public void Resolve_SipUri_OnlyAllowedDomains(string uri, bool allowed)
    {
        var target = TransferTarget.Resolve(uri, Trunk, Transfers, PhoneNumberPolicy.Default);

        Assert.Equal(allowed, target.Refusal is null);
        Assert.Equal(allowed, target.Uri is not null);
        Assert.Null(target.Credentials);
    }
}
