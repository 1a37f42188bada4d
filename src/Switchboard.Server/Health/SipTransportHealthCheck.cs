using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Switchboard.Server.Health;

/// <summary>Reports <see cref="ISipTransportHealth"/> as a health check.</summary>
public sealed class SipTransportHealthCheck(ISipTransportHealth transport) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = transport.GetStatus();
        var data = new Dictionary<string, object>();
        if (status.Udp is not null)
        {
            data["udp"] = status.Udp;
        }

        if (status.Tcp is not null)
        {
            data["tcp"] = status.Tcp;
        }

        return Task.FromResult(new HealthCheckResult(status.Healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy, status.Description, data: data));
    }
}
