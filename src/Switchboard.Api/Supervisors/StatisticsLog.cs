using Microsoft.Extensions.Logging;

namespace Switchboard.Api.Supervisors;

/// <summary>Log messages of the statistics services.</summary>
internal static partial class StatisticsLog
{
    [LoggerMessage(EventId = 7301, Level = LogLevel.Debug, Message = "Statistics: folded {Count} stream entries into the aggregates")]
    public static partial void Folded(ILogger logger, int count);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "Statistics: fold failed, retrying at the next interval: {Reason}")]
    public static partial void FoldFailed(ILogger logger, string reason);
}
