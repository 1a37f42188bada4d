using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using Switchboard.Api.Hosting;
using Switchboard.Acd.Statistics;
using Switchboard.Acd.Store;

namespace Switchboard.Api.Supervisors;

/// <summary>Registers the statistics services: <see cref="StatisticsOptions"/> (section <c>Statistics</c>),
/// the durable <see cref="StatisticsAggregator"/> with its <see cref="StatisticsFoldService"/>, and the node's <see cref="LiveStatistics"/>.</summary>
public static class StatisticsServiceCollectionExtensions
{
    /// <summary>Adds the statistics services; a bad <c>Statistics</c> setting throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> naming it, at once.</summary>
    public static IServiceCollection AddSwitchboardStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddChecked<StatisticsOptions, StatisticsOptionsValidator>(configuration, "Statistics");
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new StatisticsAggregator(
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<AcdStore>().Options.Tenant, sp.GetRequiredService<StatisticsOptions>()));
        services.TryAddSingleton(sp => new LiveStatistics(
            sp.GetRequiredService<AcdStore>(), sp.GetRequiredService<StatisticsOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<StatisticsFoldService>();
        return services;
    }
}
