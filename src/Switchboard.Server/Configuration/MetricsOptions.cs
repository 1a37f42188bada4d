using System.ComponentModel.DataAnnotations;

namespace Switchboard.Server.Configuration;

/// <summary>The <c>Metrics</c> section: how <c>/metrics</c> gets the cluster's queue and agent figures (checked by <see cref="MetricsOptionsValidator"/>).</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// <c>Metrics:RefreshInterval</c>: how often the node reads the queue and agent figures from Redis for
    /// <c>/metrics</c> (default 5 s); a scrape serves the last reading and never waits for Redis.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
