using BenchmarkDotNet.Attributes;
using Switchboard.Media.Codecs;
using Switchboard.Media.Prompts;

namespace Switchboard.Benchmarks.Media;

/// <summary>
/// One 20 ms frame of prompt playback, the work the media clock does per stream per tick. Every case reports per
/// frame (OperationsPerInvoke) and must allocate 0 B. The baseline is the bare 160-byte copy; "EncodeOnTheFly" shows
/// what encoding G.711 per frame would cost instead of sharing the encodings made at load time.
/// </summary>
[MemoryDiagnoser]
public class PromptPlaybackBenchmarks
{
    private const int Frames = 1000;

    private readonly byte[] _frame = new byte[Prompt.FrameSize];
    private Prompt _prompt = null!;
    private PromptPlayer _player = null!;
    private LoopingSource _loop = null!;

    [Params(AudioCodec.Pcmu, AudioCodec.Pcma)]
    public AudioCodec Codec { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var samples = new short[Frames * Prompt.FrameSize / 4];
        ToneSamples.Fill(samples);

        _prompt = new Prompt("tone", samples);
        // A playlist of four prompts of 250 frames: the prompt boundaries are crossed too.
        _player = new PromptPlayer(_prompt, _prompt, _prompt, _prompt);
        _loop = new LoopingSource(_prompt);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Frames)]
    public void CopyFrame()
    {
        for (var i = 0; i < Frames; i++)
        {
            _prompt.Frame(Codec, i % _prompt.FrameCount).CopyTo(_frame);
        }
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public int PromptPlayerFrame()
    {
        _player.Rewind();
        var frames = 0;
        while (_player.TryReadFrame(Codec, _frame))
        {
            frames++;
        }

        return frames;
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public void LoopingSourceFrame()
    {
        for (var i = 0; i < Frames; i++)
        {
            _loop.TryReadFrame(Codec, _frame);
        }
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public void EncodeOnTheFly()
    {
        var samples = _prompt.Samples;
        for (var i = 0; i < Frames; i++)
        {
            var start = i % _prompt.FrameCount * Prompt.FrameSize;
            G711.Encode(Codec, samples.Slice(start, Prompt.FrameSize), _frame);
        }
    }
}
