namespace Switchboard.Media.Prompts;

/// <summary>
/// Converts 16-bit PCM to 8 kHz for G.711 (ITU-T G.711 carries a 300-3400 Hz voice band sampled at 8 kHz).
/// A rational polyphase resampler (L/M = 8000/input rate after dividing by their GCD) with a Blackman-windowed sinc
/// low-pass at <see cref="CutoffHz"/>: the pass band runs flat to about 3 kHz and everything above 4 kHz (which would
/// alias into the voice band) is attenuated by more than 70 dB. Runs once per prompt load, never per call.
/// </summary>
public static class Resampler
{
    /// <summary>The output rate.</summary>
    public const int TargetRate = 8000;

    /// <summary>The -6 dB point of the anti-aliasing low-pass, below the 4 kHz Nyquist limit of the output.</summary>
    public const double CutoffHz = 3500;

    // Half the filter length in output-rate samples; 24 gives a Blackman transition band of about 1 kHz (3-4 kHz).
    private const int HalfWidthAtTarget = 24;

    /// <summary>Resamples <paramref name="samples"/> from <paramref name="sampleRate"/> Hz to 8 kHz.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not positive.</exception>
    public static short[] ToTargetRate(ReadOnlySpan<short> samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (sampleRate == TargetRate)
        {
            return samples.ToArray();
        }

        var gcd = Gcd(TargetRate, sampleRate);
        var up = TargetRate / gcd;     // L
        var down = sampleRate / gcd;   // M
        var ratio = (double)sampleRate / TargetRate;
        // When upsampling (a rate below 8 kHz) the input's own Nyquist limit is the tighter cutoff.
        var cutoff = Math.Min(CutoffHz, 0.45 * sampleRate) / sampleRate; // cycles per input sample
        var halfWidth = (int)Math.Ceiling(HalfWidthAtTarget * Math.Max(ratio, 1));
        var taps = Taps(up, halfWidth, cutoff);
        var width = 2 * halfWidth;

        var output = new short[(int)((long)samples.Length * up / down)];
        for (var n = 0; n < output.Length; n++)
        {
            var position = (long)n * down;            // in units of 1/L input samples
            var baseIndex = (int)(position / up);
            var phase = (int)(position % up);
            var kernel = taps.AsSpan(phase * width, width);
            var first = baseIndex - halfWidth + 1;
            double sum = 0;
            var j0 = Math.Max(0, -first);
            var j1 = Math.Min(width, samples.Length - first);
            for (var j = j0; j < j1; j++)
            {
                sum += kernel[j] * samples[first + j];
            }

            output[n] = (short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue);
        }

        return output;
    }

    // taps[phase * width + j] weighs input sample (baseIndex - halfWidth + 1 + j) for output time baseIndex + phase / L.
    private static double[] Taps(int up, int halfWidth, double cutoff)
    {
        var width = 2 * halfWidth;
        var taps = new double[up * width];
        for (var phase = 0; phase < up; phase++)
        {
            var row = taps.AsSpan(phase * width, width);
            double sum = 0;
            for (var j = 0; j < width; j++)
            {
                var x = (double)phase / up + halfWidth - 1 - j; // distance from the output time, in input samples
                row[j] = Sinc(2 * cutoff * x) * Blackman(x, halfWidth);
                sum += row[j];
            }

            for (var j = 0; j < width; j++)
            {
                row[j] /= sum; // unity gain at DC for every phase
            }
        }

        return taps;
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    // Blackman window over |x| <= halfWidth, zero outside.
    private static double Blackman(double x, int halfWidth)
    {
        if (Math.Abs(x) >= halfWidth)
        {
            return 0;
        }

        var t = (x + halfWidth) / (2.0 * halfWidth); // 0..1
        return 0.42 - 0.5 * Math.Cos(2 * Math.PI * t) + 0.08 * Math.Cos(4 * Math.PI * t);
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
