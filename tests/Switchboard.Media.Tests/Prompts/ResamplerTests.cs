using Switchboard.Media.Prompts;

namespace Switchboard.Media.Tests.Prompts;

public sealed class ResamplerTests
{
    [Theory]
    [InlineData(16000)]
    [InlineData(44100)]
    [InlineData(48000)]
    public void ToTargetRate_VoiceBandTones_PassWithinOneDecibel(int rate)
    {
        foreach (var frequency in new[] { 300.0, 1000, 2000, 2800 })
        {
            var output = Resampler.ToTargetRate(Signal.Sine(frequency, rate, 1.0), rate);

            var amplitude = Signal.ToneAmplitude(output.AsSpan(400, 7200), frequency, 8000);
            Assert.InRange(Signal.Decibels(amplitude / 16000), -1.0, 0.5);
        }
    }

    [Fact]
    public void ToTargetRate_1kHzTone_SurvivesWithItsPower()
    {
        var output = Resampler.ToTargetRate(Signal.Sine(1000, 48000, 1.0), 48000);

        Assert.Equal(8000, output.Length);
        var rms = Signal.Rms(output.AsSpan(400, 7200));
        Assert.InRange(rms, 16000 / Math.Sqrt(2) * 0.97, 16000 / Math.Sqrt(2) * 1.03);
    }

    [Fact]
    public void ToTargetRate_6kHzFrom48kHz_AttenuatedMoreThan40Decibels()
    {
        var output = Resampler.ToTargetRate(Signal.Sine(6000, 48000, 1.0), 48000);

        // 6 kHz would alias to 2 kHz at 8 kHz; measure everything that is left, not just one bin.
        var attenuation = Signal.Decibels(Signal.Rms(output.AsSpan(400, 7200)) / (16000 / Math.Sqrt(2)));
        Assert.True(attenuation < -40, $"6 kHz attenuated by only {-attenuation:0.0} dB");
    }

    [Theory]
    [InlineData(16000)]
    [InlineData(44100)]
    [InlineData(48000)]
    public void ToTargetRate_SweepAboveNyquist_AttenuatedMoreThan40Decibels(int rate)
    {
        for (var frequency = 4200.0; frequency < rate / 2.0; frequency += 700)
        {
            var output = Resampler.ToTargetRate(Signal.Sine(frequency, rate, 0.5), rate);

            var attenuation = Signal.Decibels(Signal.Rms(output.AsSpan(400, 3200)) / (16000 / Math.Sqrt(2)));
            Assert.True(attenuation < -40, $"{frequency} Hz from {rate} Hz attenuated by only {-attenuation:0.0} dB");
        }
    }

    [Theory]
    [InlineData(16000, 16000, 8000)]
    [InlineData(44100, 44100, 8000)]
    [InlineData(48000, 4801, 800)]
    [InlineData(44100, 1, 0)]
    [InlineData(48000, 0, 0)]
    public void ToTargetRate_Length_IsInputDurationAt8kHz(int rate, int inputLength, int expected)
    {
        Assert.Equal(expected, Resampler.ToTargetRate(new short[inputLength], rate).Length);
    }

    [Fact]
    public void ToTargetRate_8kHz_CopiesUnchanged()
    {
        short[] samples = [1, 2, 3, -4];

        var output = Resampler.ToTargetRate(samples, 8000);

        Assert.Equal(samples, output);
        Assert.NotSame(samples, output);
    }

    [Fact]
    public void ToTargetRate_FullScaleSquare_ClampsInsteadOfWrapping()
    {
        var square = Enumerable.Range(0, 4800).Select(i => i / 60 % 2 == 0 ? short.MaxValue : short.MinValue).ToArray();

        var output = Resampler.ToTargetRate(square, 48000);

        // Gibbs overshoot would wrap around without clamping: a positive half-wave must never contain large negatives.
        for (var i = 20; i < output.Length - 20; i++)
        {
            var inputIndex = i * 6;
            if (inputIndex % 120 is > 20 and < 40)
            {
                Assert.True(output[i] > 0, $"sample {i} = {output[i]}");
            }
        }
    }
}
