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
    /// <summary>Adds the statistics services; a bad <c>Statistics</c> setting throws <see cref="FormatException"/> naming it, at once.</summary>
    public static IServiceCollection AddSwitchboardStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = Read(configuration);
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new StatisticsAggregator(
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<AcdStore>().Options.Tenant, sp.GetRequiredService<StatisticsOptions>()));
        services.TryAddSingleton(sp => new LiveStatistics(
            sp.GetRequiredService<AcdStore>(), sp.GetRequiredService<StatisticsOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<StatisticsFoldService>();
        return services;
    }

    private static StatisticsOptions Read(IConfiguration configuration)
    {
        StatisticsOptions options;
        try
        {
            options = configuration.GetSection("Statistics").Get<StatisticsOptions>() ?? new StatisticsOptions();
            _ = options.TimeZone;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new FormatException("Statistics: " + ex.Message, ex);
        }

        if (options.ServiceLevelThreshold <= TimeSpan.Zero || options.ShortAbandonThreshold < TimeSpan.Zero
            || options.RepeatCallerWindow <= TimeSpan.Zero || options.FoldInterval <= TimeSpan.Zero)
        {
            throw new FormatException("Statistics: ServiceLevelThreshold, RepeatCallerWindow and FoldInterval must be positive, ShortAbandonThreshold not negative.");
        }

        return options;
    }
}
