using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Security;
using Switchboard.Sip.Tests.Transactions;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Security;

public sealed class ServerTransactionCapTests
{
    private static readonly SipEndPoint Trunk = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.0.2"), 5060));
    private static readonly SipEndPoint Stranger = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.0.9"), 5060));
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingTransport _transport = new();
    private readonly RecordingUser _user = new();
    private readonly SipSecurityEvents _events = new();

    private SipTransactionLayer Layer(SipSecurityOptions security) =>
        new(_transport, _time) { User = _user, Security = security, SecurityEvents = _events };

    private static SipRequest Request(string method, int i, int padding = 0) => (SipRequest)TestMessages.Parse(
        $"""
        {method} sip:ivr@127.0.0.1:5060 SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.9:5060;branch=z9hG4bK{i};rport
        Max-Forwards: 70
        From: <sip:a@127.0.0.9>;tag=f{i}
        To: <sip:ivr@127.0.0.1>
        Call-ID: {i}@cap
        CSeq: 1 {method}
        X-Padding: {new string('p', padding)}
        Content-Length: 0


        """);

    [Fact]
    public void Invite_FromSourceNotAllowedToCall_Stateless403AndNoTransaction()
    {
        var layer = Layer(new SipSecurityOptions { CallSources = [IPNetwork.Parse("127.0.0.2/32")] });

        layer.Receive(Request(SipMethods.Invite, 1), Stranger);

        Assert.Equal(0, layer.ServerTransactionCount);
        Assert.Empty(_user.Requests);
        Assert.Equal(1, _transport.CountResponses(403));
        Assert.Equal(1, _events.Count(SipSecurityEvent.InviteSourceRefused));
    }

    [Fact]
    public void Invite_FromSourceNotAllowedToCall_DropRefusal_NothingSent()
    {
        var layer = Layer(new SipSecurityOptions { CallSources = [IPNetwork.Parse("127.0.0.2/32")], CallSourceRefusal = SipRefusal.Drop });

        layer.Receive(Request(SipMethods.Invite, 1), Stranger);

        Assert.Empty(_transport.Sent);
        Assert.Equal(0, layer.ServerTransactionCount);
    }

    [Fact]
    public void Invite_FromCallSource_Delivered()
    {
        var layer = Layer(new SipSecurityOptions { CallSources = [IPNetwork.Parse("127.0.0.2/32")] });

        layer.Receive(Request(SipMethods.Invite, 1), Trunk);

        Assert.Single(_user.Requests);
    }

    [Fact]
    public void Options_BeyondTransactionCap_Stateless503WithRetryAfter()
    {
        var layer = Layer(new SipSecurityOptions { MaxServerTransactions = 3, RetryAfter = TimeSpan.FromSeconds(17) });

        for (var i = 0; i < 5; i++)
        {
            layer.Receive(Request(SipMethods.Options, i), Stranger);
        }

        Assert.Equal(3, layer.ServerTransactionCount);
        Assert.Equal(3, _user.Requests.Count);
        var refused = _transport.Messages.OfType<SipResponse>().Where(r => r.StatusCode == 503).ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, r => Assert.Equal("17", r.Headers[SipHeaderNames.RetryAfter]));
        Assert.Equal(2, _events.Count(SipSecurityEvent.CapacityRefused));
    }

    [Fact]
    public void Flood_FromOtherSources_FillsOnlyItsShareAndTheTrunkStillGetsTransactions()
    {
        var layer = Layer(new SipSecurityOptions
        {
            CallSources = [IPNetwork.Parse("127.0.0.2/32")],
            RateLimit = new SourceRateLimitOptions { ExemptSources = [] },
            MaxServerTransactions = 10,
            PriorityReservePercent = 30,
        });

        for (var i = 0; i < 20; i++)
        {
            layer.Receive(Request(SipMethods.Options, i), Stranger);
        }

        Assert.Equal(7, layer.ServerTransactionCount); // 30 % of the cap is out of the stranger's reach
        Assert.Equal(13, _transport.CountResponses(503));

        layer.Receive(Request(SipMethods.Invite, 100), Trunk);             // the trunk's new call
        layer.Receive(InDialog(SipMethods.Bye, 101), Stranger);            // a BYE of a call in progress, from an agent's phone
        layer.Receive(Request(SipMethods.Options, 102), Trunk);
        Assert.Equal(10, layer.ServerTransactionCount);

        layer.Receive(Request(SipMethods.Options, 103), Trunk);            // the whole cap is still a cap
        Assert.Equal(10, layer.ServerTransactionCount);
        Assert.Equal(14, _transport.CountResponses(503));
    }

    private static SipRequest InDialog(string method, int i) => (SipRequest)TestMessages.Parse(
        $"""
        {method} sip:ivr@127.0.0.1:5060 SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.9:5060;branch=z9hG4bK{i};rport
        Max-Forwards: 70
        From: <sip:a@127.0.0.9>;tag=f{i}
        To: <sip:ivr@127.0.0.1>;tag=ours{i}
        Call-ID: {i}@cap
        CSeq: 2 {method}
        Content-Length: 0


        """);

    [Fact]
    public void Options_LargeRequests_HeldBytesCappedThenFreedWhenAnswered()
    {
        var layer = Layer(new SipSecurityOptions { MaxServerTransactionBytes = 100_000 });

        for (var i = 0; i < 20; i++)
        {
            layer.Receive(Request(SipMethods.Options, i, padding: 8_000), Stranger);
        }

        Assert.InRange(layer.ServerTransactionBytes, 80_000, 100_000);
        Assert.InRange(_user.Requests.Count, 10, 12);
        Assert.True(_transport.CountResponses(503) >= 8);

        foreach (var tx in _user.Requests)
        {
            tx.Respond(200);
        }

        // Completed, waiting for timer J: only Via/From/To/Call-ID/CSeq are kept, the 8 KB header is let go.
        Assert.Equal(0, layer.ServerTransactionBytes);
        Assert.All(_user.Requests, tx => Assert.False(tx.Request.Headers.Contains("X-Padding")));
        Assert.Equal(_user.Requests.Count, layer.ServerTransactionCount);

        _time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(0, layer.ServerTransactionCount);
    }

    [Fact]
    public void Options_RetransmittedAfterTrim_AnsweredWithSameResponse()
    {
        var layer = Layer(new SipSecurityOptions());
        var request = Request(SipMethods.Options, 1, padding: 1000);
        layer.Receive(request, Stranger);
        Assert.True(_user.Requests.TryDequeue(out var tx));
        tx.Respond(200);

        layer.Receive(request, Stranger);

        Assert.Equal(2, _transport.CountResponses(200));
        var retransmitted = _transport.Messages.OfType<SipResponse>().Last();
        Assert.Equal(Encoding.UTF8.GetString(_transport.Messages.OfType<SipResponse>().First().ToArray()), Encoding.UTF8.GetString(retransmitted.ToArray()));
    }
}
