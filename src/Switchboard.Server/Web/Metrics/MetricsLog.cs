namespace Switchboard.Server.Web.Metrics;

internal static partial class MetricsLog
{
    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Queue figures for /metrics could not be read; serving the previous reading")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
