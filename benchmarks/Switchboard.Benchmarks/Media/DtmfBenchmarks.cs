using BenchmarkDotNet.Attributes;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;

namespace Switchboard.Benchmarks.Media;

/// <summary>
/// DTMF detection per 20 ms frame: the in-band detector (Goertzel over the 8 DTMF frequencies) on speech-like audio and
/// on a real "5" tone, and the RFC 4733 telephone-event receiver on one event packet.
/// </summary>
[MemoryDiagnoser]
public class DtmfBenchmarks
{
    private readonly short[] _speech = new short[G711.FrameSamples];
    private readonly short[] _tone = new short[G711.FrameSamples];
    private readonly byte[] _event = new byte[TelephoneEvent.Size];
    private InBandDtmfDetector _detector = null!;
    private TelephoneEventReceiver _receiver = null!;
    private uint _timestamp;
    private int _digits;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        for (var i = 0; i < _speech.Length; i++)
        {
            _speech[i] = (short)((Math.Sin(i * 2 * Math.PI * 220 / 8000) * 6000) + random.Next(-2000, 2000));

            // "5" = 770 Hz + 1336 Hz (ITU-T Q.23).
            _tone[i] = (short)((Math.Sin(i * 2 * Math.PI * 770 / 8000) + Math.Sin(i * 2 * Math.PI * 1336 / 8000)) * 6000);
        }

        new TelephoneEvent(5, false, 10, 160).Write(_event);
        _detector = new InBandDtmfDetector(_ => _digits++);
        _receiver = new TelephoneEventReceiver(_ => _digits++);
    }

    [Benchmark(Baseline = true)]
    public void InBandSpeechFrame() => _detector.Process(_speech);

    [Benchmark]
    public void InBandToneFrame() => _detector.Process(_tone);

    [Benchmark]
    public void TelephoneEventPacket()
    {
        // A new event each time (new RTP timestamp), so the receiver does the full start-of-event work.
        _timestamp += 800;
        _receiver.Process(0x1234, _timestamp, _event);
    }
}
