using System.ComponentModel.DataAnnotations;

namespace Switchboard.Server.Configuration;

/// <summary>The <c>Metrics</c> section: how <c>/metrics</c> gets the cluster's queue and agent figures (checked by <see cref="MetricsOptionsValidator"/>).</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// <c>Metrics:RefreshInterval</c>: how old the queue and agent figures on <c>/metrics</c> may be (default 5 s): a
    /// scrape finding an older reading reads them from Redis again first (at most 2 s of waiting); nothing is read
    /// while nobody scrapes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
