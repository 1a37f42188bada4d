using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Store;
using Switchboard.Acd.CallControl;
using Switchboard.Acd.Notices;
using Switchboard.Media.Sessions;
using Switchboard.Server.Configuration;
using Switchboard.Server.Telephony;

namespace Switchboard.Server.Callbacks;

/// <summary>
/// Registers callbacks (issue 8): <see cref="CallbackStore"/> (settings <c>Callbacks:*</c>), <see cref="CallbackWorker"/>,
/// the SIP dialler (<see cref="SipCallbackDialler"/>: callbacks run as calls, settings <c>Trunk:*</c>) and the periodic
/// <see cref="CallbackSweepService"/>. Needs the call flow's services (<c>AddSwitchboardCalls</c>) for the ACD store,
/// the SIP stack, the media engine and the prompts. Bad settings fail start-up with <see cref="ConfigurationErrorException"/>.
/// </summary>
public static class CallbacksServiceCollectionExtensions
{
    /// <summary>
    /// Adds the callback services; binds <c>Trunk:*</c> (<see cref="TrunkOptions"/>) and <c>Callbacks:*</c>
    /// (<see cref="CallbackOptions"/>) and checks them at once with their validators.
    /// </summary>
    public static IServiceCollection AddSwitchboardCallbacks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var trunk = services.AddValidated<TrunkOptions, TrunkOptionsValidator>(configuration, "Trunk").Normalized();
        var options = services.AddValidated<CallbackOptions, CallbackOptionsValidator>(configuration, "Callbacks");
        services.TryAddSingleton(trunk);
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new CallbackStore(
            sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<AcdStore>(),
            sp.GetRequiredService<CallbackOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CallbackStore>>()));
        services.TryAddSingleton(sp => new SipCallbackDialler(sp.GetRequiredService<Calls.CallContext>(), sp.GetRequiredService<Calls.CallRegistry>()));
        services.TryAddSingleton<ICallbackDialler>(sp => sp.GetRequiredService<SipCallbackDialler>());
        services.TryAddSingleton(sp => new CallbackWorker(
            sp.GetRequiredService<CallbackStore>(),
            sp.GetRequiredService<AcdStore>(),
            sp.GetRequiredService<ICallbackDialler>(),
            sp.GetRequiredService<TrunkOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CallbackWorker>>(),
            sp.GetService<AgentNoticeStore>()));
        services.AddHostedService(sp => new CallbackSweepService(
            sp.GetRequiredService<CallbackStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CallbackSweepService>>())
        {
            Interval = options.SweepInterval,
        });
        return services;
    }
}
