using BenchmarkDotNet.Attributes;
using Switchboard.Media.Codecs;

namespace Switchboard.Benchmarks.Media;

/// <summary>G.711 on one 20 ms frame (160 samples). Baseline: a plain 160-byte copy. All cases must allocate 0 B.</summary>
[MemoryDiagnoser]
public class G711Benchmarks
{
    private readonly short[] _pcm = new short[G711.FrameSamples];
    private readonly byte[] _encoded = new byte[G711.FrameSamples];
    private readonly byte[] _other = new byte[G711.FrameSamples];

    [GlobalSetup]
    public void Setup()
    {
        ToneSamples.Fill(_pcm);

        G711.EncodeMuLaw(_pcm, _encoded);
    }

    [Benchmark(Baseline = true)]
    public void CopyFrame() => _encoded.AsSpan().CopyTo(_other);

    [Benchmark]
    public void EncodeMuLawFrame() => G711.EncodeMuLaw(_pcm, _other);

    [Benchmark]
    public void DecodeMuLawFrame() => G711.DecodeMuLaw(_encoded, _pcm);

    [Benchmark]
    public void EncodeALawFrame() => G711.EncodeALaw(_pcm, _other);

    [Benchmark]
    public void DecodeALawFrame() => G711.DecodeALaw(_encoded, _pcm);

    [Benchmark]
    public void TranscodeMuLawToALawFrame() => G711.Transcode(AudioCodec.Pcmu, AudioCodec.Pcma, _encoded, _other);
}
