using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Interop;
using Switchboard.Sip.Transport;
using Switchboard.Sip.UserAgents;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.UserAgents;

/// <summary>Session timers (RFC 4028) as the answering side, our UAC against our UAS over loopback on a fake clock.</summary>
public sealed class SessionTimerTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly SipEndpoint _caller;
    private readonly SipEndpoint _callee;

    public SessionTimerTests()
    {
        _caller = SipEndpoint.Start(new SipEndpointOptions { Transport = new SipTransportOptions { Port = 0 } }, _time);
        _callee = SipEndpoint.Start(new SipEndpointOptions { Transport = new SipTransportOptions { Port = 0 } }, _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _caller.DisposeAsync();
        await _callee.DisposeAsync();
    }

    private async Task<(SipCallResult Result, SipDialog? Callee)> CallAsync(params SipHeader[] extra)
    {
        var invite = _caller.UserAgent.InviteAsync(SipUri.Parse($"sip:ivr@127.0.0.1:{_callee.Port}"), TestSdp.ContentType, TestSdp.Create(4000),
            new SipInviteOptions { ExtraHeaders = extra });
        var answered = Task.Run(async () =>
        {
            var call = await _callee.UserAgent.IncomingCalls.ReadAsync();
            return await call.AnswerAsync(TestSdp.ContentType, TestSdp.Create(5000));
        });
        var result = await invite.DefaultTimeout();
        return (result, result.Answered ? await answered.DefaultTimeout() : null);
    }

    [Fact]
    public async Task PeerRefreshes_NoRefreshBeforeExpiry_WeSendByeAndEndTheSession()
    {
        var (result, callee) = await CallAsync(new SipHeader(SipHeaderNames.SessionExpires, "90"), new SipHeader(SipHeaderNames.Require, "timer"));

        Assert.True(result.Answered); // Require: timer is understood, not 420
        Assert.Equal("90;refresher=uac", result.FinalResponse.Headers[SipHeaderNames.SessionExpires]);
        Assert.Contains("timer", result.FinalResponse.Headers.GetValues(SipHeaderNames.Require));
        Assert.Equal(new SessionInterval(90, WeRefresh: false, PeerSupportsTimer: true), callee!.Session);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(callee.Terminated.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1)); // 90 - min(32, 90/3)

        Assert.Equal("Session expired", (await callee.Terminated.DefaultTimeout()).Reason);
        Assert.True((await result.Dialog!.Terminated.DefaultTimeout()).ByRemote); // the BYE reached the caller
    }

    [Fact]
    public async Task PeerRefreshes_RefreshWithReinvite_RestartsTheInterval()
    {
        var (result, callee) = await CallAsync(new SipHeader(SipHeaderNames.SessionExpires, "120;refresher=uac"), new SipHeader(SipHeaderNames.Supported, "timer"));
        var caller = result.Dialog!;
        _time.Advance(TimeSpan.FromSeconds(50));

        var refresh = caller.SendReinviteAsync(TestSdp.ContentType, TestSdp.Create(4000),
            [new SipHeader(SipHeaderNames.SessionExpires, "120;refresher=uac"), new SipHeader(SipHeaderNames.Supported, "timer")], CancellationToken.None);
        var request = await callee!.Requests.ReadAsync().AsTask().DefaultTimeout();
        await request.RespondAsync(200, TestSdp.ContentType, TestSdp.Create(5000)).DefaultTimeout();
        var response = await refresh.DefaultTimeout();
        Assert.Equal("120;refresher=uac", response.Headers[SipHeaderNames.SessionExpires]);
        await Eventually.UntilAsync(() => !callee.AwaitingAck, "the callee got our ACK"); // else the fake clock would time our 2xx out first

        _time.Advance(TimeSpan.FromSeconds(87)); // 137 s after the answer: the first interval (88 s) would be over, the refreshed one not
        Assert.Equal(SipDialogState.Confirmed, callee.State);
        _time.Advance(TimeSpan.FromSeconds(1)); // 120 - min(32, 120/3) after the refresh
        Assert.Equal("Session expired", (await callee.Terminated.DefaultTimeout()).Reason);
    }

    [Fact]
    public async Task PeerWithoutTimerSupport_WeRefresh_AndTheSessionStaysUp()
    {
        var (result, callee) = await CallAsync(new SipHeader(SipHeaderNames.SessionExpires, "90")); // e.g. inserted by a proxy
        var caller = result.Dialog!;

        Assert.Equal("90;refresher=uas", result.FinalResponse.Headers[SipHeaderNames.SessionExpires]);
        Assert.DoesNotContain("timer", result.FinalResponse.Headers.GetValues(SipHeaderNames.Require));
        var first = callee!.Session;

        _time.Advance(TimeSpan.FromSeconds(45));
        var refresh = await caller.Requests.ReadAsync().AsTask().DefaultTimeout();
        Assert.Contains(refresh.Method, new[] { SipMethods.Update, SipMethods.Invite });
        Assert.Equal("90;refresher=uac", refresh.Request.Headers[SipHeaderNames.SessionExpires]);
        await refresh.RespondAsync(200, refresh.Method == SipMethods.Invite ? TestSdp.ContentType : null,
            refresh.Method == SipMethods.Invite ? TestSdp.Create(4000) : default).DefaultTimeout();
        await Eventually.UntilAsync(() => !ReferenceEquals(callee.Session, first) && !caller.AwaitingAck, "the refresh's 2xx re-armed the session and was ACKed"); // the 2xx re-armed our timer

        _time.Advance(TimeSpan.FromSeconds(44));
        Assert.False(callee.Terminated.IsCompleted);
        Assert.Equal(SipDialogState.Confirmed, callee.State);
    }

    [Fact]
    public async Task IntervalBelowOurMinimum_FromAPeerWithSupport_Refused422WithMinSe()
    {
        var (result, _) = await CallAsync(new SipHeader(SipHeaderNames.SessionExpires, "30"), new SipHeader(SipHeaderNames.Supported, "timer"));

        Assert.Equal(SipStatusCodes.SessionIntervalTooSmall, result.StatusCode);
        Assert.Equal("90", result.FinalResponse.Headers[SipHeaderNames.MinSessionExpires]);
    }

    [Fact]
    public async Task NoSessionExpires_NoTimer()
    {
        var (result, callee) = await CallAsync();

        Assert.Null(result.FinalResponse.Headers[SipHeaderNames.SessionExpires]);
        Assert.Null(callee!.Session);
        _time.Advance(TimeSpan.FromHours(2));
        Assert.False(callee.Terminated.IsCompleted);
    }

    [Theory]
    [InlineData("1800", 1800, null)]
    [InlineData("1800;refresher=uas", 1800, "uas")]
    [InlineData(" 600 ; Refresher = UAC ", 600, "uac")]
    [InlineData("99999999999", 86400, null)]
    public void TryParse_DeltaAndRefresher(string value, int seconds, string? refresher)
    {
        Assert.True(SessionInterval.TryParse(value, out var s, out var r));
        Assert.Equal((seconds, refresher), (s, r));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("0")]
    public void TryParse_Garbage_NoTimer(string? value) => Assert.False(SessionInterval.TryParse(value, out _, out _));
}
