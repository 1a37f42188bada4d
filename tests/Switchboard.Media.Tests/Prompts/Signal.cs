namespace Switchboard.Media.Tests.Prompts;

/// <summary>Test signals and measurements: sine tones, RMS, and the power of one frequency (Goertzel).</summary>
internal static class Signal
{
    public static short[] Sine(double frequency, int sampleRate, double seconds, double amplitude = 16000)
    {
        var samples = new short[(int)(sampleRate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Amplitude of <paramref name="frequency"/> in the signal (Goertzel), comparable to a sine's peak amplitude.</summary>
    public static double ToneAmplitude(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        var w = 2 * Math.PI * frequency / sampleRate;
        var coefficient = 2 * Math.Cos(w);
        double s1 = 0, s2 = 0;
        foreach (var x in samples)
        {
            var s0 = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }

        var power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return 2 * Math.Sqrt(Math.Max(power, 0)) / samples.Length;
    }

    public static double Decibels(double ratio) => 20 * Math.Log10(ratio);
}
