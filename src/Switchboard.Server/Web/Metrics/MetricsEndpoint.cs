using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Server.Web.Metrics;

/// <summary>
/// <c>GET /metrics</c>: the OpenTelemetry Prometheus exporter serving this node's meters in the Prometheus text format
/// (0.0.4). Every name starts with <c>switchboard_</c>; the list is in docs/operations.md ("Metrics"). A scrape reads
/// only what the node holds: queue and agent figures come from <see cref="QueueFiguresRefresher"/>'s last snapshot.
/// </summary>
public static class MetricsEndpoint
{
    public static IEndpointConventionBuilder MapSwitchboardMetrics(this IEndpointRouteBuilder endpoints, string path = "/metrics") =>
        endpoints.MapPrometheusScrapingEndpoint(path);
}
