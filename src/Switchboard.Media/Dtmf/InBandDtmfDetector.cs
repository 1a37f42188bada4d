namespace Switchboard.Media.Dtmf;

/// <summary>
/// Finds DTMF tones (ITU-T Q.23/Q.24) in decoded 8 kHz audio with the Goertzel algorithm over blocks of 205 samples
/// (~25.6 ms). A key counts when the same pair dominates two blocks in a row; it is reported once and re-armed by a
/// block without it. Checks: both tones carry most of the energy, neither group has a close rival, twist within 8 dB,
/// and a minimum level. Allocation free; one instance per call leg.
/// </summary>
public sealed class InBandDtmfDetector
{
    private const int BlockSize = 205;
    private const double MinimumMeanSquare = 100.0 * 100.0;
    private static readonly double[] LowFrequencies = [697, 770, 852, 941];
    private static readonly double[] HighFrequencies = [1209, 1336, 1477, 1633];
    private static readonly char[,] Keys =
    {
        { '1', '2', '3', 'A' },
        { '4', '5', '6', 'B' },
        { '7', '8', '9', 'C' },
        { '*', '0', '#', 'D' },
    };

    private static readonly double[] LowCoefficients = Coefficients(LowFrequencies);
    private static readonly double[] HighCoefficients = Coefficients(HighFrequencies);

    private readonly Action<DtmfDigit> _onDigit;
    private readonly short[] _block = new short[BlockSize];
    private int _filled;
    private char _candidate;
    private int _candidateBlocks;
    private bool _reported;

    /// <summary>Creates a detector that calls <paramref name="onDigit"/> once per detected key.</summary>
    public InBandDtmfDetector(Action<DtmfDigit> onDigit) => _onDigit = onDigit ?? throw new ArgumentNullException(nameof(onDigit));

    /// <summary>Feeds linear samples (any count; blocks are assembled internally).</summary>
    public void Process(ReadOnlySpan<short> samples)
    {
        while (!samples.IsEmpty)
        {
            var take = Math.Min(samples.Length, BlockSize - _filled);
            samples[..take].CopyTo(_block.AsSpan(_filled));
            _filled += take;
            samples = samples[take..];
            if (_filled == BlockSize)
            {
                _filled = 0;
                OnBlock(Analyse(_block));
            }
        }
    }

    private void OnBlock(char key)
    {
        if (key == '\0')
        {
            _candidate = '\0';
            _candidateBlocks = 0;
            _reported = false;
            return;
        }

        if (key != _candidate)
        {
            _candidate = key;
            _candidateBlocks = 1;
            _reported = false;
            return;
        }

        _candidateBlocks++;
        if (_candidateBlocks >= 2 && !_reported)
        {
            _reported = true;
            _onDigit(new DtmfDigit(key, DtmfSource.InBand, TimeSpan.FromMilliseconds(_candidateBlocks * BlockSize / 8.0)));
        }
    }

    private static char Analyse(ReadOnlySpan<short> block)
    {
        double energy = 0;
        foreach (var sample in block)
        {
            energy += (double)sample * sample;
        }

        if (energy / block.Length < MinimumMeanSquare)
        {
            return '\0';
        }

        var (low, lowPower, lowRival) = Strongest(block, LowCoefficients);
        var (high, highPower, highRival) = Strongest(block, HighCoefficients);

        // Fraction of the block's energy at a frequency: 2 * P / (N * E) is 1.0 for a pure tone.
        var scale = 2.0 / (block.Length * energy);
        var lowShare = lowPower * scale;
        var highShare = highPower * scale;
        if (lowShare < 0.1 || highShare < 0.1 || lowShare + highShare < 0.6)
        {
            return '\0';
        }

        var twist = highPower / lowPower;
        if (twist is > 6.3 or < 0.158)
        {
            return '\0';
        }

        if (lowRival * 6 > lowPower || highRival * 6 > highPower)
        {
            return '\0';
        }

        return Keys[low, high];
    }

    private static (int Index, double Power, double Rival) Strongest(ReadOnlySpan<short> block, double[] coefficients)
    {
        var best = -1;
        double bestPower = 0;
        double rival = 0;
        for (var i = 0; i < coefficients.Length; i++)
        {
            var power = Goertzel(block, coefficients[i]);
            if (power > bestPower)
            {
                rival = bestPower;
                bestPower = power;
                best = i;
            }
            else if (power > rival)
            {
                rival = power;
            }
        }

        return (Math.Max(best, 0), bestPower, rival);
    }

    private static double Goertzel(ReadOnlySpan<short> block, double coefficient)
    {
        double previous = 0;
        double beforePrevious = 0;
        foreach (var sample in block)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        return (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
    }

    private static double[] Coefficients(double[] frequencies) =>
        [.. frequencies.Select(f => 2 * Math.Cos(2 * Math.PI * f / 8000.0))];
}
