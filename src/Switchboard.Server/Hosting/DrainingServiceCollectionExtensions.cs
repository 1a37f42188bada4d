using StackExchange.Redis;
using Switchboard.Acd.Store;
using Switchboard.Server.Calls;
using Switchboard.Server.Configuration;
using Switchboard.Server.Telephony;

namespace Switchboard.Server.Hosting;

/// <summary>Draining on SIGTERM and the node's availability to a proxy (<c>Drain:*</c>, see <see cref="DrainOptions"/>).</summary>
public static class DrainingServiceCollectionExtensions
{
    /// <summary>Registers <see cref="NodeDrain"/>, <see cref="NodeAvailability"/> and the draining host lifetime.</summary>
    public static IServiceCollection AddSwitchboardDraining(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddValidated<DrainOptions, DrainOptionsValidator>(configuration, DrainOptions.Section);
        services.AddSingleton(options);
        services.AddSingleton(sp => new NodeDrain(options, sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<NodeDrain>>()));
        services.AddSingleton(sp => new NodeAvailability(sp.GetRequiredService<NodeDrain>(), sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<ILogger<NodeAvailability>>()));
        // Registered after the console lifetime: this one is used.
        services.AddSingleton<IHostLifetime, DrainingHostLifetime>();
        return services;
    }

    /// <summary>Connects draining to the SIP stack (OPTIONS/INVITE answers) and to the node's call count.</summary>
    public static void UseSwitchboardDraining(this IServiceProvider services)
    {
        var drain = services.GetRequiredService<NodeDrain>();
        if (services.GetService<SipTelephony>() is { } sip)
        {
            sip.UserAgent.Availability = services.GetRequiredService<NodeAvailability>().Current;
        }

        if (services.GetServices<IHostedService>().OfType<CallManager>().FirstOrDefault() is { } calls)
        {
            drain.ActiveCalls = () => calls.ActiveCalls;
        }

        if (services.GetService<AcdStore>() is { } acd)
        {
            // At the deadline: this node's callers are dropped by the system and offered a callback at their place.
            drain.HandOver = token => acd.ReleaseNodeAsync(token);
        }
    }
}
