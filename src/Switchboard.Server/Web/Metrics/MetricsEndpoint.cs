using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Server.Web.Metrics;

/// <summary>
/// <c>GET /metrics</c>: the OpenTelemetry Prometheus exporter serving this node's meters in the Prometheus text format
/// (0.0.4). Every name starts with <c>switchboard_</c>; the list is in docs/operations.md ("Metrics"). A scrape reads
/// only what the node holds: queue and agent figures come from <see cref="QueueFiguresRefresher"/>'s last snapshot,
/// read again first when it is older than <c>Metrics:RefreshInterval</c> (<see cref="QueueFiguresRefresher.EnsureFreshAsync"/>).
/// </summary>
public static class MetricsEndpoint
{
    public static IEndpointConventionBuilder MapSwitchboardMetrics(this IEndpointRouteBuilder endpoints, string path = "/metrics")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var refresher = endpoints.ServiceProvider.GetRequiredService<QueueFiguresRefresher>();
        return endpoints.MapPrometheusScrapingEndpoint(path, meterProvider: null, configureBranchedPipeline: pipeline => pipeline.Use(async (context, next) =>
        {
            await refresher.EnsureFreshAsync(context.RequestAborted).ConfigureAwait(false);
            await next(context).ConfigureAwait(false);
        }), optionsName: null);
    }
}
