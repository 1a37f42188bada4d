using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Codecs;
using Switchboard.Media.Io;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Sessions;
using Switchboard.TestSupport;

namespace Switchboard.Media.Tests.Io;

/// <summary>
/// Both receivers behind the media engine: the dedicated epoll threads (Linux x86-64, the default there) and the
/// portable async loops (<c>ReceiveThreads = 0</c>, what every other system runs). The same bridge, strict-RTP and
/// many-socket behaviour must hold on each; the other session tests run on the default one.
/// </summary>
public sealed class MediaReceiverTests
{
    public static TheoryData<int> ReceiveThreads => new() { 0, 1, 2 };

    [Theory]
    [MemberData(nameof(ReceiveThreads))]
    public async Task Engine_UsesTheConfiguredReceiver(int threads)
    {
        await using var engine = new MediaEngine(new MediaOptions { PortRangeStart = 42000, PortRangeEnd = 42998, ReceiveThreads = threads }, new FakeTimeProvider());
        Assert.Equal(threads > 0 && LinuxMediaCalls.IsSupported, engine.ReceivesOnDedicatedThreads);
    }

    [Theory]
    [MemberData(nameof(ReceiveThreads))]
    public async Task Bridge_RelaysBothWaysAndDropsASprayBeforeItIsRelayed(int threads)
    {
        var time = new FakeTimeProvider();
        await using var engine = new MediaEngine(new MediaOptions { PortRangeStart = 42000, PortRangeEnd = 42998, ReceiveThreads = threads }, time);
        using var callerPhone = new TestPhone();
        using var agentPhone = new TestPhone();
        using var attacker = new TestPhone("127.0.0.9");
        await using var caller = engine.CreateSession(startClock: false);
        await using var agent = engine.CreateSession(startClock: false);
        caller.AcceptOffer(callerPhone.Offer("0 101"));
        agent.AcceptOffer(agentPhone.Offer("0 101"));
        using var bridge = MediaBridge.Join(caller, agent);
        var payload = new byte[160];
        payload.AsSpan().Fill(G711.MuLawEncode(500));

        // A datagram from an address signalling never named is dropped and counted, never relayed.
        attacker.Send(caller.LocalEndPoint, new RtpHeader(0, 1, 160, 0x0BAD), payload);
        Assert.True(SpinWait.SpinUntil(() => caller.WrongSourcePackets == 1, TestTimeouts.Default));

        callerPhone.Send(caller.LocalEndPoint, new RtpHeader(0, 10, 1600, 0x1111), payload);
        var toAgent = await agentPhone.ReceiveAsync();
        Assert.Equal(agent.Ssrc, toAgent.Header.Ssrc);
        Assert.Equal(payload, toAgent.Payload);

        agentPhone.Send(agent.LocalEndPoint, new RtpHeader(0, 20, 3200, 0x2222), payload);
        var toCaller = await callerPhone.ReceiveAsync();
        Assert.Equal(caller.Ssrc, toCaller.Header.Ssrc);
        Assert.Equal(1, caller.PacketsReceived);
        Assert.Equal(1, agent.PacketsReceived);
        Assert.Equal(0, agentPhone.Available); // the spray did not reach the agent
    }

    [Theory]
    [MemberData(nameof(ReceiveThreads))]
    public async Task ManySessions_EachReceivesItsOwnBurst_AndAClosedSessionReceivesNothing(int threads)
    {
        var time = new FakeTimeProvider();
        await using var engine = new MediaEngine(new MediaOptions { PortRangeStart = 42000, PortRangeEnd = 42998, ReceiveThreads = threads }, time);
        using var phone = new TestPhone();
        var sessions = new List<MediaSession>();
        try
        {
            for (var i = 0; i < 40; i++)
            {
                var session = engine.CreateSession(startClock: false);
                session.AcceptOffer(phone.Offer("0"));
                sessions.Add(session);
            }

            // A burst larger than one recvmmsg batch at each socket, all sent before anything is read.
            const int burst = EpollReceiveLoop.Batch + 5;
            var payload = new byte[160];
            foreach (var session in sessions)
            {
                for (var s = 0; s < burst; s++)
                {
                    phone.Send(session.LocalEndPoint, new RtpHeader(0, (ushort)s, (uint)s * 160, 0x3333), payload);
                }
            }

            Assert.True(SpinWait.SpinUntil(() => sessions.TrueForAll(s => s.PacketsReceived == burst), TestTimeouts.Default));

            // Closing a session removes its sockets: its port (reused by a fresh socket here) is not read any more.
            var closed = sessions[0];
            var port = closed.LocalEndPoint.Port;
            await closed.DisposeAsync();
            sessions.RemoveAt(0);
            using var reuse = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            reuse.Bind(new IPEndPoint(IPAddress.Loopback, port));
            phone.Send(new IPEndPoint(IPAddress.Loopback, port), new RtpHeader(0, 99, 99 * 160, 0x3333), payload);
            var buffer = new byte[2048];
            var received = await reuse.ReceiveAsync(buffer).DefaultTimeout();
            Assert.Equal(RtpHeader.Size + 160, received);
            Assert.Equal(burst, closed.PacketsReceived);
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Handler_DisposingItsOwnSessionOnTheReceiveThread_DoesNotHang()
    {
        var time = new FakeTimeProvider();
        await using var engine = new MediaEngine(new MediaOptions { PortRangeStart = 42000, PortRangeEnd = 42998 }, time);
        using var phone = new TestPhone();
        var session = engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0 101"));
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.DigitReceived += (_, _) =>
        {
            var dispose = session.DisposeAsync();
            if (dispose.IsCompleted)
            {
                disposed.TrySetResult();
            }
            else
            {
                _ = dispose.AsTask().ContinueWith(_ => disposed.TrySetResult(), TaskScheduler.Default);
            }
        };
        var end = new byte[4];
        new Switchboard.Media.Dtmf.TelephoneEvent(5, true, 10, 800).Write(end);
        phone.Send(session.LocalEndPoint, new RtpHeader(101, 1, 160, 0x4444, Marker: true), end);
        await disposed.Task.DefaultTimeout();
        Assert.Equal(0, engine.ActiveSessions);
    }
}
