using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Acd.Statistics;

namespace Switchboard.Api.Supervisors;

/// <summary>
/// Folds the event stream into the durable aggregates every <see cref="StatisticsOptions.FoldInterval"/>, so figures
/// are kept even when nobody asks for a report before the stream is trimmed. Safe with several nodes (the fold is
/// idempotent per stream page); a failed fold is logged and tried again at the next interval.
/// </summary>
public sealed class StatisticsFoldService(
    StatisticsAggregator aggregator, StatisticsOptions options, TimeProvider timeProvider, ILogger<StatisticsFoldService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var folded = await aggregator.FoldAsync(stoppingToken).ConfigureAwait(false);
                if (folded > 0)
                {
                    StatisticsLog.Folded(logger, folded);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                StatisticsLog.FoldFailed(logger, ex.Message);
            }

            try
            {
                await Task.Delay(options.FoldInterval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
