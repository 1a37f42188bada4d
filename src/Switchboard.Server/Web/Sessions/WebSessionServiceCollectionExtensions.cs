using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Web.Sessions;

/// <summary>
/// Registers the web sessions' settings, the forwarded-headers handling for configured proxies only, and the API/web
/// security events (<see cref="WebSecurityEvents"/>, <see cref="BearerFailureHandler"/>).
/// </summary>
public static class WebSessionServiceCollectionExtensions
{
    /// <summary>Reads <c>Web:Sessions:*</c> and <c>Web:KnownProxies</c>; a bad value is a configuration error naming the setting.</summary>
    public static IServiceCollection AddSwitchboardWebSessions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = Read(configuration);
        services.AddSingleton(options);
        services.AddSingleton<WebSecurityEvents>();
        // Failed bearer tokens on the API are security events, counted with the source's sign-in attempts.
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, BearerFailureHandler>();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;
            // The defaults trust loopback; only the configured proxies are believed.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }
        });
        return services;
    }

    /// <summary>The settings (<see cref="WebOptions"/>: <c>Web:Sessions:*</c> and <c>Web:KnownProxies</c>), checked.</summary>
    public static WebSessionOptions Read(IConfiguration configuration)
    {
        var web = ValidatedOptions.Read<WebOptions, WebOptionsValidator>(configuration, WebOptions.Section);
        web.Sessions.KnownProxies = web.KnownProxyAddresses;
        return web.Sessions;
    }
}
