using System.Numerics;

namespace Switchboard.Interop.Tests.Media;

/// <summary>
/// Every sliding dot product of a reference against a longer signal, sum(signal[lag + i] * reference[i]) for each lag
/// where the reference fits, through the FFT (iterative radix-2): O(n log n) instead of the direct O(n * m), which on a
/// 17 s recording against an 8 s prompt is billions of multiplications (minutes in a Debug build on a loaded machine).
/// </summary>
internal static class SlidingDotProduct
{
    public static double[] Compute(ReadOnlySpan<short> signal, ReadOnlySpan<short> reference)
    {
        var lags = signal.Length - reference.Length + 1;
        if (reference.Length == 0 || lags <= 0)
        {
            return [];
        }

        var size = (int)BitOperations.RoundUpToPowerOf2((uint)(signal.Length + reference.Length));
        var a = new Complex[size];
        var b = new Complex[size];
        for (var i = 0; i < signal.Length; i++)
        {
            a[i] = signal[i];
        }

        for (var i = 0; i < reference.Length; i++)
        {
            b[i] = reference[i];
        }

        Transform(a, inverse: false);
        Transform(b, inverse: false);
        for (var i = 0; i < size; i++)
        {
            a[i] *= Complex.Conjugate(b[i]);
        }

        Transform(a, inverse: true);
        var dots = new double[lags];
        for (var lag = 0; lag < lags; lag++)
        {
            dots[lag] = a[lag].Real / size;
        }

        return dots;
    }

    /// <summary>In-place FFT of a power-of-two length (the inverse without the 1/n scaling).</summary>
    private static void Transform(Complex[] data, bool inverse)
    {
        var n = data.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }

        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = 2 * Math.PI / length * (inverse ? 1 : -1);
            var step = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (var start = 0; start < n; start += length)
            {
                var w = Complex.One;
                for (var k = 0; k < length / 2; k++)
                {
                    var even = data[start + k];
                    var odd = data[start + k + (length / 2)] * w;
                    data[start + k] = even + odd;
                    data[start + k + (length / 2)] = even - odd;
                    w *= step;
                }
            }
        }
    }
}
