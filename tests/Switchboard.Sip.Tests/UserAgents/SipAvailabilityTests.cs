using Switchboard.Sip.Tests.Interop;
using Switchboard.Sip.UserAgents;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.UserAgents;

/// <summary>What a proxy probing the node sees: OPTIONS and new INVITEs by <see cref="SipUserAgent.Availability"/>.</summary>
public sealed class SipAvailabilityTests
{
    [Fact]
    public async Task Options_Degraded_503ButInviteStillOffered()
    {
        await using var pair = new TwoEndpoints();
        pair.Callee.UserAgent.Availability = () => SipAvailability.Degraded;

        var options = await pair.Caller.UserAgent.OptionsAsync(pair.CalleeUri()).DefaultTimeout();
        var invite = pair.Caller.UserAgent.InviteAsync(pair.CalleeUri(), TestSdp.ContentType, TestSdp.Create());
        var call = await pair.Callee.UserAgent.IncomingCalls.ReadAsync().AsTask().DefaultTimeout();
        await call.RejectAsync(486).DefaultTimeout();
        await invite.DefaultTimeout();

        Assert.Equal(503, options.StatusCode);
    }

    [Fact]
    public async Task OptionsAndInvite_Draining_Both503AndNoIncomingCall()
    {
        await using var pair = new TwoEndpoints();
        pair.Callee.UserAgent.Availability = () => SipAvailability.Draining;

        var options = await pair.Caller.UserAgent.OptionsAsync(pair.CalleeUri()).DefaultTimeout();
        var result = await pair.Caller.UserAgent.InviteAsync(pair.CalleeUri(), TestSdp.ContentType, TestSdp.Create()).DefaultTimeout();

        Assert.Equal(503, options.StatusCode);
        Assert.False(result.Answered);
        Assert.Equal(503, result.StatusCode);
        Assert.False(pair.Callee.UserAgent.IncomingCalls.TryRead(out _));
    }

    [Fact]
    public async Task Options_AvailableAgain_200()
    {
        await using var pair = new TwoEndpoints();
        var availability = SipAvailability.Draining;
        pair.Callee.UserAgent.Availability = () => availability;

        var during = await pair.Caller.UserAgent.OptionsAsync(pair.CalleeUri()).DefaultTimeout();
        availability = SipAvailability.Available;
        var after = await pair.Caller.UserAgent.OptionsAsync(pair.CalleeUri()).DefaultTimeout();

        Assert.Equal(503, during.StatusCode);
        Assert.Equal(200, after.StatusCode);
    }
}
