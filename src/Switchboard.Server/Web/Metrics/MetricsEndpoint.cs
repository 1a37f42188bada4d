using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Server.Web.Metrics;

/// <summary>
/// <c>GET /metrics</c>: the OpenTelemetry Prometheus exporter serving this node's meters in the Prometheus text format
/// (0.0.4). Every name starts with <c>switchboard_</c>; the list is in docs/operations.md ("Metrics"). A scrape reads
/// only what the node holds, never Redis: queue and agent figures come from <see cref="QueueFiguresRefresher"/>'s last
/// snapshot, which its background reader renews every <c>Metrics:RefreshInterval</c> while scrapes come
/// (<see cref="QueueFiguresRefresher.Scraped"/>).
/// </summary>
public static class MetricsEndpoint
{
    public static IEndpointConventionBuilder MapSwitchboardMetrics(this IEndpointRouteBuilder endpoints, string path = "/metrics")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var refresher = endpoints.ServiceProvider.GetRequiredService<QueueFiguresRefresher>();
        return endpoints.MapPrometheusScrapingEndpoint(path, meterProvider: null, configureBranchedPipeline: pipeline => pipeline.Use((context, next) =>
        {
            refresher.Scraped();
            return next(context);
        }), optionsName: null);
    }
}
