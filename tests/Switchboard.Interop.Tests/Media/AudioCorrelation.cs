namespace Switchboard.Interop.Tests.Media;

/// <summary>
/// Normalised cross-correlation of a recording against a reference signal: for every lag where the whole reference
/// fits into the recording, sum(rec[lag + i] * ref[i]) / sqrt(sum(rec[lag + i]^2) * sum(ref^2)); the best lag wins.
/// 1 means the recording holds the reference exactly (up to gain), around 0 means unrelated audio. The dot products
/// come from <see cref="SlidingDotProduct"/> (FFT), the window energies from a running sum.
/// </summary>
internal readonly record struct AudioCorrelation(double Peak, int Lag)
{
    public static AudioCorrelation Best(ReadOnlySpan<short> recording, ReadOnlySpan<short> reference)
    {
        if (reference.Length == 0 || recording.Length < reference.Length)
        {
            return new AudioCorrelation(0, -1);
        }

        double referenceEnergy = 0;
        foreach (var s in reference)
        {
            referenceEnergy += (double)s * s;
        }

        // Energy of the recording window [lag, lag + n), kept as a running sum.
        var n = reference.Length;
        double windowEnergy = 0;
        for (var i = 0; i < n; i++)
        {
            windowEnergy += (double)recording[i] * recording[i];
        }

        var dots = SlidingDotProduct.Compute(recording, reference);
        var best = new AudioCorrelation(0, -1);
        for (var lag = 0; lag + n <= recording.Length; lag++)
        {
            if (lag > 0)
            {
                var left = recording[lag - 1];
                var right = recording[lag + n - 1];
                windowEnergy += ((double)right * right) - ((double)left * left);
            }

            var denominator = Math.Sqrt(Math.Max(windowEnergy, 0) * referenceEnergy);
            if (denominator < 1)
            {
                continue;
            }

            var value = dots[lag] / denominator;
            if (value > best.Peak)
            {
                best = new AudioCorrelation(value, lag);
            }
        }

        return best;
    }
}
