using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Live;
using Switchboard.Acd.Statistics;
using Switchboard.Acd.Store;
using Switchboard.Api.Auth;
using Switchboard.Server.Callbacks;
using Switchboard.Server.Calls;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Tests.Configuration;

/// <summary>
/// The sections bound to options classes outside <see cref="SwitchboardSettings"/>, each checked by its source-generated
/// validator: a bad value is one line naming the key, the rule and (unless secret) the value.
/// </summary>
public sealed class SectionValidationTests
{
    [Theory]
    [InlineData("Callbacks:MaxAttempts", "0", "Callbacks:MaxAttempts: must be between 1 and 100 (was 0)")]
    [InlineData("Callbacks:TimeZone", "Mars/Olympus", "Callbacks:TimeZone: is not a known time zone (an IANA id such as Europe/Stockholm) (was Mars/Olympus)")]
    [InlineData("Callbacks:HashKey", "short", "Callbacks:HashKey: needs at least 16 characters (or leave it unset for a random key kept in Redis)")]
    [InlineData("Callbacks:SweepInterval", "soon", "Callbacks:SweepInterval: is not a time span (d.hh:mm:ss, e.g. 00:00:30) (was soon)")]
    public void Callbacks_BadValue_OneLine(string key, string value, string message) =>
        AssertRefused<CallbackOptions, CallbackOptionsValidator>("Callbacks", key, value, message);

    [Theory]
    [InlineData("Trunk:Uri", "http://trunk.example.se", "Trunk:Uri: 'http://trunk.example.se' is not a sip: or sips: URI with a host (e.g. sip:trunk.example.se:5060)")]
    [InlineData("Trunk:Username", "kommun", "Trunk:Username: set both Trunk:Username and Trunk:Password, or neither (was kommun)")]
    [InlineData("Trunk:AttemptTimeout", "00:00:30", "Trunk:AttemptTimeout: must be at least Trunk:AgentRingTimeout + Trunk:CitizenRingTimeout (was 00:00:30)")]
    [InlineData("Trunk:CitizenRingTimeout", "00:00:00", "Trunk:CitizenRingTimeout: must be between 00:00:01 and 00:30:00 (was 00:00:00)")]
    public void Trunk_BadValue_OneLine(string key, string value, string message) =>
        AssertRefused<TrunkOptions, TrunkOptionsValidator>("Trunk", key, value, message, ("Trunk:Uri", "sip:127.0.0.1:5099"), ("Trunk:CallerId", "+4631123456"));

    [Theory]
    [InlineData("Acd:PromiseReplicas", "11", "Acd:PromiseReplicas: must be between 0 and 10 (was 11)")]
    [InlineData("Acd:HeartbeatTtl", "00:00:00", "Acd:HeartbeatTtl: must be between 00:00:01 and 00:10:00 (was 00:00:00)")]
    [InlineData("Acd:Tenant", "a{b}", "Acd:Tenant: must not be empty nor hold , ; / : | { } or a control character (was a{b})")]
    public void Acd_BadValue_OneLine(string key, string value, string message) =>
        AssertRefused<AcdOptions, AcdOptionsValidator>("Acd", key, value, message);

    [Theory]
    [InlineData("Transfer:AllowedSipDomains:0", "sip:x@example.se", "Transfer:AllowedSipDomains: each entry must be a bare host name or IP address (no scheme, user, port, brackets or path)")]
    [InlineData("Transfer:MaxRingTimeout", "01:00:00", "Transfer:MaxRingTimeout: must be between 00:00:01 and 00:10:00 (was 01:00:00)")]
    public void Transfer_BadValue_OneLine(string key, string value, string message) =>
        AssertRefused<TransferOptions, TransferOptionsValidator>("Transfer", key, value, message);

    [Theory]
    [InlineData("Statistics:FoldInterval", "00:00:00", "Statistics:FoldInterval: must be between 00:00:00.1000000 and 1.00:00:00 (was 00:00:00)")]
    [InlineData("Statistics:TimeZoneId", "Nowhere", "Statistics:TimeZoneId: is not a known time zone (an IANA id such as Europe/Stockholm) (was Nowhere)")]
    public void Statistics_BadValue_OneLine(string key, string value, string message) =>
        AssertRefused<StatisticsOptions, StatisticsOptionsValidator>("Statistics", key, value, message);

    [Fact]
    public void Audit_NegativeRetention_OneLine() =>
        AssertRefused<AuditOptions, AuditOptionsValidator>("Audit", "Audit:Retention", "-1.00:00:00",
            "Audit:Retention: must be between 00:00:01 and 3650.00:00:00 (was -1.00:00:00)");

    [Theory]
    [InlineData("Api:Tokens:0:Token", "short", "Api:Tokens:0:Token: must be at least 16 characters")]
    [InlineData("Api:Tokens:0:Role", "admin", "Api:Tokens:0:Role: must be 'agent' or 'supervisor' (was admin)")]
    [InlineData("Api:Jwt:SigningKey", "too-short", "Api:Jwt:SigningKey: must be at least 32 bytes")]
    [InlineData("Api:Jwt:ClockSkew", "01:00:00", "Api:Jwt:ClockSkew: must be between 00:00:00 and 00:10:00 (was 01:00:00)")]
    public void ApiAuth_BadValue_OneLineWithoutTheSecret(string key, string value, string message) =>
        AssertRefused<Api.Hosting.ApiOptions, Api.Hosting.ApiOptionsValidator>("Api", key, value, message,
            ("Api:Tokens:0:Token", "a-long-enough-token-0123"), ("Api:Tokens:0:Subject", "anna"), ("Api:Tokens:0:Role", "agent"));

    [Fact]
    public void Api_OneOptionsType_HoldsTheWholeSectionOnce()
    {
        var configuration = Configuration(("Api:Url", "http://127.0.0.1:5191"), ("Api:Tokens:0:Token", "a-long-enough-token-0123"),
            ("Api:Tokens:0:Subject", "anna"), ("Api:Tokens:0:Role", "agent"), ("Api:TimeZone", "Europe/Helsinki"),
            ("Api:Dialplan:PromptDirectory", "/srv/prompts"));
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Api.Hosting.SwitchboardApiExtensions.AddSwitchboardApi(services, configuration);
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var bound = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IOptions<Api.Hosting.ApiOptions>>(provider).Value;

        Assert.Equal(("http://127.0.0.1:5191", "Europe/Helsinki", "/srv/prompts"), (bound.Url, bound.TimeZone, bound.Dialplan.PromptDirectory));
        Assert.Equal("anna", Assert.Single(bound.Tokens).Subject);
    }

    [Fact]
    public void Acd_NothingSet_DefaultsKept()
    {
        var acd = ValidatedOptions.Read<AcdOptions, AcdOptionsValidator>(Configuration(), "Acd");

        Assert.Equal((TimeSpan.FromSeconds(10), 1, TimeSpan.FromMilliseconds(500)), (acd.HeartbeatTtl, acd.PromiseReplicas, acd.PromiseReplicationTimeout));
    }

    [Fact]
    public void Trunk_GoodValues_CallerIdInE164()
    {
        var trunk = ValidatedOptions.Read<TrunkOptions, TrunkOptionsValidator>(
            Configuration(("Trunk:Uri", " sip:127.0.0.1:5099 "), ("Trunk:CallerId", "031-123456")), "Trunk").Normalized();

        Assert.Equal(("sip:127.0.0.1:5099", "+4631123456"), (trunk.Uri, trunk.CallerId));
    }

    private static void AssertRefused<T, TValidator>(string section, string key, string value, string message, params (string Key, string? Value)[] baseline)
        where T : class, new()
        where TValidator : class, IValidateOptions<T>, new()
    {
        var error = Assert.Throws<ConfigurationErrorException>(() => ValidatedOptions.Read<T, TValidator>(Configuration([.. baseline, (key, value)]), section));

        Assert.Equal(message, error.Message);
        Assert.Equal(message[..message.IndexOf(": ", StringComparison.Ordinal)], error.Setting);
    }

    /// <summary>The values in order; a later one for the same key wins.</summary>
    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.GroupBy(v => v.Key).Select(g => new KeyValuePair<string, string?>(g.Key, g.Last().Value))).Build();
}
