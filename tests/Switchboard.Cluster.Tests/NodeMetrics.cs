using System.Globalization;
using Switchboard.TestSupport;

namespace Switchboard.Cluster.Tests;

/// <summary>Reads one sample from a node's Prometheus <c>/metrics</c>.</summary>
internal static class NodeMetrics
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The value of the sample whose line starts with <paramref name="series"/> (name and labels), or 0 when absent.</summary>
    public static async Task<double> ReadAsync(Uri webUrl, string series)
    {
        var text = await Http.GetStringAsync(new Uri(webUrl, "/metrics"));
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(series.Length + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>Polls until the sample equals <paramref name="expected"/>; returns the last value read (the caller asserts).</summary>
    public static Task<double> WaitForAsync(Uri webUrl, string series, double expected, TimeSpan timeout) =>
        WaitForAsync(webUrl, series, value => value == expected, timeout);

    /// <summary>Polls until <paramref name="done"/> holds for the sample; returns the last value read (the caller asserts).</summary>
    public static async Task<double> WaitForAsync(Uri webUrl, string series, Func<double, bool> done, TimeSpan timeout)
    {
        var value = double.NaN;
        await Eventually.TryUntilAsync(async () =>
        {
            try
            {
                value = await ReadAsync(webUrl, series);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // The node may be restarting, or one scrape outlived the client's 5 s on a loaded machine; try again.
            }

            return done(value);
        }, reached => reached, timeout);
        return value;
    }
}
