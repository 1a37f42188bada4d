using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Web.Sessions;

/// <summary>Registers the web sessions' settings and the forwarded-headers handling for configured proxies only.</summary>
public static class WebSessionServiceCollectionExtensions
{
    /// <summary>Reads <c>Web:Sessions:*</c> and <c>Web:KnownProxies</c>; a bad value is a configuration error naming the setting.</summary>
    public static IServiceCollection AddSwitchboardWebSessions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = Read(configuration);
        services.AddSingleton(options);
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

    /// <summary>The settings, checked.</summary>
    public static WebSessionOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new WebSessionOptions();
        var section = configuration.GetSection("Web:Sessions");
        var lifetime = Span(section, "Lifetime", defaults.Lifetime);
        var window = Span(section, "SignInWindow", defaults.SignInWindow);
        var attempts = defaults.SignInAttempts;
        if (section["SignInAttempts"] is { } text && (!int.TryParse(text, out attempts) || attempts < 1))
        {
            throw new ConfigurationErrorException("Web:Sessions:SignInAttempts", $"'{text}' is not a positive whole number");
        }

        var proxies = new List<IPAddress>();
        var list = configuration.GetSection("Web:KnownProxies");
        foreach (var entry in list.GetChildren().Select(c => c.Value).Concat(list.Value is { } one ? one.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []))
        {
            if (!IPAddress.TryParse(entry, out var address))
            {
                throw new ConfigurationErrorException("Web:KnownProxies", $"'{entry}' is not an IP address");
            }

            proxies.Add(address);
        }

        return new WebSessionOptions { Lifetime = lifetime, SignInWindow = window, SignInAttempts = attempts, KnownProxies = proxies };
    }

    private static TimeSpan Span(IConfigurationSection section, string name, TimeSpan fallback)
    {
        if (section[name] is not { } text)
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new ConfigurationErrorException("Web:Sessions:" + name, $"'{text}' is not a positive time span (hh:mm:ss)");
    }
}
