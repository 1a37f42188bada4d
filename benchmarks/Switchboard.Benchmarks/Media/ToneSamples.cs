namespace Switchboard.Benchmarks.Media;

/// <summary>The benchmarks' test signal: a 440 Hz tone at 8 kHz, amplitude 12,000.</summary>
internal static class ToneSamples
{
    public static void Fill(Span<short> samples)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(Math.Sin(i * 2 * Math.PI * 440 / 8000) * 12000);
        }
    }
}
