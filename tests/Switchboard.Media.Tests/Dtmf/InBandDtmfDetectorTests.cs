using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Tests.Dtmf;

public sealed class InBandDtmfDetectorTests
{
    private static readonly Dictionary<char, (int Low, int High)> Tones = new()
    {
        ['1'] = (697, 1209), ['2'] = (697, 1336), ['3'] = (697, 1477), ['A'] = (697, 1633),
        ['4'] = (770, 1209), ['5'] = (770, 1336), ['6'] = (770, 1477), ['B'] = (770, 1633),
        ['7'] = (852, 1209), ['8'] = (852, 1336), ['9'] = (852, 1477), ['C'] = (852, 1633),
        ['*'] = (941, 1209), ['0'] = (941, 1336), ['#'] = (941, 1477), ['D'] = (941, 1633),
    };

    [Theory]
    [InlineData(AudioCodec.Pcmu)]
    [InlineData(AudioCodec.Pcma)]
    public void Process_AllKeysThroughG711_ReportsEachOnce(AudioCodec codec)
    {
        var digits = new List<DtmfDigit>();
        var detector = new InBandDtmfDetector(digits.Add);
        const string keys = "123A456B789C*0#D";

        FeedThroughCodec(detector, codec, Signal(keys, toneMs: 100, gapMs: 60, amplitude: 6000));

        Assert.Equal(keys, new string([.. digits.Select(d => d.Digit)]));
        Assert.All(digits, d => Assert.Equal(DtmfSource.InBand, d.Source));
    }

    [Fact]
    public void Process_SameKeyTwiceWithGap_ReportsTwice()
    {
        var digits = new List<DtmfDigit>();
        var detector = new InBandDtmfDetector(digits.Add);

        FeedThroughCodec(detector, AudioCodec.Pcmu, Signal("55", toneMs: 80, gapMs: 60, amplitude: 3000));

        Assert.Equal("55", new string([.. digits.Select(d => d.Digit)]));
    }

    [Fact]
    public void Process_DialToneNoiseAndQuietTones_ReportsNothing()
    {
        var digits = new List<DtmfDigit>();
        var detector = new InBandDtmfDetector(digits.Add);
        var random = new Random(7);
        var samples = new short[8000 * 3];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = i < 8000
                ? (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000.0))
                : i < 16000 ? (short)random.Next(-8000, 8000) : (short)(40 * Math.Sin(2 * Math.PI * 697 * i / 8000.0) + (40 * Math.Sin(2 * Math.PI * 1209 * i / 8000.0)));
        }

        FeedThroughCodec(detector, AudioCodec.Pcma, samples);

        Assert.Empty(digits);
    }

    private static short[] Signal(string keys, int toneMs, int gapMs, double amplitude)
    {
        var samples = new List<short>();
        foreach (var key in keys)
        {
            var (low, high) = Tones[key];
            for (var i = 0; i < toneMs * 8; i++)
            {
                samples.Add((short)((amplitude * Math.Sin(2 * Math.PI * low * i / 8000.0)) + (amplitude * 0.8 * Math.Sin(2 * Math.PI * high * i / 8000.0))));
            }

            samples.AddRange(new short[gapMs * 8]);
        }

        return [.. samples];
    }

    private static void FeedThroughCodec(InBandDtmfDetector detector, AudioCodec codec, short[] samples)
    {
        var encoded = new byte[G711.FrameSamples];
        var decoded = new short[G711.FrameSamples];
        for (var offset = 0; offset + G711.FrameSamples <= samples.Length; offset += G711.FrameSamples)
        {
            G711.Encode(codec, samples.AsSpan(offset, G711.FrameSamples), encoded);
            G711.Decode(codec, encoded, decoded);
            detector.Process(decoded);
        }
    }
}
