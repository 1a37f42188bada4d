using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using Switchboard.Acd.Statistics;
using Switchboard.Acd.Store;

namespace Switchboard.Api.Supervisors;

/// <summary>Registers the statistics services: <see cref="StatisticsOptions"/> (section <c>Statistics</c>),
/// the durable <see cref="StatisticsAggregator"/> with its <see cref="StatisticsFoldService"/>, and the node's <see cref="LiveStatistics"/>.</summary>
public static class StatisticsServiceCollectionExtensions
{
    /// <summary>Adds the statistics services; a bad <c>Statistics</c> setting throws <see cref="ArgumentException"/> at once.</summary>
    public static IServiceCollection AddSwitchboardStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection("Statistics").Get<StatisticsOptions>() ?? new StatisticsOptions();
        _ = options.TimeZone;
        if (options.ServiceLevelThreshold <= TimeSpan.Zero || options.ShortAbandonThreshold < TimeSpan.Zero || options.RepeatCallerWindow <= TimeSpan.Zero || options.FoldInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("Statistics: ServiceLevelThreshold, RepeatCallerWindow and FoldInterval must be positive, ShortAbandonThreshold not negative.");
        }

        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new StatisticsAggregator(
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<AcdStore>().Options.Tenant, sp.GetRequiredService<StatisticsOptions>()));
        services.TryAddSingleton(sp => new LiveStatistics(
            sp.GetRequiredService<AcdStore>(), sp.GetRequiredService<StatisticsOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<StatisticsFoldService>();
        return services;
    }
}
