using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Playback;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;

namespace Switchboard.Benchmarks.Media;

/// <summary>
/// One media-clock tick with 2,000 streams. Baseline: streams that only build their packet (source read + RTP header),
/// i.e. the clock's own overhead plus packetisation. "RealSessions" ticks real MediaSessions that send UDP to a sink
/// socket on 127.0.0.1: the figure the 20 ms budget must hold.
/// </summary>
[MemoryDiagnoser]
public class MediaClockBenchmarks
{
    private FakeTimeProvider _time = null!;
    private MediaClock _packetClock = null!;
    private MediaEngine _engine = null!;
    private readonly List<MediaSession> _sessions = [];
    private Socket _sink = null!;

    [Params(2000)]
    public int Streams { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _time = new FakeTimeProvider();
        _packetClock = new MediaClock(_time);
        for (var i = 0; i < Streams; i++)
        {
            _packetClock.Register(new PacketisingStream());
        }

        _sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _sink.ReceiveBufferSize = 1 << 20;
        var sinkPort = ((IPEndPoint)_sink.LocalEndPoint!).Port;
        _engine = new MediaEngine(new MediaOptions { PortRangeStart = 20000, PortRangeEnd = 29998, RtpInactivityTimeout = TimeSpan.Zero }, _time);
        var offer = $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {sinkPort} RTP/AVP 0\r\n";
        for (var i = 0; i < Streams; i++)
        {
            var session = _engine.CreateSession(startClock: false);
            session.AcceptOffer(offer);
            _sessions.Add(session);
        }

        _packetClock.RunDueTicks();
        _engine.Clock.RunDueTicks();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var session in _sessions)
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sink.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int PacketisingStreams()
    {
        _time.Advance(TimeSpan.FromMilliseconds(20));
        return _packetClock.RunDueTicks();
    }

    [Benchmark]
    public int RealSessions()
    {
        _time.Advance(TimeSpan.FromMilliseconds(20));
        var ran = _engine.Clock.RunDueTicks();
        Drain();
        return ran;
    }

    private readonly byte[] _drainBuffer = new byte[2048];

    private void Drain()
    {
        var buffer = _drainBuffer;
        while (_sink.Available > 0)
        {
            _sink.Receive(buffer);
        }
    }

    private sealed class PacketisingStream : IMediaClockStream
    {
        private readonly byte[] _packet = new byte[RtpHeader.Size + G711.FrameSamples];
        private readonly IAudioSource _source = new SilenceSource();
        private ushort _sequence;
        private uint _timestamp;

        public void OnTick(long tick)
        {
            _source.TryReadFrame(AudioCodec.Pcmu, _packet.AsSpan(RtpHeader.Size));
            new RtpHeader(0, _sequence++, _timestamp += 160, 1).Write(_packet);
        }
    }

    private sealed class SilenceSource : IAudioSource
    {
        public bool TryReadFrame(AudioCodec codec, Span<byte> frame)
        {
            frame.Fill(G711.Silence(codec));
            return true;
        }
    }
}
