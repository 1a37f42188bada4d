using BenchmarkDotNet.Attributes;
using NAudio.Codecs;
using Switchboard.Media.Codecs;

namespace Switchboard.Benchmarks.Media;

/// <summary>
/// Our table-driven G.711 against NAudio's <see cref="MuLawEncoder"/>/<see cref="ALawEncoder"/> (and decoders) on one
/// 20 ms frame (160 samples), to decide whether NAudio replaces the codec on the media path. Baseline: our mu-law
/// encode. Ours must allocate 0 B.
/// </summary>
[MemoryDiagnoser]
public class G711VersusNAudioBenchmarks
{
    private readonly short[] _pcm = new short[G711.FrameSamples];
    private readonly byte[] _encoded = new byte[G711.FrameSamples];
    private readonly byte[] _out = new byte[G711.FrameSamples];
    private readonly short[] _decoded = new short[G711.FrameSamples];

    [GlobalSetup]
    public void Setup()
    {
        ToneSamples.Fill(_pcm);

        G711.EncodeMuLaw(_pcm, _encoded);
    }

    [Benchmark(Baseline = true)]
    public void OursEncodeMuLaw() => G711.EncodeMuLaw(_pcm, _out);

    [Benchmark]
    public void NAudioEncodeMuLaw()
    {
        for (var i = 0; i < _pcm.Length; i++)
        {
            _out[i] = MuLawEncoder.LinearToMuLawSample(_pcm[i]);
        }
    }

    [Benchmark]
    public void OursEncodeALaw() => G711.EncodeALaw(_pcm, _out);

    [Benchmark]
    public void NAudioEncodeALaw()
    {
        for (var i = 0; i < _pcm.Length; i++)
        {
            _out[i] = ALawEncoder.LinearToALawSample(_pcm[i]);
        }
    }

    [Benchmark]
    public void OursDecodeMuLaw() => G711.DecodeMuLaw(_encoded, _decoded);

    [Benchmark]
    public void NAudioDecodeMuLaw()
    {
        for (var i = 0; i < _encoded.Length; i++)
        {
            _decoded[i] = MuLawDecoder.MuLawToLinearSample(_encoded[i]);
        }
    }
}
