using System.Net;
using Microsoft.Extensions.Configuration;
using Switchboard.Media.Sessions;
using Switchboard.Server.Configuration;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Security;

namespace Switchboard.Server.Tests.Configuration;

/// <summary>
/// <c>Sip:Security:*</c>, <c>Sip:Registrar:*</c> (nested in <see cref="SipOptions"/>) and <c>Media:*</c>
/// (<see cref="MediaSectionOptions"/>) through the binder and their source-generated validators: defaults as before,
/// every documented spelling of a list (items, one comma-separated value, <c>none</c>), one line per bad value.
/// </summary>
public sealed class SipSecurityAndMediaOptionsTests
{
    [Fact]
    public void Sip_NothingSet_StackDefaultsAndMd5Only()
    {
        var sip = ReadSip();

        Assert.Equal(SipSecurityOptions.Default, sip.SecurityOptions);
        Assert.Equal(new SipRegistrarOptions { Algorithms = sip.RegistrarOptions.Algorithms }, sip.RegistrarOptions);
        Assert.Equal([DigestAlgorithm.Md5], sip.RegistrarOptions.Algorithms);
    }

    [Theory]
    [InlineData("Sip:Security:CallSources", "192.0.2.10, 192.0.2.0/24")]
    [InlineData("Sip:Security:CallSources:0", "192.0.2.10")]
    public void Sip_CallSourcesItemsOrCommaSeparated_SameList(string key, string value)
    {
        var extra = key.EndsWith(":0", StringComparison.Ordinal) ? ("Sip:Security:CallSources:1", " 192.0.2.0/24 ") : (key, value);

        var security = ReadSip((key, value), extra).SecurityOptions;

        Assert.Equal([IPNetwork.Parse("192.0.2.10/32"), IPNetwork.Parse("192.0.2.0/24")], security.CallSources);
        Assert.Equal(SipSourceList.Loopback, security.RateLimit.ExemptSources);
    }

    [Theory]
    [InlineData("Sip:Security:RateLimit:ExemptSources", "none")]
    [InlineData("Sip:Security:RateLimit:ExemptSources:0", "None")]
    public void Sip_ExemptSourcesNone_EmptyList(string key, string value) =>
        Assert.Empty(ReadSip((key, value)).SecurityOptions.RateLimit.ExemptSources);

    [Fact]
    public void Sip_Values_ReachTheStackOptions()
    {
        var sip = ReadSip(
            ("Sip:Security:RateLimit:MessagesPerSecond", "2.5"), ("Sip:Security:RateLimit:Refusal", "reject"),
            ("Sip:Security:MaxUnconfirmedCallsPerSource", "7"), ("Sip:Security:CallSourceRefusal", "Drop"),
            ("Sip:Security:RetryAfter", "00:00:05"), ("Sip:Registrar:Realm", " kommun "),
            ("Sip:Registrar:Algorithms", "sha-256, MD5"), ("Sip:Registrar:FailureDelay", "00:00:00.050"));
        var (security, registrar) = (sip.SecurityOptions, sip.RegistrarOptions);

        Assert.Equal((2.5, SipRefusal.Reject), (security.RateLimit.MessagesPerSecond, security.RateLimit.Refusal));
        Assert.Equal((7, SipRefusal.Drop, TimeSpan.FromSeconds(5)), (security.MaxUnconfirmedCallsPerSource, security.CallSourceRefusal, security.RetryAfter));
        Assert.Equal(("kommun", TimeSpan.FromMilliseconds(50)), (registrar.Realm, registrar.FailureDelay));
        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], registrar.Algorithms);
    }

    [Fact]
    public void Sip_AlgorithmsAsItems_Taken() =>
        Assert.Equal([DigestAlgorithm.Sha256], ReadSip(("Sip:Registrar:Algorithms:0", "SHA-256")).RegistrarOptions.Algorithms);

    [Theory]
    [InlineData("Sip:Security:CallSources", "192.0.2.10, 192.0.2.300",
        "Sip:Security:CallSources: '192.0.2.300' is not an IP address or CIDR range (e.g. 192.0.2.10 or 192.0.2.0/24) (was 192.0.2.10, 192.0.2.300)")]
    [InlineData("Sip:Security:RateLimit:ExemptSources:0", "trunk.example",
        "Sip:Security:RateLimit:ExemptSources: 'trunk.example' is not an IP address or CIDR range (e.g. 192.0.2.10 or 192.0.2.0/24)")]
    [InlineData("Sip:Security:RateLimit:Burst", "0", "Sip:Security:RateLimit:Burst: must be between 1 and 1000000 (was 0)")]
    [InlineData("Sip:Security:PriorityReservePercent", "95", "Sip:Security:PriorityReservePercent: must be between 0 and 90 (was 95)")]
    [InlineData("Sip:Security:CapacityRefusal", "Maybe", "Sip:Security:CapacityRefusal: is not Reject or Drop (was Maybe)")]
    [InlineData("Sip:Security:CallSourceRefusal", "7", "Sip:Security:CallSourceRefusal: is not Reject or Drop (was 7)")]
    [InlineData("Sip:Security:RetryAfter", "00:00:00", "Sip:Security:RetryAfter: must be between 00:00:01 and 1.00:00:00 (was 00:00:00)")]
    [InlineData("Sip:Registrar:Algorithms", "MD5,SHA-512", "Sip:Registrar:Algorithms: 'SHA-512' is not MD5 or SHA-256 (was MD5,SHA-512)")]
    [InlineData("Sip:Registrar:Realm", "a\"b", "Sip:Registrar:Realm: must not be empty nor contain a quote (was a\"b)")]
    [InlineData("Sip:Registrar:SourceLockoutAfterFailures", "ten", "Sip:Registrar:SourceLockoutAfterFailures: is not a whole number (was ten)")]
    public void Sip_BadValue_OneLine(string key, string value, string message) => AssertRefused(() => ReadSip((key, value)), message);

    [Fact]
    public void Sip_AccountsBoundWithTheSection()
    {
        var account = Assert.Single(ReadSip(("Sip:Accounts:0:User", "anna"), ("Sip:Accounts:0:Password", "anna-secret-pw")).Accounts);

        Assert.Equal(("anna", "anna-secret-pw"), (account.User, account.Password));
    }

    [Theory]
    [InlineData("Sip:Accounts:0:User", "anna", "Sip:Accounts:0:Password: must be set (or Ha1 / Ha1Sha256)")]
    [InlineData("Sip:Accounts:0:Password", "anna-secret-pw", "Sip:Accounts:0:User: must be set, without spaces, ':', '\"' or '@'")]
    [InlineData("Sip:Accounts:0:Ha1", "abc", "Sip:Accounts:0:Ha1: must be 32 hex digits (MD5 of user:realm:password)")]
    public void Sip_IncompleteAccount_OneLineWithoutTheSecret(string key, string value, string message)
    {
        var baseline = key.EndsWith(":Ha1", StringComparison.Ordinal) ? ("Sip:Accounts:0:User", "anna") : (key, value);

        AssertRefused(() => ReadSip(baseline, (key, value)), message);
    }

    [Fact]
    public void Media_NothingSet_DefaultsFollowSip()
    {
        var media = ReadMedia(("Sip:BindAddress", "127.0.0.3"));

        Assert.Equal(new MediaOptions { Address = "127.0.0.3", AdvertisedAddress = "127.0.0.3", ExtraTelephoneEventPayloadTypes = media.ExtraTelephoneEventPayloadTypes,
            Negotiation = media.Negotiation, Clock = media.Clock }, media);
        Assert.Equal((10000, 20000, TimeSpan.FromSeconds(30)), (media.PortRangeStart, media.PortRangeEnd, media.RtpInactivityTimeout));
    }

    [Fact]
    public void Media_WildcardBind_AdvertisesPublicAddressElseLoopback()
    {
        Assert.Equal("127.0.0.1", ReadMedia(("Sip:BindAddress", "0.0.0.0")).AdvertisedAddress);
        Assert.Equal("203.0.113.10", ReadMedia(("Sip:BindAddress", "0.0.0.0"), ("Sip:PublicAddress", "203.0.113.10")).AdvertisedAddress);
        Assert.Equal("0.0.0.0", ReadMedia(("Sip:BindAddress", "0.0.0.0")).Address);
    }

    [Theory]
    [InlineData("8", 8)]
    [InlineData("0", 0)]
    [InlineData("00:00:15", 15)]
    [InlineData("2.5", 2.5)]
    public void Media_InactivityTimeoutSecondsOrTimeSpan_Taken(string value, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ReadMedia(("Media:RtpInactivityTimeout", value)).RtpInactivityTimeout);

    [Fact]
    public void Media_Values_Taken()
    {
        var media = ReadMedia(("Media:Address", "127.0.0.4"), ("Media:AdvertisedAddress", "media.example"), ("Media:PortRangeStart", "30000"),
            ("Media:PortRangeEnd", "30003"), ("Media:StrictRtp", "false"), ("Media:OutboundPortReservePercent", "0"), ("Media:ReceiveThreads", "0"));

        Assert.Equal(("127.0.0.4", "media.example", 30000, 30003), (media.Address, media.AdvertisedAddress, media.PortRangeStart, media.PortRangeEnd));
        Assert.Equal((false, 0, 0), (media.StrictRtp, media.OutboundPortReservePercent, media.ReceiveThreads));
    }

    [Fact]
    public void Media_BridgeReclock_OffByDefault_AndTaken()
    {
        Assert.Equal(new MediaBridgeOptions(), ReadMedia().Bridge);
        var media = ReadMedia(("Media:Bridge:Reclock", "true"), ("Media:Bridge:ReclockDepth", "5"));

        Assert.Equal(new MediaBridgeOptions { Reclock = true, ReclockDepth = 5 }, media.Bridge);
    }

    [Theory]
    [InlineData("Media:Address", "media.example", "Media:Address: 'media.example' is not an IP address")]
    [InlineData("Media:PortRangeEnd", "10002", "Media:PortRangeEnd: the RTP port range 10000-10002 must hold two RTP/RTCP pairs or more (was 10002)")]
    [InlineData("Media:PortRangeStart", "65535", "Media:PortRangeStart: must be between 1 and 65534 (was 65535)")]
    [InlineData("Media:ReceiveThreads", "65", "Media:ReceiveThreads: must be between -1 and 64 (was 65)")]
    [InlineData("Media:OutboundPortReservePercent", "91", "Media:OutboundPortReservePercent: must be between 0 and 90 (was 91)")]
    [InlineData("Media:StrictRtp", "maybe", "Media:StrictRtp: is not true or false (was maybe)")]
    [InlineData("Media:Bridge:ReclockDepth", "17", "Media:Bridge:ReclockDepth: must be between 1 and 16 (was 17)")]
    [InlineData("Media:Bridge:Reclock", "sometimes", "Media:Bridge:Reclock: is not true or false (was sometimes)")]
    [InlineData("Media:RtpInactivityTimeout", "-5", "Media:RtpInactivityTimeout: is not seconds or a time span (e.g. 300 or 00:05:00) (was -5)")]
    [InlineData("Media:RtpLearningWindow", "2.00:00:00",
        "Media:RtpLearningWindow: must be between 0 and one day (seconds, e.g. 30, or a time span, e.g. 00:00:30) (was 2.00:00:00)")]
    public void Media_BadValue_OneLine(string key, string value, string message) => AssertRefused(() => ReadMedia((key, value)), message);

    private static void AssertRefused(Action read, string message)
    {
        var error = Assert.Throws<ConfigurationErrorException>(read);

        Assert.Equal(message, error.Message);
        Assert.Equal(message[..message.IndexOf(": ", StringComparison.Ordinal)], error.Setting);
    }

    private static SipOptions ReadSip(params (string Key, string Value)[] values) =>
        ValidatedOptions.Read<SipOptions, SipOptionsValidator>(Configuration(values), SipOptions.Section);

    private static MediaOptions ReadMedia(params (string Key, string Value)[] values)
    {
        var configuration = Configuration(values);
        var sip = ValidatedOptions.Read<SipOptions, SipOptionsValidator>(configuration, SipOptions.Section);
        return ValidatedOptions.Read<MediaSectionOptions, MediaSectionOptionsValidator>(configuration, MediaSectionOptions.Section).ToMediaOptions(sip);
    }

    private static IConfiguration Configuration((string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.GroupBy(v => v.Key).Select(g => new KeyValuePair<string, string?>(g.Key, g.Last().Value))).Build();
}
