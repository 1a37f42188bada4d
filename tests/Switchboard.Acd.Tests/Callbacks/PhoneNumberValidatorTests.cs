using Switchboard.Acd.Callbacks;

namespace Switchboard.Acd.Tests.Callbacks;

public sealed class PhoneNumberValidatorTests
{
    [Theory]
    [InlineData("070-123 45 67", "+46701234567")]
    [InlineData("0701234567", "+46701234567")]
    [InlineData("+46701234567", "+46701234567")]
    [InlineData("+46 70 123 45 67", "+46701234567")]
    [InlineData("+46 (0)70-123 45 67", "+46701234567")]
    [InlineData("0046701234567", "+46701234567")]
    [InlineData("tel:+46-73-123-45-67", "+46731234567")]
    [InlineData("076.123.45.67", "+46761234567")]
    [InlineData("0721234567", "+46721234567")]
    [InlineData("0791234567", "+46791234567")]
    [InlineData("08-123 456 78", "+46812345678")]
    [InlineData("08-12 34 56", "+468123456")]
    [InlineData("0920-123 45", "+4692012345")]
    [InlineData("031-123 45 67", "+46311234567")]
    [InlineData("0910-123 45", "+4691012345")]
    [InlineData("0470-12 34 56", "+46470123456")]
    [InlineData("+4618123456", "+4618123456")]
    [InlineData("010-123 45 67", "+46101234567")]
    public void Validate_SwedishNumber_NormalisesToE164(string input, string expected)
    {
        var result = PhoneNumberValidator.Validate(input);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(expected, result.E164);
        Assert.Equal(PhoneNumberRefusal.None, result.Refusal);
    }

    [Theory]
    [InlineData("0701234567", true)]
    [InlineData("08-123 456 78", false)]
    public void Validate_Mobile_IsFlagged(string input, bool mobile)
    {
        Assert.Equal(mobile, PhoneNumberValidator.Validate(input).IsMobile);
    }

    [Theory]
    [InlineData("0900-123 45 67")]
    [InlineData("0939-12 34 56")]
    [InlineData("0944 123 456")]
    [InlineData("+46900123456")]
    [InlineData("0046939123456")]
    public void Validate_PremiumRate_IsRefused(string input)
    {
        var result = PhoneNumberValidator.Validate(input);

        Assert.False(result.IsValid);
        Assert.Equal(PhoneNumberRefusal.PremiumRate, result.Refusal);
        Assert.Contains("premium-rate", result.Reason, StringComparison.Ordinal);
        Assert.Null(result.E164);
    }

    [Theory]
    [InlineData("112")]
    [InlineData("1177")]
    [InlineData("11414")]
    [InlineData("116000")]
    [InlineData("020-123 456")]
    [InlineData("0771-123 456")]
    [InlineData("074-123 45 67")]
    [InlineData("071-123 45 67")]
    [InlineData("0781234567")]
    public void Validate_ShortOrServiceNumber_IsRefusedAsSpecial(string input)
    {
        var result = PhoneNumberValidator.Validate(input);

        Assert.Equal(PhoneNumberRefusal.SpecialNumber, result.Refusal);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Theory]
    [InlineData("+4712345678")]
    [InlineData("004712345678")]
    [InlineData("+358401234567")]
    [InlineData("+1 202 555 0100")]
    public void Validate_ForeignByDefault_IsRefused(string input)
    {
        var result = PhoneNumberValidator.Validate(input);

        Assert.Equal(PhoneNumberRefusal.Foreign, result.Refusal);
        Assert.Equal("Numbers outside Sweden are not called back.", result.Reason);
    }

    [Theory]
    [InlineData("+4712345678", "+4712345678")]
    [InlineData("00358 40 123 4567", "+358401234567")]
    public void Validate_ForeignWhenAllowed_IsAccepted(string input, string expected)
    {
        var result = PhoneNumberValidator.Validate(input, new PhoneNumberPolicy { AllowForeign = true });

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(expected, result.E164);
    }

    [Fact]
    public void Validate_ForeignOutsideAllowedCountries_IsRefused()
    {
        var policy = new PhoneNumberPolicy { AllowForeign = true, AllowedCountryCodes = ["47", "45"] };

        Assert.True(PhoneNumberValidator.Validate("+4712345678", policy).IsValid);
        Assert.Equal(PhoneNumberRefusal.Foreign, PhoneNumberValidator.Validate("+358401234567", policy).Refusal);
    }

    [Theory]
    [InlineData(null, PhoneNumberRefusal.Empty)]
    [InlineData("", PhoneNumberRefusal.Empty)]
    [InlineData("   ", PhoneNumberRefusal.Empty)]
    [InlineData("--", PhoneNumberRefusal.Empty)]
    [InlineData("070-ABC 45 67", PhoneNumberRefusal.InvalidCharacters)]
    [InlineData("070123456#", PhoneNumberRefusal.InvalidCharacters)]
    [InlineData("07012+34567", PhoneNumberRefusal.InvalidCharacters)]
    [InlineData("sip:0701234567@x", PhoneNumberRefusal.InvalidCharacters)]
    [InlineData("070123456", PhoneNumberRefusal.InvalidLength)]
    [InlineData("07012345678", PhoneNumberRefusal.InvalidLength)]
    [InlineData("08-123 45", PhoneNumberRefusal.InvalidLength)]
    [InlineData("08-123 456 789", PhoneNumberRefusal.InvalidLength)]
    [InlineData("+46", PhoneNumberRefusal.InvalidLength)]
    [InlineData("0", PhoneNumberRefusal.InvalidLength)]
    [InlineData("7012345678", PhoneNumberRefusal.InvalidFormat)]
    [InlineData("0001234567", PhoneNumberRefusal.InvalidFormat)]
    [InlineData("0741234567", PhoneNumberRefusal.SpecialNumber)]
    [InlineData("0711234567", PhoneNumberRefusal.SpecialNumber)]
    [InlineData("0771234567", PhoneNumberRefusal.SpecialNumber)]
    [InlineData("0751234567", PhoneNumberRefusal.SpecialNumber)]
    public void Validate_BadInput_IsRefusedWithReason(string? input, PhoneNumberRefusal refusal)
    {
        var result = PhoneNumberValidator.Validate(input);

        Assert.Equal(refusal, result.Refusal);
        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Fact]
    public void Validate_VeryLongInput_IsRefusedWithoutThrowing()
    {
        var result = PhoneNumberValidator.Validate(new string('1', 10_000));

        Assert.Equal(PhoneNumberRefusal.InvalidLength, result.Refusal);
    }

    [Fact]
    public void TryNormalize_ValidNumber_ReturnsE164()
    {
        Assert.True(PhoneNumberValidator.TryNormalize("0701234567", null, out var e164));
        Assert.Equal("+46701234567", e164);
        Assert.False(PhoneNumberValidator.TryNormalize("0900123456", null, out _));
    }

    [Theory]
    [InlineData("+449098790000", PhoneNumberRefusal.PremiumRate)] // UK 0909 premium rate (Ofcom's drama range)
    [InlineData("+448081570000", PhoneNumberRefusal.SpecialNumber)] // UK 0808 freephone
    public void Validate_ForeignServiceSeriesWhenForeignAllowed_RefusedFromTheNumberingMetadata(string input, PhoneNumberRefusal refusal)
    {
        var result = PhoneNumberValidator.Validate(input, PhoneNumberPolicy.Default with { AllowForeign = true });

        Assert.Equal(refusal, result.Refusal);
    }

    [Theory]
    [InlineData("112")]
    [InlineData("90000")]
    public void Validate_EmergencyNumber_RefusedAsEmergency(string input)
    {
        var result = PhoneNumberValidator.Validate(input);

        Assert.Equal(PhoneNumberRefusal.SpecialNumber, result.Refusal);
        Assert.Contains("emergency", result.Reason, StringComparison.Ordinal);
    }
}
