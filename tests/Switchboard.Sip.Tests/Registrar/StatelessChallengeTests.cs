using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Tests.Transactions;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;
using Switchboard.Sip.UserAgents;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.Registrar;

/// <summary>The first REGISTER's 401 is answered without a server transaction (RFC 3261 §8.2.7); the rest keeps one.</summary>
public sealed class StatelessChallengeTests
{
    private static readonly SipEndPoint Phone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5062));
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingTransport _transport = new();
    private readonly SipTransactionLayer _layer;

    public StatelessChallengeTests()
    {
        _layer = new SipTransactionLayer(_transport, _time);
        var ua = new SipUserAgent(_layer);
        ua.RegisterHandler = new SipRegistrar(new InMemoryRegistrationStore(_time), new InMemorySipCredentialStore(new Dictionary<string, string> { ["agent7"] = "secret" }), _time);
    }

    private static SipRequest Register(int cseq, string? authorization = null) => (SipRequest)TestMessages.Parse($"""
        REGISTER sip:127.0.0.1 SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bKsl{cseq}
        Max-Forwards: 70
        From: <sip:agent7@127.0.0.1>;tag=r1
        To: <sip:agent7@127.0.0.1>
        Call-ID: stateless-1@test
        CSeq: {cseq} REGISTER
        Contact: <sip:agent7@127.0.0.1:5062>
        {(authorization is null ? string.Empty : "Authorization: " + authorization + "\n")}Content-Length: 0


        """.Replace("\n\n\n", "\n\n", StringComparison.Ordinal));

    [Fact]
    public async Task Register_WithoutCredentials_ChallengedWithoutATransaction_RetransmissionSameTag_ThenRegistered()
    {
        _layer.Receive(Register(1), Phone);
        _layer.Receive(Register(1), Phone); // a retransmission: answered again, statelessly

        var challenges = _transport.Messages.OfType<SipResponse>().ToList();
        Assert.Equal([401, 401], challenges.Select(r => r.StatusCode));
        Assert.Equal(0, _layer.ServerTransactionCount);
        Assert.NotNull(challenges[0].To?.Tag);
        Assert.Equal(challenges[0].To?.Tag, challenges[1].To?.Tag);
        Assert.Equal(Phone, _transport.Sent.First().Destination);
        Assert.Equal(2, _layer.Metrics.ServerTransactionsStarted);
        Assert.Equal(2, _layer.Metrics.Count(SipTransactionMetrics.ServerSide, SipMethods.Register, "4xx"));

        var offer = challenges[1].Headers.GetAll(SipHeaderNames.WwwAuthenticate).Select(DigestChallenge.Parse).First();
        var credentials = DigestCredentials.Create(offer, "agent7", "secret", "REGISTER", "sip:127.0.0.1");
        _layer.Receive(Register(2, credentials.ToString()), Phone);

        await Eventually.UntilAsync(() => _transport.CountResponses(200) == 1, "the authenticated REGISTER answered 200");
        Assert.Equal(1, _layer.ServerTransactionCount); // stateful: absorbs retransmissions for timer J
        _time.Advance(_layer.Timers.TransactionTimeout);
        Assert.Equal(0, _layer.ServerTransactionCount);
    }
}
