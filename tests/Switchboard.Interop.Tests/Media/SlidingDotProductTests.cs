namespace Switchboard.Interop.Tests.Media;

/// <summary>The FFT behind <see cref="AudioCorrelation"/> gives the same dot products as the direct sum.</summary>
public sealed class SlidingDotProductTests
{
    [Theory]
    [InlineData(1000, 1)]
    [InlineData(1000, 300)]
    [InlineData(4097, 1024)]
    [InlineData(500, 500)]
    public void Compute_RandomAudio_EqualsTheDirectSumAtEveryLag(int signalLength, int referenceLength)
    {
        var random = new Random(signalLength + referenceLength);
        var signal = Enumerable.Range(0, signalLength).Select(_ => (short)random.Next(short.MinValue, short.MaxValue + 1)).ToArray();
        var reference = Enumerable.Range(0, referenceLength).Select(_ => (short)random.Next(short.MinValue, short.MaxValue + 1)).ToArray();

        var dots = SlidingDotProduct.Compute(signal, reference);

        Assert.Equal(signalLength - referenceLength + 1, dots.Length);
        for (var lag = 0; lag < dots.Length; lag++)
        {
            long direct = 0;
            for (var i = 0; i < referenceLength; i++)
            {
                direct += signal[lag + i] * reference[i];
            }

            Assert.True(Math.Abs(dots[lag] - direct) < 1e-6 * Math.Max(1, Math.Abs(direct)) + 1e3, $"lag {lag}: {dots[lag]} vs {direct}");
        }
    }

    [Fact]
    public void Best_ReferenceInsideSilence_FoundAtItsLagWithPeakOne()
    {
        var random = new Random(7);
        var reference = Enumerable.Range(0, 800).Select(_ => (short)random.Next(-8000, 8000)).ToArray();
        var recording = new short[5000];
        reference.CopyTo(recording, 1234);

        var best = AudioCorrelation.Best(recording, reference);

        Assert.Equal(1234, best.Lag);
        Assert.InRange(best.Peak, 0.999999, 1.000001);
    }
}
