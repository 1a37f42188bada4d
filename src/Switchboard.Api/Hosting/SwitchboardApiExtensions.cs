using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.CallControl;
using Switchboard.Acd.Dialplans;
using Switchboard.Acd.Directory;
using Switchboard.Acd.Live;
using Switchboard.Acd.Notices;
using Switchboard.Acd.Store;
using Switchboard.Acd.Web;
using Switchboard.Api.Agents;
using Switchboard.Api.Auth;
using Switchboard.Api.Dialplans;
using Switchboard.Api.Supervisors;
using Switchboard.Dialplan.Loading;

namespace Switchboard.Api.Hosting;

/// <summary>Wires the Switchboard gRPC API into an ASP.NET Core host.</summary>
public static class SwitchboardApiExtensions
{
    /// <summary>
    /// Adds the agent and supervisor services, authentication (section <c>Api</c>), gRPC health and reflection,
    /// and the Redis stores of <c>Switchboard.Acd</c> it uses. The host must register <see cref="IConnectionMultiplexer"/> and
    /// <see cref="AcdStore"/>; <see cref="TimeProvider"/>, <see cref="ICallControl"/> and
    /// <see cref="IDialplanChecker"/> get defaults when not registered.
    /// </summary>
    public static IServiceCollection AddSwitchboardApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var apiOptions = services.AddChecked<ApiOptions, ApiOptionsValidator>(configuration, ApiOptions.Section);
        var promptDirectory = apiOptions.Dialplan.PromptDirectory;

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(apiOptions);
        services.AddSingleton<StaticTokenSet>();
        services.AddSingleton(sp => new BearerTokenValidator(sp.GetRequiredService<ApiOptions>(), sp.GetRequiredService<StaticTokenSet>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSwitchboardAuthentication(apiOptions);
        services.AddSingleton<ApiErrorInterceptor>();
        services.TryAddSingleton<WebSessionStore>();
        services.TryAddSingleton<WebSessions>();
        services.TryAddSingleton(sp => sp.GetRequiredService<AcdStore>().Keys);
        services.TryAddSingleton(services.AddChecked<AuditOptions, AuditOptionsValidator>(configuration, "Audit"));
        services.TryAddSingleton<AuditStore>();
        services.TryAddSingleton<LiveSettingsStore>();
        services.TryAddSingleton<AgentRosterStore>();
        // The agent directory; phone passwords are hashed for the registrar's realm (Sip:Registrar:Realm). The Switchboard host
        // registers both from its checked options first; these reads serve a host that does not.
        services.TryAddSingleton(new DirectoryOptions { Realm = configuration["Sip:Registrar:Realm"] is { Length: > 0 } realm ? realm.Trim() : "switchboard" });
        services.TryAddSingleton<DirectoryStore>();
        services.TryAddSingleton<DirectoryProfiles>();
        services.TryAddSingleton<AgentNoticeStore>();
        services.TryAddSingleton<CallControlStore>();
        services.TryAddSingleton<ICallControl>(sp => sp.GetRequiredService<CallControlStore>());
        // The one dialling policy: the callback number policy (Callbacks:NumberPolicy) and Transfer:AllowedSipDomains.
        var sipDomains = configuration.GetSection("Transfer:AllowedSipDomains").Get<string[]>() ?? [];
        services.TryAddSingleton(sp => new DialTargetPolicy
        {
            Numbers = sp.GetService<CallbackOptions>()?.NumberPolicy ?? PhoneNumberPolicy.Default,
            AllowedSipDomains = [.. sipDomains.Select(d => d.Trim())],
        });
        services.TryAddSingleton<IDialplanChecker>(sp =>
        {
            var policy = sp.GetRequiredService<DialTargetPolicy>();
            string? Check(string target) => DialTargetValidator.Validate(target, policy).Refusal;
            return new DialplanLoaderChecker(string.IsNullOrEmpty(promptDirectory)
                ? new DialplanLoadOptions { CheckPromptFiles = false, TransferTargetCheck = Check }
                : new DialplanLoadOptions { PromptDirectory = promptDirectory, TransferTargetCheck = Check });
        });
        services.TryAddSingleton<DialplanVersionStore>();
        services.AddSingleton<DialplanPublisher>();
        services.AddSwitchboardStatistics(configuration);

        services.AddGrpc()
            .AddServiceOptions<AgentService>(o => o.Interceptors.Add<ApiErrorInterceptor>())
            .AddServiceOptions<SupervisorService>(o => o.Interceptors.Add<ApiErrorInterceptor>());
        // Answer Check from the registered health checks on demand (the cached publisher starts as Unknown).
        services.AddGrpcHealthChecks(o => o.UseHealthChecksCache = false)
            .AddCheck("switchboard-api", () => HealthCheckResult.Healthy());
        services.AddGrpcReflection();
        return services;
    }

    /// <summary>Maps the agent and supervisor services (gRPC and gRPC-Web; the host adds <c>UseGrpcWeb()</c>) plus the open gRPC health (<c>grpc.health.v1</c>) and reflection services.</summary>
    public static IEndpointRouteBuilder MapSwitchboardApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // gRPC-Web (browser calls from the web console) on the same services, with the same policies.
        endpoints.MapGrpcService<AgentService>().EnableGrpcWeb();
        endpoints.MapGrpcService<SupervisorService>().EnableGrpcWeb();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
        return endpoints;
    }
}
