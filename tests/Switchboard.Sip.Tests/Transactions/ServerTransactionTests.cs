using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.Transactions;

public sealed class ServerTransactionTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingTransport _transport = new();
    private readonly RecordingUser _user = new();
    private readonly SipTransactionLayer _layer;

    public ServerTransactionTests()
    {
        _layer = new SipTransactionLayer(_transport, _time) { User = _user };
    }

    private ServerInviteTransaction ReceiveInvite(string transport = "UDP")
    {
        _layer.Receive(TestMessages.Request(SipMethods.Invite, transport: transport), transport == "UDP" ? TestMessages.PeerUdp : TestMessages.PeerTcp);
        Assert.True(_user.Requests.TryDequeue(out var tx));
        return Assert.IsType<ServerInviteTransaction>(tx);
    }

    private SipRequest Ack(string transport = "UDP") => TestMessages.Request(SipMethods.Ack, transport: transport);

    [Fact]
    public void Invite_Received_Sends100AndAbsorbsRetransmission()
    {
        var tx = ReceiveInvite();
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
        Assert.Equal(1, _transport.CountResponses(100));

        _layer.Receive(TestMessages.Request(SipMethods.Invite), TestMessages.PeerUdp);

        Assert.Empty(_user.Requests);
        Assert.Equal(2, _transport.CountResponses(100));
    }

    [Fact]
    public void Invite_Received_ViaStampedWithReceivedAndRport()
    {
        var tx = ReceiveInvite();

        Assert.Equal(5070, tx.Request.TopVia!.RPort);
        Assert.Equal("127.0.0.1", tx.Request.TopVia.Received);
        Assert.Equal("5070", ((SipResponse)_transport.Messages[0]).TopVia!.Parameters.Get("rport"));
    }

    [Fact]
    public async Task InviteFailure_TimerGRetransmitsUntilAck_ThenTimerI()
    {
        var tx = ReceiveInvite();
        tx.Respond(486, null, "t1");
        Assert.Equal(SipTransactionState.Completed, tx.State);

        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, _transport.CountResponses(486));
        _time.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(3, _transport.CountResponses(486));
        _time.Advance(TimeSpan.FromMilliseconds(2000));
        Assert.Equal(4, _transport.CountResponses(486));
        _time.Advance(TimeSpan.FromMilliseconds(4000));
        Assert.Equal(5, _transport.CountResponses(486));
        _time.Advance(TimeSpan.FromMilliseconds(4000)); // capped at T2
        Assert.Equal(6, _transport.CountResponses(486));

        _layer.Receive(Ack(), TestMessages.PeerUdp);
        Assert.True(await tx.AckReceived.DefaultTimeout());
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        Assert.Empty(_user.Acks);
        _layer.Receive(Ack(), TestMessages.PeerUdp); // absorbed in Confirmed
        Assert.Empty(_user.Acks);
        _time.Advance(TimeSpan.FromSeconds(5)); // timer I = T4
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(6, _transport.CountResponses(486));
    }

    [Fact]
    public async Task InviteFailure_NoAck_TimerHTerminates()
    {
        var tx = ReceiveInvite();
        tx.Respond(603, null, "t1");

        _time.Advance(TimeSpan.FromMilliseconds(32_000 - 1));
        Assert.Equal(SipTransactionState.Completed, tx.State);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(await tx.AckReceived.DefaultTimeout());
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void InviteFailure_Tcp_NoRetransmissionAndTimerIZero()
    {
        var tx = ReceiveInvite("TCP");
        tx.Respond(486, null, "t1");
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, _transport.CountResponses(486));

        _layer.Receive(Ack("TCP"), TestMessages.PeerTcp);

        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void InviteSuccess_AcceptedAbsorbsInviteAndPassesAckToCore_TimerL()
    {
        var tx = ReceiveInvite();
        tx.Respond(200, null, "t1");
        Assert.Equal(SipTransactionState.Accepted, tx.State);

        _layer.Receive(TestMessages.Request(SipMethods.Invite), TestMessages.PeerUdp);
        Assert.Empty(_user.Requests);
        Assert.Equal(1, _transport.CountResponses(200)); // the core, not the transaction, retransmits 2xx

        _layer.Receive(TestMessages.Request(SipMethods.Ack, branch: "z9hG4bKack2"), TestMessages.PeerUdp);
        Assert.Single(_user.Acks);

        _time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.False(tx.Respond(500));
    }

    [Fact]
    public void NonInvite_Final_RetransmissionsAnsweredUntilTimerJ()
    {
        _layer.Receive(TestMessages.Request(SipMethods.Options), TestMessages.PeerUdp);
        Assert.True(_user.Requests.TryDequeue(out var tx));
        Assert.IsType<ServerNonInviteTransaction>(tx);
        Assert.Equal(SipTransactionState.Trying, tx.State);
        _layer.Receive(TestMessages.Request(SipMethods.Options), TestMessages.PeerUdp); // nothing to resend yet
        Assert.Empty(_transport.Messages);

        tx.Respond(100);
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
        tx.Respond(200, null, "t1");
        Assert.Equal(SipTransactionState.Completed, tx.State);
        _layer.Receive(TestMessages.Request(SipMethods.Options), TestMessages.PeerUdp);
        Assert.Equal(2, _transport.CountResponses(200));
        Assert.Empty(_user.Requests);

        _time.Advance(TimeSpan.FromMilliseconds(32_000 - 1));
        Assert.Equal(SipTransactionState.Completed, tx.State);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, _layer.ServerTransactionCount);
    }

    [Fact]
    public void NonInvite_FinalOverTcp_TimerJZero()
    {
        _layer.Receive(TestMessages.Request(SipMethods.Options, transport: "TCP"), TestMessages.PeerTcp);
        Assert.True(_user.Requests.TryDequeue(out var tx));

        tx.Respond(200, null, "t1");

        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void Cancel_PendingInvite_200ForCancelAndInviteSignalled()
    {
        var tx = ReceiveInvite();

        _layer.Receive(TestMessages.Request(SipMethods.Cancel), TestMessages.PeerUdp);

        Assert.True(tx.CancelRequested.IsCancellationRequested);
        var cancelOk = _transport.Messages.OfType<SipResponse>().Single(r => r.CSeq!.Value.Method == SipMethods.Cancel);
        Assert.Equal(200, cancelOk.StatusCode);
        Assert.Empty(_user.Requests);
    }

    [Fact]
    public void Cancel_NoMatchingInvite_481()
    {
        _layer.Receive(TestMessages.Request(SipMethods.Cancel, branch: "z9hG4bKnone"), TestMessages.PeerUdp);

        Assert.Equal(1, _transport.CountResponses(481));
    }

    [Fact]
    public void Cancel_AfterFinalResponse_200ButInviteNotSignalled()
    {
        var tx = ReceiveInvite();
        tx.Respond(200, null, "t1");

        _layer.Receive(TestMessages.Request(SipMethods.Cancel), TestMessages.PeerUdp);

        Assert.False(tx.CancelRequested.IsCancellationRequested);
        var cancelOk = _transport.Messages.OfType<SipResponse>().Single(r => r.CSeq!.Value.Method == SipMethods.Cancel);
        Assert.Equal(200, cancelOk.StatusCode); // §9.2: a matched CANCEL gets 200 even when it has no effect
    }

    [Fact]
    public void Rfc2543Request_NoCookie_MatchedByCallIdAndCSeq()
    {
        _layer.Receive(TestMessages.Request(SipMethods.Options, branch: "old"), TestMessages.PeerUdp);
        _layer.Receive(TestMessages.Request(SipMethods.Options, branch: "old"), TestMessages.PeerUdp);
        _layer.Receive(TestMessages.Request(SipMethods.Options, branch: "old", cseq: 2), TestMessages.PeerUdp);

        Assert.Equal(2, _user.Requests.Count);
    }
}
