using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using Switchboard.Acd.CallControl;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Dialplans;
using Switchboard.Acd.Directory;
using Switchboard.Acd.Live;
using Switchboard.Acd.Nodes;
using Switchboard.Acd.Notices;
using Switchboard.Acd.Registrations;
using Switchboard.Acd.Store;
using Switchboard.Api.Hosting;
using Switchboard.Dialplan.Loading;
using Switchboard.Dialplan.Versions;
using Switchboard.Media.Sessions;
using Switchboard.Server.Callbacks;
using Switchboard.Server.Calls;
using Switchboard.Server.Configuration;
using Switchboard.Server.Health;
using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Registrar;

namespace Switchboard.Server.Telephony;

/// <summary>
/// Registers the call flow: the SIP stack and registrar, the media engine and prompts, the dialplan registry, the ACD
/// store and scheduler, the gRPC API, and the <see cref="CallManager"/> that joins them.
/// Settings: <c>Media:*</c> (see <see cref="MediaSectionOptions"/>), <c>Sip:Accounts:&lt;n&gt;:User/Password</c> (agent phones' digest accounts), <c>Acd:Tenant</c>, <c>Acd:NodeId</c>.
/// </summary>
public static class CallFlowServiceCollectionExtensions
{
    public static IServiceCollection AddSwitchboardCalls(this IServiceCollection services, SwitchboardSettings settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        var accounts = settings.Sip.Accounts;
        var transfers = services.AddValidated<TransferOptions, TransferOptionsValidator>(configuration, "Transfer").Normalized();
        var callbacks = ValidatedOptions.Read<CallbackOptions, CallbackOptionsValidator>(configuration, "Callbacks");
        var dialTargets = new DialTargetPolicy
        {
            Numbers = callbacks.NumberPolicy,
            AllowedSipDomains = transfers.AllowedSipDomains,
        };
        var dialplans = LoadDialplan(settings.Dialplan.Path, dialTargets);
        var acd = services.AddValidated<AcdOptions, AcdOptionsValidator>(configuration, "Acd");
        var acdOptions = acd with
        {
            Tenant = NonEmpty(acd.Tenant) ?? "default",
            NodeId = NonEmpty(configuration["Acd:NodeId"]) ?? $"{Environment.MachineName}-{settings.Sip.Port}",
            CallerHashKey = NonEmpty(callbacks.HashKey),
        };

        services.AddSingleton(sp => new DialplanRegistry(dialplans, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new KeySchema(acdOptions.Tenant));
        // Phone passwords of the agent directory are hashed for the registrar's realm (checked Sip:Registrar:Realm).
        services.TryAddSingleton(new DirectoryOptions { Realm = settings.Sip.RegistrarOptions.Realm });
        // The one dialling policy from the checked Callbacks:NumberPolicy and Transfer:AllowedSipDomains (AddSwitchboardApi
        // reads those keys itself only for a host that registers none).
        services.TryAddSingleton(dialTargets);
        services.TryAddSingleton<DirectoryStore>();
        services.AddSingleton<ISipCredentialStore>(sp => new DirectorySipCredentialStore(sp.GetRequiredService<DirectoryStore>(), new ConfiguredSipCredentialStore(accounts)));
        services.AddSingleton<IRegistrationStore>(sp => new SharedRegistrationStore(new RegistrationStore(
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<KeySchema>(), sp.GetRequiredService<TimeProvider>())));
        services.TryAddSingleton(sp => new AcdStore(sp.GetRequiredService<IConnectionMultiplexer>(), acdOptions,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AcdStore>>()));
        services.TryAddSingleton(sp => new AcdScheduler(sp.GetRequiredService<AcdStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AcdScheduler>>()));
        services.AddSingleton(sp => new SipTelephony(settings.Sip, sp.GetRequiredService<IRegistrationStore>(), sp.GetRequiredService<ISipCredentialStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<IMeterFactory>().Create(SipInstruments.MeterName)));
        services.Replace(ServiceDescriptor.Singleton<ISipTransportHealth>(sp => sp.GetRequiredService<SipTelephony>()));
        var mediaOptions = services.AddValidated<MediaSectionOptions, MediaSectionOptionsValidator>(configuration, MediaSectionOptions.Section).ToMediaOptions(settings.Sip);
        services.AddSingleton(mediaOptions);
        services.AddSingleton(sp => new MediaEngine(mediaOptions, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<IMeterFactory>().Create(MediaEngine.MeterName)));
        services.AddSingleton<PromptCatalog>();
        services.AddSingleton(sp => new CallContext(
            sp.GetRequiredService<SipTelephony>(),
            sp.GetRequiredService<MediaEngine>(),
            sp.GetRequiredService<PromptCatalog>(),
            sp.GetRequiredService<DialplanRegistry>(),
            sp.GetRequiredService<AcdStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Switchboard.Calls"),
            sp.GetService<AgentNoticeStore>(),
            // Registered by AddSwitchboardCallbacks (Callbacks:*, Trunk:*); without it, defaults.
            sp.GetService<CallbackStore>() ?? new CallbackStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<AcdStore>(),
                new CallbackOptions(), sp.GetRequiredService<TimeProvider>()),
            sp.GetService<TrunkOptions>() ?? ValidatedOptions.Read<TrunkOptions, TrunkOptionsValidator>(configuration, "Trunk").Normalized(),
            transfers,
            sp.GetService<CallInstruments>()));
        if (!services.Any(d => d.ServiceType == typeof(Api.Dialplans.DialplanPublisher)))
        {
            services.AddSwitchboardApi(configuration);
        }

        services.AddSingleton<CallRegistry>();
        services.AddHostedService(sp => new CallManager(sp.GetRequiredService<CallContext>(), sp.GetRequiredService<CallRegistry>(), sp.GetRequiredService<AcdScheduler>(),
            sp.GetRequiredService<CallControlStore>(), sp.GetService<CallbackWorker>()));
        services.AddHostedService(sp => new DialplanFollower(sp.GetRequiredService<CallContext>(), sp.GetRequiredService<DialplanVersionStore>(), sp.GetRequiredService<LiveSettingsStore>()));
        return services;
    }

    private static Dialplan.Model.DialplanDefinition LoadDialplan(string path, DialTargetPolicy dialTargets)
    {
        var result = DialplanLoader.Load(path, new DialplanLoadOptions { TransferTargetCheck = t => DialTargetValidator.Validate(t, dialTargets).Refusal });
        if (!result.IsValid)
        {
            var first = result.Errors.FirstOrDefault()?.ToString() ?? "invalid dialplan";
            throw new ConfigurationErrorException("Dialplan:Path", $"{path}: {first}");
        }

        return result.Dialplan!;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
