using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Switchboard.Server.Calls;
using Switchboard.Server.Configuration;
using Switchboard.Sip.Diagnostics;

namespace Switchboard.Server.Hosting;

/// <summary>
/// OpenTelemetry traces (<c>Tracing:*</c>, <see cref="TracingOptions"/>): when <c>Tracing:OtlpEndpoint</c> is set, the
/// spans of <see cref="Sources"/> and of ASP.NET Core (gRPC and web requests; <c>/metrics</c> and <c>/healthz</c> left out)
/// go to that collector over OTLP, and console log lines carry the trace and span id (logger scopes on). Not set: no
/// tracer provider at all, so no span is ever created.
/// </summary>
public static class TracingServiceCollectionExtensions
{
    /// <summary>Every activity source of the node: SIP transactions, calls, the ACD as calls see it, the ACD store's Redis calls.</summary>
    public static readonly IReadOnlyList<string> Sources = [SipTracing.SourceName, CallTrace.SourceName, AcdTracing.SourceName, Acd.Store.RedisTracing.SourceName];

    public static IServiceCollection AddSwitchboardTracing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddValidated<TracingOptions, TracingOptionsValidator>(configuration, TracingOptions.Section);
        if (!options.Enabled || !Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
        {
            return services; // off (a bad URL was refused above)
        }

        var grpc = options.OtlpProtocol == "grpc";
        if (!grpc && endpoint.AbsolutePath is "" or "/")
        {
            endpoint = new Uri(endpoint, "/v1/traces");
        }

        services.Configure<SimpleConsoleFormatterOptions>(console => console.IncludeScopes = true);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing
                .AddSource([.. Sources])
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = http =>
                    !http.Request.Path.StartsWithSegments("/metrics") && !http.Request.Path.StartsWithSegments("/healthz"))
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(Math.Clamp(options.SampleRatio, 0, 1))))
                .AddOtlpExporter(otlp =>
                {
                    otlp.Endpoint = endpoint;
                    otlp.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                }));
        return services;
    }
}
