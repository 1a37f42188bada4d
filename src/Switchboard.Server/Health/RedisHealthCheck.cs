using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Switchboard.Server.Health;

/// <summary>Redis is healthy when a PING answers within two seconds; reports the round trip.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis, TimeProvider timeProvider) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return HealthCheckResult.Unhealthy("disconnected");
        }

        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(Timeout, timeProvider, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("PING answered", new Dictionary<string, object> { ["latencyMs"] = Math.Round(latency.TotalMilliseconds, 3) });
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"PING timed out after {Timeout.TotalSeconds:0} s");
        }
        catch (RedisException error)
        {
            return HealthCheckResult.Unhealthy("PING failed: " + error.Message);
        }
    }
}
