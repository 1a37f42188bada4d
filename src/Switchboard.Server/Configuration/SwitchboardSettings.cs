using Switchboard.Api.Hosting;

namespace Switchboard.Server.Configuration;

/// <summary>
/// The settings the host is built from (<c>Sip</c>, <c>Redis</c>, <c>Dialplan</c>, <c>Api:Url</c>, <c>Web</c>), each section
/// bound to its options class and checked by its source-generated validator before anything starts, so that a bad
/// setting gives one clear <see cref="ConfigurationErrorException"/> naming it instead of a failure deep inside start-up.
/// </summary>
public sealed record SwitchboardSettings(
    SipOptions Sip,
    RedisOptions Redis,
    DialplanOptions Dialplan,
    ApiOptions Api,
    WebOptions Web,
    ListenUrl ApiListen,
    ListenUrl WebListen)
{
    /// <summary>
    /// Reads and validates every section (as <see cref="Read"/>) and registers each as
    /// <c>AddOptions().Bind().ValidateOnStart()</c> with its validator, and the settings themselves.
    /// </summary>
    public static SwitchboardSettings Add(IServiceCollection services, IConfiguration configuration, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = Read(configuration, workingDirectory, services);
        services.PostConfigure<DialplanOptions>(dialplan => dialplan.Path = settings.Dialplan.Path);
        services.AddSingleton(settings);
        return settings;
    }

    /// <summary>Reads and validates every section; relative paths are resolved against <paramref name="workingDirectory"/>.</summary>
    public static SwitchboardSettings Read(IConfiguration configuration, string workingDirectory) => Read(configuration, workingDirectory, null);

    private static SwitchboardSettings Read(IConfiguration configuration, string workingDirectory, IServiceCollection? services)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        T Section<T, TValidator>(string section)
            where T : class, new()
            where TValidator : class, Microsoft.Extensions.Options.IValidateOptions<T>, new() =>
            services is null ? ValidatedOptions.Read<T, TValidator>(configuration, section) : services.AddValidated<T, TValidator>(configuration, section);

        var sip = Section<SipOptions, SipOptionsValidator>(SipOptions.Section);
        var redis = Section<RedisOptions, RedisOptionsValidator>(RedisOptions.Section);
        var dialplan = Section<DialplanOptions, DialplanOptionsValidator>(DialplanOptions.Section);
        // The Api section is bound and registered by AddSwitchboardApi (one options type, Switchboard.Api's ApiOptions);
        // checked here first, so that a bad value gets the same one line with its key and value.
        var api = ValidatedOptions.Read<ApiOptions, ApiOptionsValidator>(configuration, ApiOptions.Section);
        var web = Section<WebOptions, WebOptionsValidator>(WebOptions.Section);

        // Sections the libraries bind and register themselves (AddSwitchboardStatistics, AddSwitchboardApi): checked here
        // first, so that a bad value gets the same one line with its key and value.
        ValidatedOptions.Read<Acd.Statistics.StatisticsOptions, Acd.Statistics.StatisticsOptionsValidator>(configuration, "Statistics");
        ValidatedOptions.Read<Acd.Live.AuditOptions, Acd.Live.AuditOptionsValidator>(configuration, "Audit");

        dialplan.Path = System.IO.Path.GetFullPath(dialplan.Path.Trim(), workingDirectory);
        if (!File.Exists(dialplan.Path))
        {
            throw new ConfigurationErrorException("Dialplan:Path", $"file not found: {dialplan.Path}");
        }

        var apiListen = ListenUrl.Parse("Api:Url", api.Url);
        var webListen = ListenUrl.Parse("Web:Url", web.Url);
        if (apiListen.EndPoint.Port == webListen.EndPoint.Port)
        {
            throw new ConfigurationErrorException("Web:Url", $"uses port {webListen.EndPoint.Port}, the same as Api:Url; give each its own port");
        }

        return new SwitchboardSettings(sip, redis, dialplan, api, web, apiListen, webListen);
    }
}
