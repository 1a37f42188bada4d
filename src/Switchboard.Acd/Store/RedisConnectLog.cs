using Microsoft.Extensions.Logging;

namespace Switchboard.Acd.Store;

/// <summary>Log messages of <see cref="RedisConnector"/>.</summary>
internal static partial class RedisConnectLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Redis {Endpoints} not reachable; attempt {Attempt} in {Delay}: {Reason}")]
    public static partial void ConnectRetry(ILogger logger, string endpoints, int attempt, TimeSpan delay, string? reason);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Connected to Redis {Endpoints}")]
    public static partial void Connected(ILogger logger, string endpoints);
}
