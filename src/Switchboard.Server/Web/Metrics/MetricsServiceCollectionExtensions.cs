using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using Switchboard.Dialplan.Versions;
using Switchboard.Server.Calls;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Web.Metrics;

/// <summary>
/// Registers the node's metrics: the OpenTelemetry meter provider listening to <see cref="SwitchboardMeters.All"/>
/// (only meters this host's <see cref="IMeterFactory"/> made), its Prometheus exporter for <c>/metrics</c> with the
/// scope labels and <c>target_info</c> off (the series keep their names and labels) and no response cache, the
/// <see cref="QueueFiguresRefresher"/> and the node's own instruments. Settings: <c>Metrics:RefreshInterval</c>.
/// </summary>
public static class MetricsServiceCollectionExtensions
{
    public static IServiceCollection AddSwitchboardMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidated<MetricsOptions, MetricsOptionsValidator>(configuration, MetricsOptions.Section);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter([.. SwitchboardMeters.All])
            .AddPrometheusExporter(exporter =>
            {
                exporter.ScopeInfoEnabled = false;
                exporter.TargetInfoEnabled = false;
                exporter.ScrapeResponseCacheDurationMilliseconds = 0;
            }));
        services.ConfigureOpenTelemetryMeterProvider((sp, metrics) =>
        {
            var factory = sp.GetRequiredService<IMeterFactory>();
            metrics.AddView(instrument => ReferenceEquals(instrument.Meter.Scope, factory) ? null : MetricStreamConfiguration.Drop);
        });
        services.AddSingleton<QueueFiguresRefresher>();
        services.AddSingleton(sp => new CallInstruments(sp.GetRequiredService<IMeterFactory>().Create(SwitchboardMeters.Node)));
        services.AddHostedService(sp =>
        {
            NodeInstruments.Publish(sp.GetRequiredService<IMeterFactory>().Create(SwitchboardMeters.Node), sp.GetRequiredService<CallRegistry>(),
                sp.GetRequiredService<DialplanRegistry>());
            return sp.GetRequiredService<QueueFiguresRefresher>();
        });
        return services;
    }
}
