using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Rtcp;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;
using Switchboard.TestSupport;

namespace Switchboard.Media.Tests.Sessions;

public sealed class MediaSessionRtcpTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly MediaEngine _engine;

    public MediaSessionRtcpTests() => _engine = new MediaEngine(new MediaOptions { PortRangeStart = 30000, PortRangeEnd = 39998 }, _time);

    [Fact]
    public async Task OnTick_AfterInterval_SendsSenderReportToRtpPortPlusOne()
    {
        using var rtcp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        rtcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var rtcpPort = ((IPEndPoint)rtcp.LocalEndPoint!).Port;
        using var phone = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0", port: rtcpPort - 1));
        Assert.Equal(session.LocalEndPoint.Port + 1, session.RtcpPort);

        _engine.Clock.RunDueTicks();
        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            _engine.Clock.RunDueTicks();
        }

        _time.Advance(TimeSpan.FromSeconds(8));
        _engine.Clock.RunDueTicks();
        var buffer = new byte[1500];
        var received = await rtcp.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0)).DefaultTimeout();

        Assert.True(RtcpPacket.TryReadReport(buffer.AsSpan(0, received.ReceivedBytes), out var report));
        Assert.True(report!.IsSenderReport);
        Assert.Equal(session.Ssrc, report.Ssrc);
        Assert.True(report.PacketCount >= 10);
        Assert.Equal(report.PacketCount * 160, report.OctetCount);
    }

    [Fact]
    public async Task Receive_PeerReceiverReport_RaisesRtcpReportReceived()
    {
        using var phone = new TestPhone();
        using var rtcp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0"));
        var reported = new TaskCompletionSource<RtcpReport>();
        session.RtcpReportReceived += (_, r) => reported.TrySetResult(r);

        var buffer = new byte[200];
        var block = new RtcpReportBlock(session.Ssrc, 25, 4, 1000, 12, 0, 0);
        var length = RtcpPacket.WriteCompound(RtcpReport.Receiver(0x4242, block), "phone@127.0.0.1", buffer);
        rtcp.SendTo(buffer.AsSpan(0, length), new IPEndPoint(IPAddress.Loopback, session.RtcpPort));

        var report = await reported.Task.DefaultTimeout();
        Assert.Equal(0x4242u, report.Ssrc);
        Assert.Equal(block, Assert.Single(report.Blocks));
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();
}
