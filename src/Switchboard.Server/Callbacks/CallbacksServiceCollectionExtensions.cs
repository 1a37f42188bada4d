using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Store;
using Switchboard.Acd.CallControl;
using Switchboard.Acd.Notices;
using Switchboard.Media.Sessions;
using Switchboard.Server.Configuration;
using Switchboard.Server.Telephony;
using Switchboard.Sip.Messages;

namespace Switchboard.Server.Callbacks;

/// <summary>
/// Registers callbacks (issue 8): <see cref="CallbackStore"/> (settings <c>Callbacks:*</c>), <see cref="CallbackWorker"/>,
/// the SIP dialler (<see cref="SipCallbackDialler"/>: callbacks run as calls, settings <c>Trunk:*</c>) and the periodic
/// <see cref="CallbackSweepService"/>. Needs the call flow's services (<c>AddSwitchboardCalls</c>) for the ACD store,
/// the SIP stack, the media engine and the prompts. Bad settings fail start-up with <see cref="ConfigurationErrorException"/>.
/// </summary>
public static class CallbacksServiceCollectionExtensions
{
    /// <summary>Adds the callback services; reads and checks <c>Trunk:*</c> and <c>Callbacks:*</c> at once.</summary>
    public static IServiceCollection AddSwitchboardCallbacks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var trunk = ReadTrunk(configuration.GetSection("Trunk"));
        var options = ReadCallbacks(configuration.GetSection("Callbacks"));
        var sweepInterval = ReadSweepInterval(configuration.GetSection("Callbacks"));
        if (configuration["Callbacks:HashKey"] is { } hashKey && hashKey.Trim().Length is > 0 and < 16)
        {
            throw new ConfigurationErrorException("Callbacks:HashKey", "needs at least 16 characters (or leave it unset for a random key kept in Redis)");
        }

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
            Interval = sweepInterval,
        });
        return services;
    }

    /// <summary>Reads <c>Trunk:*</c>; an empty <c>Trunk:Uri</c> means no trunk (callbacks are then closed as failed when dialled).</summary>
    internal static TrunkOptions ReadTrunk(IConfigurationSection section)
    {
        TrunkOptions trunk;
        try
        {
            trunk = section.Get<TrunkOptions>() ?? new TrunkOptions();
        }
        catch (InvalidOperationException error)
        {
            throw new ConfigurationErrorException("Trunk", error.Message, error);
        }

        if (!string.IsNullOrWhiteSpace(trunk.Uri))
        {
            if (!SipUri.TryParse(trunk.Uri.Trim(), out var uri) || !uri.IsSip || string.IsNullOrEmpty(uri.Host))
            {
                throw new ConfigurationErrorException("Trunk:Uri", $"'{trunk.Uri}' is not a sip: or sips: URI with a host (e.g. sip:trunk.example.se:5060)");
            }

            var callerId = PhoneNumberValidator.Validate(trunk.CallerId, PhoneNumberPolicy.Default with { AllowForeign = true });
            if (!callerId.IsValid)
            {
                throw new ConfigurationErrorException("Trunk:CallerId", $"'{trunk.CallerId}' is not a phone number ({callerId.Refusal}); set the number presented to citizens, e.g. +4631123456");
            }

            if (string.IsNullOrEmpty(trunk.Username) != string.IsNullOrEmpty(trunk.Password))
            {
                throw new ConfigurationErrorException("Trunk:Username", "set both Trunk:Username and Trunk:Password, or neither");
            }

            trunk = trunk with { Uri = trunk.Uri.Trim(), CallerId = callerId.E164! };
        }

        if (trunk.AttemptTimeout <= TimeSpan.Zero)
        {
            throw new ConfigurationErrorException("Trunk:AttemptTimeout", "must be positive");
        }

        if (trunk.AgentRingTimeout <= TimeSpan.Zero || trunk.CitizenRingTimeout <= TimeSpan.Zero)
        {
            throw new ConfigurationErrorException("Trunk:AgentRingTimeout", "Trunk:AgentRingTimeout and Trunk:CitizenRingTimeout must be positive");
        }

        if (trunk.AttemptTimeout < trunk.AgentRingTimeout + trunk.CitizenRingTimeout)
        {
            throw new ConfigurationErrorException("Trunk:AttemptTimeout", "must be at least Trunk:AgentRingTimeout + Trunk:CitizenRingTimeout");
        }

        return trunk;
    }

    /// <summary>Reads <c>Callbacks:*</c> into <see cref="CallbackOptions"/>.</summary>
    internal static CallbackOptions ReadCallbacks(IConfigurationSection section)
    {
        CallbackOptions options;
        try
        {
            options = section.Get<CallbackOptions>() ?? new CallbackOptions();
        }
        catch (InvalidOperationException error)
        {
            throw new ConfigurationErrorException("Callbacks", error.Message, error);
        }

        if (options.MaxAttempts < 1)
        {
            throw new ConfigurationErrorException("Callbacks:MaxAttempts", "must be at least 1");
        }

        if (options.DailyLimitPerNumber < 1)
        {
            throw new ConfigurationErrorException("Callbacks:DailyLimitPerNumber", "must be at least 1");
        }

        if (options.DailyLimitPerCaller < 1)
        {
            throw new ConfigurationErrorException("Callbacks:DailyLimitPerCaller", "must be at least 1");
        }

        if (options.DailyLimitTotal < 1)
        {
            throw new ConfigurationErrorException("Callbacks:DailyLimitTotal", "must be at least 1");
        }

        if (options.RetryInterval < TimeSpan.Zero || options.Retention < TimeSpan.Zero || options.AbandonedResumeWindow < TimeSpan.Zero)
        {
            throw new ConfigurationErrorException("Callbacks:RetryInterval", "RetryInterval, Retention and AbandonedResumeWindow must not be negative");
        }

        if (options.Expiry is { } expiry && expiry <= TimeSpan.Zero)
        {
            throw new ConfigurationErrorException("Callbacks:Expiry", "must be positive (or unset: end of the next working day)");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            throw new ConfigurationErrorException("Callbacks:TimeZone", $"unknown time zone '{options.TimeZone}'");
        }

        return options;
    }

    private static TimeSpan ReadSweepInterval(IConfigurationSection section)
    {
        var text = section["SweepInterval"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeSpan.FromSeconds(15);
        }

        if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var interval) || interval <= TimeSpan.Zero)
        {
            throw new ConfigurationErrorException("Callbacks:SweepInterval", $"'{text}' is not a positive time span (e.g. 00:00:15)");
        }

        return interval;
    }
}
