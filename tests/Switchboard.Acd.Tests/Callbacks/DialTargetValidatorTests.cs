using Switchboard.Acd.Callbacks;

namespace Switchboard.Acd.Tests.Callbacks;

public class DialTargetValidatorTests
{
    private static readonly DialTargetPolicy Policy = new() { AllowedSipDomains = ["handlaggare.kommun.se", "127.0.0.1", "[::1]"] };

    [Theory]
    [InlineData("070-123 45 67", "+46701234567", false)]
    [InlineData("tel:+46812345678", "+46812345678", false)]
    [InlineData("sip:eva@handlaggare.kommun.se", "sip:eva@handlaggare.kommun.se", true)]
    [InlineData("SIP:eva@HANDLAGGARE.kommun.se:5070", "sip:eva@HANDLAGGARE.kommun.se:5070", true)]
    [InlineData("sips:eva.lund@handlaggare.kommun.se", "sips:eva.lund@handlaggare.kommun.se", true)]
    [InlineData("sip:0701234567@127.0.0.1:5099", "sip:0701234567@127.0.0.1:5099", true)]
    [InlineData("sip:+46812345678@[::1]:5060", "sip:+46812345678@[::1]:5060", true)]
    public void Validate_AllowedTarget_Normalised(string target, string normalized, bool sip)
    {
        var result = DialTargetValidator.Validate(target, Policy);

        Assert.True(result.IsValid, result.Refusal);
        Assert.Equal(normalized, result.Normalized);
        Assert.Equal(sip, result.IsSipUri);
    }

    [Theory]
    [InlineData("sip:+46900123456@handlaggare.kommun.se", "PremiumRate")] // the number policy applies to the user part too
    [InlineData("sip:0900123456@127.0.0.1", "PremiumRate")]
    [InlineData("sip:112@handlaggare.kommun.se", "SpecialNumber")]
    [InlineData("sip:+4712345678@handlaggare.kommun.se", "Foreign")]
    [InlineData("sip:+46900123456@evil.example.com", "not in Transfer:AllowedSipDomains")]
    [InlineData("0900-123 45 67", "PremiumRate")]
    [InlineData("112", "SpecialNumber")]
    public void Validate_NumberOrHostOutsideThePolicy_Refused(string target, string reason)
    {
        var result = DialTargetValidator.Validate(target, Policy);

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sip:eva@handlaggare.kommun.se;transport=tcp")]
    [InlineData("sip:eva@handlaggare.kommun.se?Subject=x")]
    [InlineData("<sip:eva@handlaggare.kommun.se>")]
    [InlineData("sip:eva@handlaggare.kommun.se>;tag=1")]
    [InlineData("sip:\"eva\"@handlaggare.kommun.se")]
    [InlineData("sip:eva%40evil.example.com@handlaggare.kommun.se")]
    [InlineData("sip:eva@handlaggare.kommun.se\r\nVia: SIP/2.0/UDP evil")]
    [InlineData("sip:eva @handlaggare.kommun.se")]
    [InlineData("sip:eva,bo@handlaggare.kommun.se")]
    [InlineData("sip:0701234567;user=phone@handlaggare.kommun.se")]
    [InlineData("sip:eva@evil.example.com@handlaggare.kommun.se")]
    [InlineData("sip:handlaggare.kommun.se")]
    [InlineData("sip:eva@handlaggare.kommun.se:99999")]
    [InlineData("sip:eva@handlaggare.kommun.se:")]
    [InlineData("sip:eva@.kommun.se")]
    [InlineData("sip:07012x4567@handlaggare.kommun.se")]
    [InlineData("sip:-eva@handlaggare.kommun.se")]
    [InlineData("mailto:eva@handlaggare.kommun.se")]
    [InlineData("eva")]
    [InlineData("")]
    public void Validate_SipSyntaxBeyondUserAtHostPort_Refused(string target)
    {
        var result = DialTargetValidator.Validate(target, Policy);

        Assert.False(result.IsValid);
        Assert.Null(result.Normalized);
        Assert.False(string.IsNullOrEmpty(result.Refusal));
    }

    [Fact]
    public void Validate_DefaultPolicy_NoSipUris()
    {
        Assert.Contains("AllowedSipDomains", DialTargetValidator.Validate("sip:eva@handlaggare.kommun.se").Refusal, StringComparison.Ordinal);
    }
}
