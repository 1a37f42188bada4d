using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Switchboard.Api.Hosting;
using Switchboard.Server.Callbacks;
using Switchboard.Server.Configuration;
using Switchboard.Server.Health;
using Switchboard.Server.Redis;
using Switchboard.Server.Telephony;
using Switchboard.Server.Web;
using Switchboard.Server.Web.Console;
using Switchboard.Server.Web.Metrics;
using Switchboard.Server.Web.Index;
using Switchboard.Server.Web.Sessions;
using Switchboard.Server.Web.Wallboard;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Builds and runs the Switchboard host: settings checked first, SIP port held, Kestrel on <c>Api:Url</c> (HTTP/2)
/// and <c>Web:Url</c> (HTTP/1.1), Redis connected with retries, <c>/healthz</c>. Call-flow code adds its
/// services through <see cref="BuildAsync"/>'s <c>configure</c> hook or in <see cref="AddSwitchboardServices"/>.
/// </summary>
public static partial class SwitchboardHost
{
    /// <summary>Exit code for a configuration error (one line on stderr).</summary>
    public const int ConfigurationErrorExitCode = 2;

    /// <summary>Exit code for another start-up failure (one line on stderr).</summary>
    public const int StartupFailureExitCode = 1;

    /// <summary>Runs until SIGTERM/Ctrl+C; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication? app = null;
        try
        {
            app = await BuildAsync(args).ConfigureAwait(false);
            await StartAsync(app).ConfigureAwait(false);
            await app.WaitForShutdownAsync().ConfigureAwait(false);
            return 0;
        }
        catch (ConfigurationErrorException error)
        {
            await Console.Error.WriteLineAsync("switchboard: configuration error: " + error.Message).ConfigureAwait(false);
            return ConfigurationErrorExitCode;
        }
        catch (OptionsValidationException error)
        {
            await Console.Error.WriteLineAsync("switchboard: configuration error: " + OneLine(string.Join("; ", error.Failures))).ConfigureAwait(false);
            return ConfigurationErrorExitCode;
        }
        catch (Exception error) when (error is InvalidDataException or FormatException or IOException)
        {
            await Console.Error.WriteLineAsync("switchboard: start-up failed: " + OneLine(error.Message)).ConfigureAwait(false);
            return StartupFailureExitCode;
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Builds the host and connects Redis; throws <see cref="ConfigurationErrorException"/> on a bad setting.
    /// <paramref name="configure"/> runs before the settings are read (tests add configuration there).
    /// </summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        var settings = SwitchboardSettings.Add(builder.Services, builder.Configuration, Environment.CurrentDirectory);
        ListenPortCheck.EnsureFree(settings.ApiListen);
        ListenPortCheck.EnsureFree(settings.WebListen);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(settings.ApiListen.EndPoint, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(settings.WebListen.EndPoint, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        AddSwitchboardServices(builder.Services, settings);
        builder.Services.AddSwitchboardCalls(settings, builder.Configuration);
        builder.Services.AddSwitchboardCallbacks(builder.Configuration);
        builder.Services.AddSwitchboardDraining(builder.Configuration);
        builder.Services.AddSwitchboardMetrics(builder.Configuration);
        builder.Services.AddSwitchboardWebSessions(builder.Configuration);
        builder.Services.AddSwitchboardTracing(builder.Configuration);

        var app = builder.Build();
        try
        {
            await app.Services.GetRequiredService<RedisConnection>().ConnectAsync(cancellationToken).ConfigureAwait(false);
            _ = app.Services.GetRequiredService<ISipTransportHealth>();
            app.Services.UseSwitchboardDraining();
            // Forwarded headers (configured proxies only) first, so authentication sees the client's address and scheme;
            // gRPC-Web before authorization, so the browser's calls get gRPC statuses.
            app.UseForwardedHeaders();
            app.UseRouting();
            app.UseGrpcWeb();
            app.UseAuthentication();
            app.UseAuthorization();
            MapWebEndpoints(app, settings);
            app.MapSwitchboardApi();
            return app;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts serving and logs where everything listens.</summary>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var settings = app.Services.GetRequiredService<SwitchboardSettings>();
        HostingLog.Listening(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Switchboard.Server"),
            settings.Sip.BindEndPoint.ToString(),
            settings.ApiListen.ToString(),
            settings.WebListen.ToString(),
            settings.Dialplan.Path);
    }

    /// <summary>The services every Switchboard node has; later layers add theirs after these.</summary>
    public static void AddSwitchboardServices(IServiceCollection services, SwitchboardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(settings);
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new RedisConnection(settings.Redis, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedisConnection>>()));
        services.AddSingleton<IConnectionMultiplexer>(sp => sp.GetRequiredService<RedisConnection>().Multiplexer);

        // The SIP stack replaces this registration with its transport; the placeholder only holds the port.
        services.AddSingleton<ISipTransportHealth>(_ => PlaceholderSipTransport.Bind(settings.Sip));

        services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>("redis")
            .AddCheck<SipTransportHealthCheck>("sip");
    }

    private static void MapWebEndpoints(WebApplication app, SwitchboardSettings settings)
    {
        var web = $"*:{settings.WebListen.EndPoint.Port}";
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .RequireHost(web);
        app.MapSwitchboardMetrics().RequireHost(web);
        app.MapSwitchboardWallboard().RequireHost(web);
        app.MapSwitchboardSignIn().RequireHost(web);
        app.MapSwitchboardConsole().RequireHost(web);
        app.MapSwitchboardIndex().RequireHost(web);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
