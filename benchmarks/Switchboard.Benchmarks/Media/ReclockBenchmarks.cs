using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;

namespace Switchboard.Benchmarks.Media;

/// <summary>
/// One RTP packet through a re-clocking bridge (<see cref="MediaBridgeOptions.Reclock"/>) over real loopback sockets:
/// the caller's phone sends it, the receive thread (epoll on Linux) checks the source and holds it in the agent leg's
/// re-clock buffer, one 20 ms clock tick (a <see cref="FakeTimeProvider"/> advanced by the benchmark) takes it out and
/// sends it with the agent leg's sequence and tick timestamp, and the agent's phone receives it. The ticks also run
/// both legs' RTCP every few (fake) seconds. MemoryDiagnoser counts every thread: must be 0 B per packet.
/// </summary>
[MemoryDiagnoser]
public class ReclockBenchmarks
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);
    private readonly byte[] _datagram = new byte[RtpHeader.Size + 160];
    private readonly byte[] _received = new byte[2048];
    private readonly SocketAddress _from = new(AddressFamily.InterNetwork);
    private readonly FakeTimeProvider _time = new();
    private LoopbackBridge _call = null!;
    private ushort _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _call = new LoopbackBridge(
            new MediaOptions
            {
                PortRangeStart = 44000,
                PortRangeEnd = 44998,
                RtpInactivityTimeout = TimeSpan.Zero,
                Bridge = new MediaBridgeOptions { Reclock = true, ReclockDepth = 1 },
            },
            _time);
        RtpPacket.Write(new RtpHeader(0, 1, 160, 0xCAFEBABE), new byte[160], _datagram);
        _call.Engine.Clock.RunDueTicks();
        for (var i = 0; i < 300; i++)
        {
            Reclocked(); // learns the source, makes the legs' CNAME and RTCP address, runs the first reports
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _call.Dispose();

    [Benchmark]
    public int Reclocked()
    {
        new RtpHeader(0, ++_sequence, (uint)_sequence * 160, 0xCAFEBABE).Write(_datagram);
        _call.CallerPhone.SendTo(_datagram, SocketFlags.None, _call.CallerLeg);
        var spinner = default(SpinWait);
        while (_call.Agent.ReclockFigures.Held == 0)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        _time.Advance(Tick);
        _call.Engine.Clock.RunDueTicks();
        return _call.AgentPhone.ReceiveFrom(_received, SocketFlags.None, _from);
    }
}
