using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.Transactions;

public sealed class ClientTransactionTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingTransport _transport = new();
    private readonly RecordingUser _user = new();
    private readonly SipTransactionLayer _layer;

    public ClientTransactionTests()
    {
        _layer = new SipTransactionLayer(_transport, _time) { User = _user };
    }

    [Fact]
    public async Task InviteTimerA_Udp_RetransmitsDoublingUntilTimerB()
    {
        var tx = _layer.SendRequest(TestMessages.Outgoing(SipMethods.Invite), TestMessages.PeerUdp);
        Assert.Equal(SipTransactionState.Calling, tx.State);
        Assert.Equal(1, _transport.CountRequests(SipMethods.Invite));

        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, _transport.CountRequests(SipMethods.Invite));
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(2, _transport.CountRequests(SipMethods.Invite));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, _transport.CountRequests(SipMethods.Invite));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(4, _transport.CountRequests(SipMethods.Invite));

        for (var i = 0; i < 28; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1)); // step so that each re-armed timer fires at its own time
        }

        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(tx.FinalResponse.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var final = await tx.FinalResponse.DefaultTimeout();
        Assert.Equal(408, final.StatusCode);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(7, _transport.CountRequests(SipMethods.Invite)); // 0, .5, 1.5, 3.5, 7.5, 15.5, 31.5 s
        Assert.Equal(0, _layer.ClientTransactionCount);
    }

    [Fact]
    public void InviteTimerA_Tcp_NoRetransmission()
    {
        var tx = _layer.SendRequest(TestMessages.Outgoing(SipMethods.Invite), TestMessages.PeerTcp);

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, _transport.CountRequests(SipMethods.Invite));
        Assert.Equal(SipTransactionState.Calling, tx.State);
    }

    [Fact]
    public async Task Invite_ProvisionalThenFailure_AcksAndAbsorbsRetransmissionsUntilTimerD()
    {
        var tx = _layer.SendRequest(TestMessages.Outgoing(SipMethods.Invite), TestMessages.PeerUdp);
        var provisional = new TaskCompletionSource<SipResponse>();
        tx.ProvisionalReceived = r => provisional.TrySetResult(r);

        _layer.Receive(TestMessages.ResponseTo(tx.Request, 180), TestMessages.PeerUdp);
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
        Assert.Equal(180, (await provisional.Task.DefaultTimeout()).StatusCode);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, _transport.CountRequests(SipMethods.Invite)); // timer A stopped

        var busy = TestMessages.ResponseTo(tx.Request, 486);
        _layer.Receive(busy, TestMessages.PeerUdp);
        Assert.Equal(486, (await tx.FinalResponse.DefaultTimeout()).StatusCode);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        var ack = Assert.IsType<SipRequest>(_transport.Messages.Last());
        Assert.Equal(SipMethods.Ack, ack.Method);
        Assert.Equal(tx.Request.TopVia!.Branch, ack.TopVia!.Branch);
        Assert.Equal("totag", ack.To!.Tag);
        Assert.Equal(new SipCSeq(tx.Request.CSeq!.Value.Number, "ACK"), ack.CSeq);

        _layer.Receive(busy, TestMessages.PeerUdp);
        Assert.Equal(2, _transport.CountRequests(SipMethods.Ack));

        _time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public async Task Invite_Success_AcceptedPassesFurther2xxUntilTimerM()
    {
        var tx = _layer.SendRequest(TestMessages.Outgoing(SipMethods.Invite), TestMessages.PeerUdp);
        var extra = 0;
        tx.AdditionalSuccessReceived = _ => extra++;

        var ok = TestMessages.ResponseTo(tx.Request, 200);
        _layer.Receive(ok, TestMessages.PeerUdp);
        Assert.Equal(200, (await tx.FinalResponse.DefaultTimeout()).StatusCode);
        Assert.Equal(SipTransactionState.Accepted, tx.State);
        Assert.Equal(0, _transport.CountRequests(SipMethods.Ack)); // the UA core ACKs a 2xx, not the transaction

        _layer.Receive(ok, TestMessages.PeerUdp);
        Assert.Equal(1, extra);
        _time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        _layer.Receive(ok, TestMessages.PeerUdp);
        Assert.Single(_user.Stray);
    }

    [Fact]
    public async Task NonInviteTimerE_Udp_DoublesToT2ThenTimerF()
    {
        var tx = _layer.SendRequest(TestMessages.Outgoing(SipMethods.Options), TestMessages.PeerUdp);
        Assert.Equal(SipTransactionState.Trying, tx.State);

        var expected = new[] { 500, 1000, 2000, 4000, 4000 };
        var count = 1;
        foreach (var ms in expected)
        {
            _time.Advance(TimeSpan.FromMilliseconds(ms - 1));
            Assert.Equal(count, _transport.CountRequests(SipMethods.Options));
            _time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(++count, _transport.CountRequests(SipMethods.Options));
        }

        _time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(408, (await tx.FinalResponse.DefaultTimeout()).StatusCode);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void NonInviteTimerE_Proceeding_RetransmitsEveryT2()
    {
        var tx = _layer.SendRequest(TestMessages.Outgoing(SipMethods.Options), TestMessages.PeerUdp);
        _layer.Receive(TestMessages.ResponseTo(tx.Request, 100, null), TestMessages.PeerUdp);
        Assert.Equal(SipTransactionState.Proceeding, tx.State);

        _time.Advance(TimeSpan.FromMilliseconds(500)); // pending timer E fires, then resets to T2
        Assert.Equal(2, _transport.CountRequests(SipMethods.Options));
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(3, _transport.CountRequests(SipMethods.Options));
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(4, _transport.CountRequests(SipMethods.Options));
    }

    [Fact]
    public async Task NonInvite_Final_CompletedUntilTimerK()
    {
        var tx = _layer.SendRequest(TestMessages.Outgoing(SipMethods.Options), TestMessages.PeerUdp);

        _layer.Receive(TestMessages.ResponseTo(tx.Request, 200), TestMessages.PeerUdp);

        Assert.Equal(200, (await tx.FinalResponse.DefaultTimeout()).StatusCode);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        _layer.Receive(TestMessages.ResponseTo(tx.Request, 200), TestMessages.PeerUdp); // absorbed
        _time.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.Equal(SipTransactionState.Completed, tx.State);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Empty(_user.Stray);
    }

    [Fact]
    public void NonInvite_FinalOverTcp_TerminatesAtOnce()
    {
        var tx = _layer.SendRequest(TestMessages.Outgoing(SipMethods.Options), TestMessages.PeerTcp);

        _layer.Receive(TestMessages.ResponseTo(tx.Request, 200), TestMessages.PeerTcp);

        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public async Task SendCancel_PendingInvite_CancelSharesBranchAnd487Acked()
    {
        var invite = _layer.SendRequest(TestMessages.Outgoing(SipMethods.Invite), TestMessages.PeerUdp);
        _layer.Receive(TestMessages.ResponseTo(invite.Request, 180), TestMessages.PeerUdp);

        var cancel = _layer.SendCancel(invite);
        Assert.Equal(invite.Request.TopVia!.Branch, cancel.Request.TopVia!.Branch);
        Assert.Equal(SipMethods.Cancel, cancel.Request.CSeq!.Value.Method);
        _layer.Receive(TestMessages.ResponseTo(cancel.Request, 200), TestMessages.PeerUdp);
        _layer.Receive(TestMessages.ResponseTo(invite.Request, 487), TestMessages.PeerUdp);

        Assert.Equal(200, (await cancel.FinalResponse.DefaultTimeout()).StatusCode);
        Assert.Equal(487, (await invite.FinalResponse.DefaultTimeout()).StatusCode);
        Assert.Equal(1, _transport.CountRequests(SipMethods.Ack));
    }
}
