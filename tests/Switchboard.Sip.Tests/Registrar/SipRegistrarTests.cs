using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Tests.Transactions;
using Switchboard.Sip.Tests.Torture;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.Registrar;

public sealed class SipRegistrarTests
{
    private static readonly SipEndPoint Source = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5062));
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryRegistrationStore _store;
    private readonly SipRegistrar _registrar;

    public SipRegistrarTests()
    {
        _store = new InMemoryRegistrationStore(_time);
        _registrar = new SipRegistrar(_store, new InMemorySipCredentialStore(new Dictionary<string, string> { ["agent7"] = "secret" }), _time);
    }

    private static SipRequest Register(string contact, string? expires = null, string? authorization = null, int cseq = 1)
    {
        var text = $"""
            REGISTER sip:127.0.0.1 SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bKreg{cseq}
            Max-Forwards: 70
            From: <sip:agent7@127.0.0.1>;tag=r1
            To: <sip:agent7@127.0.0.1>
            Call-ID: reg-1@test
            CSeq: {cseq} REGISTER
            Contact: {contact}
            {(expires is null ? string.Empty : "Expires: " + expires + "\n")}{(authorization is null ? string.Empty : "Authorization: " + authorization + "\n")}Content-Length: 0


            """;
        return (SipRequest)TestMessages.Parse(text.Replace("\n\n\n", "\n\n", StringComparison.Ordinal));
    }

    private async Task<SipResponse> RegisterWithAuthAsync(string contact, string? expires = null, string password = "secret", string algorithm = "SHA-256")
    {
        var challenge = await _registrar.ProcessAsync(Register(contact, expires), Source).DefaultTimeout();
        Assert.Equal(401, challenge.StatusCode);
        var offer = challenge.Headers.GetAll(SipHeaderNames.WwwAuthenticate).Select(DigestChallenge.Parse).Single(c => c.Algorithm == algorithm);
        var credentials = DigestCredentials.Create(offer, "agent7", password, "REGISTER", "sip:127.0.0.1");
        return await _registrar.ProcessAsync(Register(contact, expires, credentials.ToString(), 2), Source).DefaultTimeout();
    }

    [Fact]
    public async Task Process_NoCredentials_401WithSha256ThenMd5Challenges()
    {
        var response = await _registrar.ProcessAsync(Register("<sip:agent7@127.0.0.1:5062>"), Source).DefaultTimeout();

        Assert.Equal(401, response.StatusCode);
        var challenges = response.Headers.GetAll(SipHeaderNames.WwwAuthenticate).Select(DigestChallenge.Parse).ToList();
        Assert.Equal(["SHA-256", "MD5"], challenges.Select(c => c.Algorithm));
        Assert.All(challenges, c => Assert.False(c.Stale));
    }

    [Theory]
    [InlineData("SHA-256")]
    [InlineData("MD5")]
    public async Task Process_ValidDigest_BindsAndListsContact(string algorithm)
    {
        var ok = await RegisterWithAuthAsync("<sip:agent7@127.0.0.1:5062>", "600", algorithm: algorithm);

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("<sip:agent7@127.0.0.1:5062>;expires=600", ok.Headers[SipHeaderNames.Contact]);
        var bindings = await _registrar.LookupAsync(SipUri.Parse("sip:agent7@127.0.0.1")).DefaultTimeout();
        Assert.Equal("sip:agent7@127.0.0.1:5062", Assert.Single(bindings).Contact);
        Assert.Equal(Source, bindings[0].Source);
    }

    [Fact]
    public async Task Process_WrongPassword_403()
    {
        var response = await RegisterWithAuthAsync("<sip:agent7@127.0.0.1:5062>", password: "nope");

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task Process_ExpiredNonce_401StaleTrue()
    {
        var challenge = await _registrar.ProcessAsync(Register("<sip:agent7@127.0.0.1:5062>"), Source).DefaultTimeout();
        var offer = DigestChallenge.Parse(challenge.Headers[SipHeaderNames.WwwAuthenticate]!);
        var credentials = DigestCredentials.Create(offer, "agent7", "secret", "REGISTER", "sip:127.0.0.1");
        _time.Advance(TimeSpan.FromMinutes(6));

        var response = await _registrar.ProcessAsync(Register("<sip:agent7@127.0.0.1:5062>", null, credentials.ToString(), 2), Source).DefaultTimeout();

        Assert.Equal(401, response.StatusCode);
        Assert.True(DigestChallenge.Parse(response.Headers[SipHeaderNames.WwwAuthenticate]!).Stale);
    }

    [Fact]
    public async Task Lookup_BindingExpires_GoneAfterExpiry()
    {
        await RegisterWithAuthAsync("<sip:agent7@127.0.0.1:5062>", "120");

        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.Single(await _registrar.LookupAsync(SipUri.Parse("sip:agent7@127.0.0.1")).DefaultTimeout());
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(await _registrar.LookupAsync(SipUri.Parse("sip:agent7@127.0.0.1")).DefaultTimeout());
    }

    [Fact]
    public async Task Process_SeveralContactsThenStarRemoval_BindingsFollow()
    {
        var open = new SipRegistrar(_store, null, _time);
        await open.ProcessAsync(Register("<sip:agent7@127.0.0.1:5062>;expires=300, <sip:agent7@127.0.0.1:5064>"), Source).DefaultTimeout();
        Assert.Equal(2, (await open.LookupAsync(SipUri.Parse("sip:agent7@127.0.0.1")).DefaultTimeout()).Count);

        var removeOne = await open.ProcessAsync(Register("<sip:agent7@127.0.0.1:5062>;expires=0", cseq: 2), Source).DefaultTimeout();
        Assert.Equal("<sip:agent7@127.0.0.1:5064>;expires=3600", Assert.Single(removeOne.Headers.GetAll(SipHeaderNames.Contact)));

        var tooBrief = await open.ProcessAsync(Register("<sip:agent7@127.0.0.1:5066>", "10", cseq: 3), Source).DefaultTimeout();
        Assert.Equal(423, tooBrief.StatusCode);
        Assert.Equal("60", tooBrief.Headers[SipHeaderNames.MinExpires]);

        var all = await open.ProcessAsync(Register("*", "0", cseq: 4), Source).DefaultTimeout();
        Assert.Equal(200, all.StatusCode);
        Assert.Empty(await open.LookupAsync(SipUri.Parse("sip:agent7@127.0.0.1")).DefaultTimeout());
    }

    [Fact]
    public async Task Process_Regaut01UnknownScheme_ChallengedWith401()
    {
        var request = (SipRequest)SipMessageParser.Parse(TortureMessages.Load("regaut01")).Message!;

        var response = await _registrar.ProcessAsync(request, Source).DefaultTimeout();

        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public async Task Process_Regescrt_StoresEscapedContactAndEchoesIt()
    {
        var open = new SipRegistrar(_store, null, _time);
        var request = (SipRequest)SipMessageParser.Parse(TortureMessages.Load("regescrt")).Message!;

        var response = await open.ProcessAsync(request, Source).DefaultTimeout();

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("?Route=%3Csip:sip.example.com%3E", response.Headers[SipHeaderNames.Contact], StringComparison.Ordinal);
    }
}
