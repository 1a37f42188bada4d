using System.Text;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Interop;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.UserAgents;

/// <summary>Our UAC against our UAS over real loopback sockets.</summary>
public sealed class SipUserAgentTests
{
    private static async Task<(SipDialog Caller, SipDialog Callee)> ConnectAsync(TwoEndpoints pair, string transport = "udp")
    {
        var invite = pair.Caller.UserAgent.InviteAsync(pair.CalleeUri(transport), TestSdp.ContentType, TestSdp.Create(4000));
        var call = await pair.Callee.UserAgent.IncomingCalls.ReadAsync().AsTask().DefaultTimeout();
        Assert.Equal("ivr", call.Request.Uri.User);
        Assert.Equal(Encoding.ASCII.GetString(TestSdp.Create(4000)), Encoding.ASCII.GetString(call.OfferBody.Span));
        await call.RingAsync().DefaultTimeout();
        var answer = call.AnswerAsync(TestSdp.ContentType, TestSdp.Create(5000));
        var result = await invite.DefaultTimeout();
        Assert.True(result.Answered);
        Assert.Equal(Encoding.ASCII.GetString(TestSdp.Create(5000)), Encoding.ASCII.GetString(result.AnswerBody.Span));
        return (result.Dialog!, await answer.DefaultTimeout());
    }

    [Theory]
    [InlineData("udp")]
    [InlineData("tcp")]
    public async Task Invite_AnsweredThenCallerByes_BothDialogsEnd(string transport)
    {
        await using var pair = new TwoEndpoints();
        var (caller, callee) = await ConnectAsync(pair, transport);

        Assert.Equal(SipDialogState.Confirmed, caller.State);
        Assert.Equal(SipDialogState.Confirmed, callee.State);
        Assert.Equal(caller.CallId, callee.CallId);
        Assert.Equal(caller.LocalTag, callee.RemoteTag);
        Assert.Equal(200, (await caller.ByeAsync().DefaultTimeout()).StatusCode);

        var end = await callee.Terminated.DefaultTimeout();
        Assert.True(end.ByRemote);
        Assert.Equal("BYE", end.Reason);
        Assert.Equal(0, pair.Callee.UserAgent.DialogCount);
    }

    [Fact]
    public async Task Dialog_CalleeByes_CallerSeesRemoteEnd()
    {
        await using var pair = new TwoEndpoints();
        var (caller, callee) = await ConnectAsync(pair);

        await callee.ByeAsync().DefaultTimeout();

        Assert.True((await caller.Terminated.DefaultTimeout()).ByRemote);
    }

    [Fact]
    public async Task SendInfo_DtmfRelay_SurfacedWithBodyAndAnswered200()
    {
        await using var pair = new TwoEndpoints();
        var (caller, callee) = await ConnectAsync(pair);

        var response = await caller.SendInfoAsync("application/dtmf-relay", Encoding.ASCII.GetBytes("Signal=5\r\nDuration=160\r\n")).DefaultTimeout();
        var info = await callee.Requests.ReadAsync().AsTask().DefaultTimeout();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(SipMethods.Info, info.Method);
        Assert.Equal("application/dtmf-relay", info.ContentType);
        Assert.StartsWith("Signal=5", Encoding.ASCII.GetString(info.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendReinvite_HoldOffer_AnsweredWithNewSdpAndAcked()
    {
        await using var pair = new TwoEndpoints();
        var (caller, callee) = await ConnectAsync(pair);
        var hold = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(TestSdp.Create(4000)).Replace("sendrecv", "sendonly", StringComparison.Ordinal));

        var reinvite = caller.SendReinviteAsync(TestSdp.ContentType, hold);
        var request = await callee.Requests.ReadAsync().AsTask().DefaultTimeout();
        Assert.Equal(SipMethods.Invite, request.Method);
        Assert.Contains("a=sendonly", Encoding.ASCII.GetString(request.Body.Span), StringComparison.Ordinal);
        await request.RespondAsync(200, TestSdp.ContentType, Encoding.ASCII.GetBytes("v=0\r\na=recvonly\r\n")).DefaultTimeout();

        var response = await reinvite.DefaultTimeout();
        Assert.Equal(200, response.StatusCode);
        Assert.Contains("recvonly", Encoding.ASCII.GetString(response.Body.Span), StringComparison.Ordinal);
        Assert.Equal(200, (await caller.SendInfoAsync("text/plain", "x"u8.ToArray()).DefaultTimeout()).StatusCode); // dialog still fine
    }

    [Fact]
    public async Task SendRefer_TransferTarget_202AndNotify()
    {
        await using var pair = new TwoEndpoints();
        var (caller, callee) = await ConnectAsync(pair);

        var refer = callee.SendReferAsync(SipUri.Parse("sip:agent7@127.0.0.1:5099"));
        var request = await caller.Requests.ReadAsync().AsTask().DefaultTimeout();
        Assert.Equal("sip:agent7@127.0.0.1:5099", request.ReferTo!.Uri.ToString());
        await request.RespondAsync(202).DefaultTimeout();
        Assert.Equal(202, (await refer.DefaultTimeout()).StatusCode);

        Assert.Equal(200, (await caller.SendReferNotifyAsync("SIP/2.0 200 OK", final: true).DefaultTimeout()).StatusCode);
        var notify = await callee.Requests.ReadAsync().AsTask().DefaultTimeout();
        Assert.Equal("refer", notify.Request.Headers[SipHeaderNames.Event]);
        Assert.Equal("SIP/2.0 200 OK\r\n", Encoding.ASCII.GetString(notify.Body.Span));
    }

    [Fact]
    public async Task Invite_Rejected486_FailedResult()
    {
        await using var pair = new TwoEndpoints();

        var invite = pair.Caller.UserAgent.InviteAsync(pair.CalleeUri(), TestSdp.ContentType, TestSdp.Create());
        var call = await pair.Callee.UserAgent.IncomingCalls.ReadAsync().AsTask().DefaultTimeout();
        await call.RejectAsync(486).DefaultTimeout();
        var result = await invite.DefaultTimeout();

        Assert.False(result.Answered);
        Assert.Equal(486, result.StatusCode);
    }

    [Fact]
    public async Task Invite_RingTimeout_CancelSentAndCalleeSeesCancelled487()
    {
        await using var pair = new TwoEndpoints();
        var provisional = new TaskCompletionSource<int>();

        var invite = pair.Caller.UserAgent.InviteAsync(pair.CalleeUri(), TestSdp.ContentType, TestSdp.Create(),
            new() { RingTimeout = TimeSpan.FromMilliseconds(700), OnProvisional = r => { if (r.StatusCode == 180) { provisional.TrySetResult(r.StatusCode); } } });
        var call = await pair.Callee.UserAgent.IncomingCalls.ReadAsync().AsTask().DefaultTimeout();
        await call.RingAsync().DefaultTimeout();
        Assert.Equal(180, await provisional.Task.DefaultTimeout());

        var result = await invite.DefaultTimeout();
        await call.Cancelled.DefaultTimeout();
        Assert.Equal(487, result.StatusCode);
        await Assert.ThrowsAsync<OperationCanceledException>(() => call.AnswerAsync(TestSdp.ContentType, TestSdp.Create()));
    }

    [Fact]
    public async Task Options_ToEndpoint_200WithAllowAcceptSupported()
    {
        await using var pair = new TwoEndpoints();

        var response = await pair.Caller.UserAgent.OptionsAsync(pair.CalleeUri()).DefaultTimeout();

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("REFER", response.Headers[SipHeaderNames.Allow], StringComparison.Ordinal);
        Assert.Equal("application/sdp", response.Headers[SipHeaderNames.Accept]);
    }

    [Fact]
    public async Task InviteWithCredentials_Challenged401_RetriedOnceWithValidDigest()
    {
        await using var pair = new TwoEndpoints();
        var loop = Task.Run(async () =>
        {
            var challenges = 0;
            await foreach (var call in pair.Callee.UserAgent.IncomingCalls.ReadAllAsync())
            {
                if (call.Request.Headers[SipHeaderNames.Authorization] is not { } authorization)
                {
                    challenges++;
                    var challenge = new DigestChallenge("sw", "nonce-" + challenges, DigestAlgorithm.Sha256, "auth");
                    await call.RejectAsync(401, null, [new SipHeader(SipHeaderNames.WwwAuthenticate, challenge.ToString())]);
                    continue;
                }

                Assert.True(DigestCredentials.TryParse(authorization, out var credentials));
                Assert.True(credentials.Verify("p", SipMethods.Invite));
                Assert.Equal(2, call.Request.CSeq!.Value.Number);
                await call.RejectAsync(401, null, [new SipHeader(SipHeaderNames.WwwAuthenticate, new DigestChallenge("sw", "again").ToString())]);
                return challenges;
            }

            return -1;
        });

        var result = await pair.Caller.UserAgent.InviteAsync(pair.CalleeUri(), TestSdp.ContentType, TestSdp.Create(),
            new() { Credentials = new("u", "p") }).DefaultTimeout();

        Assert.Equal(401, result.StatusCode); // the second challenge is not answered: once only
        Assert.Equal(1, await loop.DefaultTimeout());
    }
}
