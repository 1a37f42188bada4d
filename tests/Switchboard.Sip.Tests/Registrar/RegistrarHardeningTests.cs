using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Security;
using Switchboard.Sip.Tests.Transactions;
using Switchboard.Sip.Transport;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.Registrar;

/// <summary>Issue 14 item 5: qop required, replays refused, uri checked, brute force slowed and locked out, identical answers, HA1.</summary>
public sealed class RegistrarHardeningTests
{
    private static readonly SipEndPoint Phone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.0.2"), 5062));
    private static readonly SipEndPoint Attacker = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.0.66"), 5099));
    private readonly FakeTimeProvider _time = new();
    private readonly SipSecurityEvents _events;
    private readonly SipRegistrar _registrar;
    private int _cseq;

    public RegistrarHardeningTests()
    {
        _events = new SipSecurityEvents(null, _time);
        _registrar = new SipRegistrar(new InMemoryRegistrationStore(_time), new InMemorySipCredentialStore(new Dictionary<string, string> { ["agent7"] = "secret" }), _time,
            new SipRegistrarOptions
            {
                Algorithms = [DigestAlgorithm.Md5],
                SlowDownAfterFailures = 3,
                FailureDelay = TimeSpan.FromSeconds(1),
                MaxFailureDelay = TimeSpan.FromSeconds(4),
                SourceLockoutAfterFailures = 6,
                AccountLockoutAfterFailures = 10,
                LockoutDuration = TimeSpan.FromMinutes(15),
            },
            events: _events);
    }

    private SipRequest Register(string? authorization, string user = "agent7", string uri = "sip:127.0.0.1")
    {
        var cseq = ++_cseq;
        return (SipRequest)TestMessages.Parse(
            $"REGISTER {uri} SIP/2.0\n" +
            $"Via: SIP/2.0/UDP 127.0.0.2:5062;branch=z9hG4bKh{cseq}\n" +
            $"Max-Forwards: 70\nFrom: <sip:{user}@127.0.0.1>;tag=r1\nTo: <sip:{user}@127.0.0.1>\nCall-ID: hardening@test\n" +
            $"CSeq: {cseq} REGISTER\nContact: <sip:{user}@127.0.0.2:5062>\n" +
            (authorization is null ? string.Empty : $"Authorization: {authorization}\n") +
            "Content-Length: 0\n\n");
    }

    private async Task<DigestChallenge> ChallengeAsync(SipEndPoint source)
    {
        var challenge = await _registrar.ProcessAsync(Register(null), source).DefaultTimeout();
        Assert.Equal(401, challenge.StatusCode);
        return DigestChallenge.Parse(challenge.Headers[SipHeaderNames.WwwAuthenticate]!);
    }

    private async Task<SipResponse> TryAsync(SipEndPoint source, string password, string user = "agent7")
    {
        var credentials = DigestCredentials.Create(await ChallengeAsync(source), user, password, "REGISTER", "sip:127.0.0.1");
        return await AnswerAsync(_registrar.ProcessAsync(Register(credentials.ToString(), user), source));
    }

    /// <summary>Completes a registrar call that may be held back, advancing the fake clock as the registrar waits.</summary>
    private async Task<SipResponse> AnswerAsync(Task<SipResponse> pending)
    {
        for (var i = 0; i < 20 && !pending.IsCompleted; i++)
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }

        return await pending.DefaultTimeout();
    }

    [Fact]
    public async Task Process_ReplayedRegister_403AndBindingUnchanged()
    {
        var credentials = DigestCredentials.Create(await ChallengeAsync(Phone), "agent7", "secret", "REGISTER", "sip:127.0.0.1");
        var first = await _registrar.ProcessAsync(Register(credentials.ToString()), Phone).DefaultTimeout();
        Assert.Equal(200, first.StatusCode);

        var replay = Register(credentials.ToString());
        replay = replay with { Headers = replay.Headers.With(SipHeaderNames.Contact, "<sip:agent7@127.0.0.66:5099>") };
        var response = await _registrar.ProcessAsync(replay, Attacker).DefaultTimeout();

        Assert.Equal(403, response.StatusCode);
        var binding = Assert.Single(await _registrar.LookupAsync(SipUri.Parse("sip:agent7@127.0.0.1")).DefaultTimeout());
        Assert.Equal("sip:agent7@127.0.0.2:5062", binding.Contact);
    }

    [Fact]
    public async Task Process_SameNonceHigherNonceCount_Accepted()
    {
        var challenge = await ChallengeAsync(Phone);
        var first = DigestCredentials.Create(challenge, "agent7", "secret", "REGISTER", "sip:127.0.0.1");
        Assert.Equal(200, (await _registrar.ProcessAsync(Register(first.ToString()), Phone).DefaultTimeout()).StatusCode);

        var response = DigestAlgorithm.Response(challenge.Algorithm, "agent7", challenge.Realm, "secret", "REGISTER", "sip:127.0.0.1", challenge.Nonce, "auth", "00000002", first.CNonce);
        var second = first with { NonceCount = "00000002", Response = response };

        Assert.Equal(200, (await _registrar.ProcessAsync(Register(second.ToString()), Phone).DefaultTimeout()).StatusCode);
    }

    [Fact]
    public async Task Process_WithoutQop_403()
    {
        var challenge = await ChallengeAsync(Phone);
        var legacy = DigestCredentials.Create(challenge with { Qop = null }, "agent7", "secret", "REGISTER", "sip:127.0.0.1"); // RFC 2069 style

        var response = await _registrar.ProcessAsync(Register(legacy.ToString()), Phone).DefaultTimeout();

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task Process_DigestUriNotTheRequestUri_403()
    {
        var credentials = DigestCredentials.Create(await ChallengeAsync(Phone), "agent7", "secret", "REGISTER", "sip:elsewhere.example.com");

        var response = await _registrar.ProcessAsync(Register(credentials.ToString()), Phone).DefaultTimeout();

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task Process_UnknownUserAndWrongPassword_IdenticalAnswers()
    {
        var unknown = await TryAsync(Attacker, "guess", user: "nobody");
        var wrong = await TryAsync(Attacker, "guess");

        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(unknown.ReasonPhrase, wrong.ReasonPhrase);
        Assert.Equal(unknown.Headers.Select(h => h.Name), wrong.Headers.Select(h => h.Name));
    }

    [Fact]
    public async Task Process_BruteForce_PausedThenSourceLockedOutEvenForTheRightPassword()
    {
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(403, (await TryAsync(Attacker, $"guess{i}")).StatusCode);
        }

        // The third failure opened a 1 s pause: the right password is refused unchecked until it ends.
        Assert.Equal(403, (await TryAsync(Attacker, "secret")).StatusCode);
        Assert.Equal(1, _events.Count(SipSecurityEvent.LockedOutRefused));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(403, (await TryAsync(Attacker, "guess4")).StatusCode);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(403, (await TryAsync(Attacker, "guess5")).StatusCode); // the pause has doubled to 2 s
        Assert.Equal(2, _events.Count(SipSecurityEvent.LockedOutRefused));
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(403, (await TryAsync(Attacker, "guess6")).StatusCode);
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(403, (await TryAsync(Attacker, "guess7")).StatusCode); // the sixth checked failure

        Assert.Equal(1, _events.Count(SipSecurityEvent.SourceLockedOut));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(403, (await TryAsync(Attacker, "secret")).StatusCode); // locked: even the right password
        Assert.Equal(3, _events.Count(SipSecurityEvent.LockedOutRefused));

        Assert.Equal(200, (await TryAsync(Phone, "secret")).StatusCode); // the agent's own phone is another source

        _time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(200, (await TryAsync(Attacker, "secret")).StatusCode); // lockout over
    }

    [Fact]
    public async Task Process_DistributedBruteForce_AccountLockedButOwnPhoneStillRegisters()
    {
        Assert.Equal(200, (await TryAsync(Phone, "secret")).StatusCode); // the phone registered before the attack

        for (var i = 0; i < 10; i++)
        {
            var source = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse($"127.0.1.{i + 1}"), 5099));
            Assert.Equal(403, (await TryAsync(source, $"guess{i}")).StatusCode);
            _time.Advance(TimeSpan.FromSeconds(5)); // past the account's pause, so each guess is checked
        }

        Assert.Equal(1, _events.Count(SipSecurityEvent.AccountLockedOut));
        var fresh = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.2.1"), 5099));
        Assert.Equal(403, (await TryAsync(fresh, "secret")).StatusCode);
        Assert.Equal(200, (await TryAsync(Phone, "secret")).StatusCode); // the account's own source is not locked out
        Assert.Equal(200, (await TryAsync(Phone, "secret")).StatusCode);
    }

    [Fact]
    public async Task Process_Ha1OnlyStore_Registers()
    {
        var ha1 = DigestAlgorithm.Hash(DigestAlgorithm.Md5, "agent9:switchboard:pw9");
        var registrar = new SipRegistrar(new InMemoryRegistrationStore(_time), new Ha1Store("agent9", ha1), _time, new SipRegistrarOptions { Algorithms = [DigestAlgorithm.Md5] });
        var challenge = await registrar.ProcessAsync(Register(null, "agent9"), Phone).DefaultTimeout();
        var offer = DigestChallenge.Parse(challenge.Headers[SipHeaderNames.WwwAuthenticate]!);

        var ok = await registrar.ProcessAsync(Register(DigestCredentials.Create(offer, "agent9", "pw9", "REGISTER", "sip:127.0.0.1").ToString(), "agent9"), Phone).DefaultTimeout();

        Assert.Equal(200, ok.StatusCode);
    }

    private sealed class Ha1Store(string user, string ha1) : ISipCredentialStore
    {
        public ValueTask<string?> GetPasswordAsync(string username, string realm, CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(null);

        public ValueTask<string?> GetHa1Async(string username, string realm, string? algorithm, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(username == user ? ha1 : null);
    }
}
