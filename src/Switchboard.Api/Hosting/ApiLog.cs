using Microsoft.Extensions.Logging;

namespace Switchboard.Api.Hosting;

/// <summary>Source-generated log messages of the API layer.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "{Method}: store unavailable: {Reason}")]
    public static partial void BackendUnavailable(ILogger logger, string method, string reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "{Method}: unexpected failure")]
    public static partial void Unexpected(ILogger logger, Exception exception, string method);
}
