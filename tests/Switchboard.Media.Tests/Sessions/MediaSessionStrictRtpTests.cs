using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtcp;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;
using Switchboard.TestSupport;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>Strict RTP/RTCP (issue 14): learning from signalled sources, locking, NAT, and what a wrong source may not do.</summary>
public sealed class MediaSessionStrictRtpTests : IAsyncDisposable
{
    private static readonly byte[] Silence = Enumerable.Repeat((byte)0xFF, 160).ToArray();

    private readonly FakeTimeProvider _time = new();
    private readonly FakeLogCollector _collected = new();
    private readonly ILoggerFactory _logs;
    private readonly MediaEngine _engine;

    public MediaSessionStrictRtpTests()
    {
        _logs = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_collected)));
        _engine = new MediaEngine(new MediaOptions { PortRangeStart = 30000, PortRangeEnd = 39998, RtpInactivityTimeout = TimeSpan.FromSeconds(30) }, _time, _logs);
    }

    [Fact]
    public async Task Receive_FromUnsignalledAddress_DroppedCountedAndNotSentTo()
    {
        using var phone = new TestPhone();
        using var attacker = new TestPhone("127.0.0.2");
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0 101"));
        var digits = Digits(session);

        for (var i = 0; i < 5; i++)
        {
            attacker.Send(session.LocalEndPoint, new RtpHeader(0, (ushort)i, (uint)i * 160, 0xBAD), Silence);
        }

        SendDigit(phone, session, '1', 0x1111);
        Assert.Equal('1', (await digits.Reader.ReadAsync().AsTask().DefaultTimeout()).Digit);

        Assert.Equal(5, session.WrongSourcePackets);
        Assert.Equal(3, session.PacketsReceived);
        Assert.Equal(5, _engine.SecurityCounters.WrongSourceRtp);
        Assert.Equal(phone.EndPoint, session.RemoteEndPoint);
        _engine.Clock.RunDueTicks();
        _time.Advance(TimeSpan.FromMilliseconds(20));
        _engine.Clock.RunDueTicks();
        Assert.Equal(session.Ssrc, (await phone.ReceiveAsync()).Header.Ssrc);
        Assert.Equal(0, attacker.Available);
    }

    [Fact]
    public async Task TelephoneEvent_FromWrongSource_RaisesNoDigit()
    {
        using var phone = new TestPhone();
        using var attacker = new TestPhone("127.0.0.3");
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0 101"));
        var digits = Digits(session);

        // The attacker knows the negotiated payload type and even uses the phone's SSRC.
        SendDigit(attacker, session, '5', 0x1111);
        SendDigit(phone, session, '#', 0x1111, timestamp: 960);

        Assert.Equal('#', (await digits.Reader.ReadAsync().AsTask().DefaultTimeout()).Digit);
        Assert.False(digits.Reader.TryRead(out _));
        Assert.Equal(3, session.WrongSourcePackets);
    }

    [Fact]
    public async Task Receive_AfterLearningWindow_LocksToLearntPortOfSameAddress()
    {
        using var phone = new TestPhone();
        using var sameHostOtherPort = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0 101"));
        var digits = Digits(session);

        SendDigit(phone, session, '1', 0x1111);
        await digits.Reader.ReadAsync().AsTask().DefaultTimeout();
        Assert.False(session.IsRemoteLocked);

        _time.Advance(TimeSpan.FromSeconds(3));
        SendDigit(phone, session, '2', 0x1111, timestamp: 960);
        await digits.Reader.ReadAsync().AsTask().DefaultTimeout();
        Assert.True(session.IsRemoteLocked);

        SendDigit(sameHostOtherPort, session, '3', 0x2222, timestamp: 1920);
        SendDigit(phone, session, '4', 0x1111, timestamp: 2880);

        Assert.Equal('4', (await digits.Reader.ReadAsync().AsTask().DefaultTimeout()).Digit);
        Assert.Equal(3, session.WrongSourcePackets);
        Assert.Equal(phone.EndPoint, session.RemoteEndPoint);
    }

    [Fact]
    public async Task Receive_DuringLearningWindow_FollowsNewPortOfSignalledAddress()
    {
        using var phone = new TestPhone();
        using var rebound = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0 101"));
        var digits = Digits(session);

        SendDigit(phone, session, '1', 0x1111);
        await digits.Reader.ReadAsync().AsTask().DefaultTimeout();
        SendDigit(rebound, session, '2', 0x1111, timestamp: 960);
        await digits.Reader.ReadAsync().AsTask().DefaultTimeout();

        Assert.Equal(rebound.EndPoint, session.RemoteEndPoint);
        Assert.Equal(0, session.WrongSourcePackets);
    }

    [Fact]
    public async Task Receive_CallerBehindNat_LearntFromSipSourceAddress()
    {
        using var natPublicSide = new TestPhone("127.0.0.4");
        using var attacker = new TestPhone("127.0.0.5");
        await using var session = _engine.CreateSession(startClock: false);
        session.SetSignallingSource(IPAddress.Parse("127.0.0.4"));
        session.AcceptOffer(natPublicSide.Offer("0 101", port: 4000, connection: "10.1.2.3"));
        var digits = Digits(session);

        SendDigit(attacker, session, '9', 0x1111);
        SendDigit(natPublicSide, session, '7', 0x1111, timestamp: 960);

        Assert.Equal('7', (await digits.Reader.ReadAsync().AsTask().DefaultTimeout()).Digit);
        Assert.Equal(natPublicSide.EndPoint, session.RemoteEndPoint);
        Assert.Equal(3, session.WrongSourcePackets);
    }

    [Fact]
    public async Task Receive_BehindNatWithoutSipSource_Dropped()
    {
        using var natPublicSide = new TestPhone("127.0.0.4");
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(natPublicSide.Offer("0 101", port: 4000, connection: "10.1.2.3"));

        SendDigit(natPublicSide, session, '7', 0x1111);

        Assert.True(SpinWait.SpinUntil(() => session.WrongSourcePackets == 3, TestTimeouts.Default));
        Assert.Equal(0, session.PacketsReceived);
    }

    [Fact]
    public async Task Rtcp_FromWrongSource_DoesNotKeepCallAlive()
    {
        using var phone = new TestPhone();
        using var attacker = new TestPhone("127.0.0.6");
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0"));
        var timeouts = 0;
        session.RtpTimeout += (_, _) => timeouts++;
        _engine.Clock.RunDueTicks();
        var rtcpPort = new IPEndPoint(IPAddress.Loopback, session.RtcpPort);
        var buffer = new byte[200];
        var length = RtcpPacket.WriteCompound(RtcpReport.Receiver(0x4242), "attacker@127.0.0.6", buffer);

        _time.Advance(TimeSpan.FromSeconds(20));
        attacker.SendRaw(rtcpPort, buffer[..length]);
        Assert.True(SpinWait.SpinUntil(() => session.WrongSourcePackets == 1, TestTimeouts.Default));
        _time.Advance(TimeSpan.FromSeconds(11));
        _engine.Clock.RunDueTicks();

        Assert.Equal(1, timeouts);
        Assert.Equal(1, _engine.SecurityCounters.WrongSourceRtcp);
    }

    [Fact]
    public async Task Rtcp_FromPeer_KeepsCallAlive()
    {
        using var phone = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0"));
        var timeouts = 0;
        session.RtpTimeout += (_, _) => timeouts++;
        _engine.Clock.RunDueTicks();
        var reported = new TaskCompletionSource<RtcpReport>();
        session.RtcpReportReceived += (_, r) => reported.TrySetResult(r);
        var buffer = new byte[200];
        var length = RtcpPacket.WriteCompound(RtcpReport.Receiver(0x4242), "phone@127.0.0.1", buffer);

        _time.Advance(TimeSpan.FromSeconds(20));
        phone.SendRaw(new IPEndPoint(IPAddress.Loopback, session.RtcpPort), buffer[..length]);
        await reported.Task.DefaultTimeout();
        _time.Advance(TimeSpan.FromSeconds(11));
        _engine.Clock.RunDueTicks();
        Assert.Equal(0, timeouts);
        _time.Advance(TimeSpan.FromSeconds(20));
        _engine.Clock.RunDueTicks();

        Assert.Equal(1, timeouts);
    }

    [Fact]
    public async Task Bridge_AudioFromWrongSource_NotRelayed()
    {
        using var caller = new TestPhone();
        using var agent = new TestPhone();
        using var attacker = new TestPhone("127.0.0.7");
        await using var callerLeg = _engine.CreateSession(startClock: false);
        await using var agentLeg = _engine.CreateSession(MediaLegDirection.Outbound, startClock: false);
        callerLeg.AcceptOffer(caller.Offer("0 101"));
        agentLeg.AcceptOffer(agent.Offer("0 101"));
        using var bridge = MediaBridge.Join(callerLeg, agentLeg);

        attacker.Send(callerLeg.LocalEndPoint, new RtpHeader(0, 1, 160, 0xBAD), Silence);
        Assert.True(SpinWait.SpinUntil(() => callerLeg.WrongSourcePackets == 1, TestTimeouts.Default));
        caller.Send(callerLeg.LocalEndPoint, new RtpHeader(0, 7, 1120, 0x1111), Silence);

        var relayed = await agent.ReceiveAsync();
        Assert.Equal(agentLeg.Ssrc, relayed.Header.Ssrc);
        Assert.Equal(0, agent.Available);
        Assert.Equal(1, agentLeg.PacketsSent);
    }

    [Fact]
    public async Task WrongSource_Spray_LogsRateLimitedSecurityEvents()
    {
        using var phone = new TestPhone();
        using var attacker = new TestPhone("127.0.0.8");
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0"));

        for (var i = 0; i < 50; i++)
        {
            attacker.Send(session.LocalEndPoint, new RtpHeader(0, (ushort)i, 0, 0xBAD), Silence);
        }

        Assert.True(SpinWait.SpinUntil(() => session.WrongSourcePackets == 50, TestTimeouts.Default));
        _time.Advance(TimeSpan.FromSeconds(11));
        attacker.Send(session.LocalEndPoint, new RtpHeader(0, 51, 0, 0xBAD), Silence);
        Assert.True(SpinWait.SpinUntil(() => session.WrongSourcePackets == 51, TestTimeouts.Default));

        var lines = _collected.GetSnapshot().Where(e => e.Category == "Switchboard.Security").ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(4100, l.Id.Id));
        Assert.All(lines, l => Assert.Equal(LogLevel.Warning, l.Level));
        Assert.All(lines, l => Assert.Equal("127.0.0.8", l.GetStructuredStateValue("SourceAddress")));
        Assert.Equal(["1", "50"], lines.Select(l => l.GetStructuredStateValue("Dropped")));
    }

    [Fact]
    public async Task ReInvite_SameAddress_KeepsLock_MovedAddress_LearnsAgain()
    {
        using var phone = new TestPhone();
        using var moved = new TestPhone("127.0.0.9");
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0 101"));
        var digits = Digits(session);
        _time.Advance(TimeSpan.FromSeconds(3));
        SendDigit(phone, session, '1', 0x1111);
        await digits.Reader.ReadAsync().AsTask().DefaultTimeout();
        Assert.True(session.IsRemoteLocked);

        session.AcceptOffer(phone.Offer("0 101", direction: "sendonly"));
        Assert.True(session.IsRemoteLocked);

        session.AcceptOffer(moved.Offer("0 101"));
        SendDigit(moved, session, '2', 0x3333);
        Assert.Equal('2', (await digits.Reader.ReadAsync().AsTask().DefaultTimeout()).Digit);
        Assert.Equal(moved.EndPoint, session.RemoteEndPoint);
    }

    [Fact]
    public async Task StrictRtpOff_FollowsAnySender()
    {
        await using var engine = new MediaEngine(new MediaOptions { PortRangeStart = 30000, PortRangeEnd = 39998, StrictRtp = false }, _time);
        using var phone = new TestPhone();
        using var other = new TestPhone("127.0.0.10");
        await using var session = engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0 101"));
        var digits = Digits(session);
        _time.Advance(TimeSpan.FromSeconds(3));

        SendDigit(other, session, '8', 0x1111);

        Assert.Equal('8', (await digits.Reader.ReadAsync().AsTask().DefaultTimeout()).Digit);
        Assert.Equal(other.EndPoint, session.RemoteEndPoint);
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        _logs.Dispose();
    }

    private static System.Threading.Channels.Channel<DtmfDigit> Digits(MediaSession session)
    {
        var digits = System.Threading.Channels.Channel.CreateUnbounded<DtmfDigit>();
        session.DigitReceived += (_, d) => digits.Writer.TryWrite(d);
        return digits;
    }

    /// <summary>An RFC 4733 press: start, then the end packet sent three times (RFC 4733 §2.5.1.4), same timestamp.</summary>
    private static void SendDigit(TestPhone from, MediaSession to, char digit, uint ssrc, uint timestamp = 160)
    {
        var code = (byte)(digit switch { '*' => 10, '#' => 11, _ => digit - '0' });
        from.Send(to.LocalEndPoint, new RtpHeader(101, 1, timestamp, ssrc, Marker: true), [code, 10, 0, 160]);
        from.Send(to.LocalEndPoint, new RtpHeader(101, 2, timestamp, ssrc), [code, 0x8A, 3, 32]);
        from.Send(to.LocalEndPoint, new RtpHeader(101, 3, timestamp, ssrc), [code, 0x8A, 3, 32]);
    }
}
