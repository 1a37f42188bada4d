using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Io;
using Switchboard.Media.Sessions;
using Switchboard.TestSupport;

namespace Switchboard.Media.Tests.Io;

/// <summary>
/// A datagram handler that throws is caught by both receivers (so every other call's media keeps being received on that
/// loop or thread) and counted; the engine publishes the count as <c>switchboard.media.receive.handler_errors</c>.
/// </summary>
public sealed class ReceiveErrorTests
{
    public static TheoryData<int> ReceiveThreads => new() { 0, 1 };

    [Theory]
    [MemberData(nameof(ReceiveThreads))]
    public async Task Handler_Throws_CountedAndTheNextDatagramIsStillHandled(int threads)
    {
        var errors = new ReceiveErrorCounter();
        await using IMediaReceiver receiver = threads > 0 && LinuxMediaCalls.IsSupported ? new EpollMediaReceiver(threads, errors) : new PortableMediaReceiver(errors);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var handled = 0;
        await using var registration = receiver.Register(socket, (_, _) =>
        {
            if (Interlocked.Increment(ref handled) == 1)
            {
                throw new InvalidDataException("a packet the handler chokes on");
            }
        });
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        sender.SendTo(new byte[172], socket.LocalEndPoint!);
        Assert.True(SpinWait.SpinUntil(() => errors.Count == 1, TestTimeouts.Default));
        sender.SendTo(new byte[172], socket.LocalEndPoint!);
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref handled) == 2, TestTimeouts.Default));

        Assert.Equal(1, errors.Count);
    }

    [Fact]
    public async Task Engine_PublishesTheReceiveErrorCount()
    {
        using var meter = new Meter(MediaEngine.MeterName);
        await using var engine = new MediaEngine(new MediaOptions { PortRangeStart = 42000, PortRangeEnd = 42998 }, new FakeTimeProvider(), meter: meter);
        using var collector = new MetricCollector<long>(meter, "switchboard.media.receive.handler_errors");

        collector.RecordObservableInstruments();

        Assert.Equal(0, Assert.Single(collector.GetMeasurementSnapshot()).Value);
    }
}
