using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Transactions;
using Switchboard.Sip.Transactions;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.Diagnostics;

public sealed class SipTracingTests : IDisposable
{
    private static readonly ActivitySource Caller = new("Switchboard.Sip.Tests.Caller");
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingTransport _transport = new();
    private readonly SipTransactionLayer _layer;
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name is SipTracing.SourceName or "Switchboard.Sip.Tests.Caller",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public SipTracingTests()
    {
        ActivitySource.AddActivityListener(_listener);
        _layer = new SipTransactionLayer(_transport, _time) { User = new RecordingUser() };
    }

    [Fact]
    public async Task ClientInvite_486_SpanUnderTheCallersSpanEndsWithTheStatus()
    {
        using var call = Caller.StartActivity("call")!;

        var tx = _layer.SendRequest(TestMessages.Outgoing(SipMethods.Invite), TestMessages.PeerUdp);
        Assert.Same(call, Activity.Current); // the caller keeps its ambient span
        _layer.Receive(TestMessages.ResponseTo(tx.Request, 486), TestMessages.PeerUdp);
        await tx.FinalResponse.DefaultTimeout();

        var span = Assert.IsType<Activity>(tx.Activity);
        Assert.True(span.IsStopped);
        Assert.Equal(("SIP INVITE", ActivityKind.Client), (span.DisplayName, span.Kind));
        Assert.Equal(call.SpanId, span.ParentSpanId);
        Assert.Equal(486, span.GetTagItem("sip.status_code"));
        Assert.Equal("udp", span.GetTagItem("network.transport"));
    }

    [Fact]
    public async Task ClientOptions_TimerF_SpanMarkedTimedOut()
    {
        var tx = _layer.SendRequest(TestMessages.Outgoing(SipMethods.Options), TestMessages.PeerTcp);
        _time.Advance(TimeSpan.FromSeconds(32));
        await tx.FinalResponse.DefaultTimeout();

        var span = Assert.IsType<Activity>(tx.Activity);
        Assert.True(span.IsStopped);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(SipTransactionMetrics.TimeoutOutcome, span.GetTagItem("sip.outcome"));
        Assert.Null(span.Parent); // no caller span: a trace of its own
    }

    public void Dispose() => _listener.Dispose();
}
