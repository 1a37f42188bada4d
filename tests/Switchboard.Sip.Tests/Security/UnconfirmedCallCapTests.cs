using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Security;
using Switchboard.Sip.Tests.Transactions;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;
using Switchboard.Sip.UserAgents;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.Security;

public sealed class UnconfirmedCallCapTests
{
    private static readonly SipEndPoint Trunk = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.0.2"), 5060));
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingTransport _transport = new();

    private static readonly SipEndPoint OtherSource = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.0.3"), 5060));

    private static SipRequest Invite(int i) => (SipRequest)TestMessages.Parse(
        $"""
        INVITE sip:ivr@127.0.0.1:5060 SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bKinv{i};rport
        Max-Forwards: 70
        From: <sip:a@127.0.0.2>;tag=f{i}
        To: <sip:ivr@127.0.0.1>
        Call-ID: {i}@unconfirmed
        CSeq: 1 INVITE
        Contact: <sip:a@127.0.0.2:5060>
        Content-Length: 0


        """);

    [Fact]
    public async Task Invite_BeyondUnconfirmedCap_503UntilACallIsSettled()
    {
        var events = new SipSecurityEvents();
        var layer = new SipTransactionLayer(_transport, _time) { Security = new SipSecurityOptions { MaxUnconfirmedCalls = 2 }, SecurityEvents = events };
        var ua = new SipUserAgent(layer);

        layer.Receive(Invite(1), Trunk);
        layer.Receive(Invite(2), Trunk);
        layer.Receive(Invite(3), Trunk);

        Assert.Equal(2, ua.UnconfirmedCallCount);
        Assert.Equal(1, _transport.CountResponses(503));
        Assert.Equal(1, events.Count(SipSecurityEvent.CapacityRefused));

        var first = await ua.IncomingCalls.ReadAsync().AsTask().DefaultTimeout();
        await first.RejectAsync(486);
        Assert.Equal(1, ua.UnconfirmedCallCount);

        layer.Receive(Invite(4), Trunk);
        Assert.Equal(2, ua.UnconfirmedCallCount);
        Assert.Equal(1, _transport.CountResponses(503));
    }

    [Fact]
    public async Task Invite_BeyondPerSourceCap_503ForThatSourceOnlyUntilOneOfItsCallsIsSettled()
    {
        var events = new SipSecurityEvents();
        var layer = new SipTransactionLayer(_transport, _time)
        {
            Security = new SipSecurityOptions { MaxUnconfirmedCalls = 10, MaxUnconfirmedCallsPerSource = 2 },
            SecurityEvents = events,
        };
        var ua = new SipUserAgent(layer);

        layer.Receive(Invite(1), Trunk);
        layer.Receive(Invite(2), Trunk);
        layer.Receive(Invite(3), Trunk);   // the source's third unconfirmed call: refused
        layer.Receive(Invite(4), OtherSource); // another allowed source still gets in

        Assert.Equal(3, ua.UnconfirmedCallCount);
        Assert.Equal(1, _transport.CountResponses(503));
        Assert.Equal(1, events.Count(SipSecurityEvent.CapacityRefused));

        var first = await ua.IncomingCalls.ReadAsync().AsTask().DefaultTimeout();
        Assert.Equal(Trunk, first.Remote);
        await first.RejectAsync(486);
        layer.Receive(Invite(5), Trunk);   // room again for that source
        Assert.Equal(3, ua.UnconfirmedCallCount);
        Assert.Equal(1, _transport.CountResponses(503));
    }

    [Fact]
    public async Task Invite_AnsweredNeverAcked_SettledWhenTheDialogGivesUp()
    {
        var layer = new SipTransactionLayer(_transport, _time);
        var ua = new SipUserAgent(layer);
        layer.Receive(Invite(1), Trunk);
        var call = await ua.IncomingCalls.ReadAsync().AsTask().DefaultTimeout();

        var answer = call.AnswerAsync("application/sdp", "v=0\r\n"u8.ToArray());
        Assert.Equal(1, ua.UnconfirmedCallCount);
        for (var i = 0; i < 33; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        await Assert.ThrowsAsync<TimeoutException>(() => answer.DefaultTimeout());
        Assert.Equal(0, ua.UnconfirmedCallCount);
        // RFC 3261 §13.3.1.4: the 2xx is retransmitted at T1 doubling to T2 for 64*T1, so at most 11 times, then BYE.
        Assert.InRange(_transport.CountResponses(200), 7, 12);
    }
}
