using System.Globalization;
using System.Net;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Security;

namespace Switchboard.Server.Configuration;

/// <summary>
/// Reads and checks the SIP protections (<c>Sip:Security:*</c>, <c>Sip:Registrar:*</c>; docs/security.md): rate limit and bans,
/// call sources, caps, registrar lockout. A bad value is a <see cref="ConfigurationErrorException"/> naming the key.
/// </summary>
public static class SipSecurityConfiguration
{
    /// <summary>Fills <see cref="SipOptions.Security"/> and <see cref="SipOptions.Registrar"/> of <paramref name="sip"/>.</summary>
    public static void Read(IConfiguration configuration, SipOptions sip)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sip);
        var d = SipSecurityOptions.Default;
        var rate = d.RateLimit;
        sip.Security = new SipSecurityOptions
        {
            RateLimit = new SourceRateLimitOptions
            {
                MessagesPerSecond = Number(configuration, "Sip:Security:RateLimit:MessagesPerSecond", rate.MessagesPerSecond, 0.1, 1_000_000),
                Burst = (int)Number(configuration, "Sip:Security:RateLimit:Burst", rate.Burst, 1, 1_000_000),
                BanDuration = Span(configuration, "Sip:Security:RateLimit:BanDuration", rate.BanDuration, TimeSpan.Zero, TimeSpan.FromDays(1)),
                MaxSources = (int)Number(configuration, "Sip:Security:RateLimit:MaxSources", rate.MaxSources, 1, 10_000_000),
                ExemptSources = Sources(configuration, "Sip:Security:RateLimit:ExemptSources", rate.ExemptSources),
                Refusal = Refusal(configuration, "Sip:Security:RateLimit:Refusal", rate.Refusal),
            },
            CallSources = Sources(configuration, "Sip:Security:CallSources", d.CallSources),
            CallSourceRefusal = Refusal(configuration, "Sip:Security:CallSourceRefusal", d.CallSourceRefusal),
            CapacityRefusal = Refusal(configuration, "Sip:Security:CapacityRefusal", d.CapacityRefusal),
            MaxServerTransactions = (int)Number(configuration, "Sip:Security:MaxServerTransactions", d.MaxServerTransactions, 1, 10_000_000),
            MaxServerTransactionBytes = (long)Number(configuration, "Sip:Security:MaxServerTransactionBytes", d.MaxServerTransactionBytes, 65_536, 1L << 40),
            PriorityReservePercent = (int)Number(configuration, "Sip:Security:PriorityReservePercent", d.PriorityReservePercent, 0, 90),
            MaxDialogs = (int)Number(configuration, "Sip:Security:MaxDialogs", d.MaxDialogs, 1, 10_000_000),
            MaxUnconfirmedCalls = (int)Number(configuration, "Sip:Security:MaxUnconfirmedCalls", d.MaxUnconfirmedCalls, 1, 10_000_000),
            MaxUnconfirmedCallsPerSource = (int)Number(configuration, "Sip:Security:MaxUnconfirmedCallsPerSource", d.MaxUnconfirmedCallsPerSource, 1, 10_000_000),
            RetryAfter = Span(configuration, "Sip:Security:RetryAfter", d.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
        };
        sip.Registrar = ReadRegistrar(configuration, sip.Registrar);
    }

    private static SipRegistrarOptions ReadRegistrar(IConfiguration configuration, SipRegistrarOptions d)
    {
        var realm = configuration["Sip:Registrar:Realm"];
        if (realm is not null && (string.IsNullOrWhiteSpace(realm) || realm.Contains('"', StringComparison.Ordinal)))
        {
            throw new ConfigurationErrorException("Sip:Registrar:Realm", $"'{realm}' is empty or contains a quote");
        }

        var algorithms = configuration.GetSection("Sip:Registrar:Algorithms").GetChildren().Select(c => c.Value?.Trim() ?? "").ToList();
        if (configuration["Sip:Registrar:Algorithms"] is { } single)
        {
            algorithms.AddRange(single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        foreach (var algorithm in algorithms)
        {
            if (!algorithm.Equals(DigestAlgorithm.Md5, StringComparison.OrdinalIgnoreCase) && !algorithm.Equals(DigestAlgorithm.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new ConfigurationErrorException("Sip:Registrar:Algorithms", $"'{algorithm}' is not MD5 or SHA-256");
            }
        }

        return d with
        {
            Realm = realm?.Trim() ?? d.Realm,
            Algorithms = algorithms.Count > 0
                ? [.. algorithms.Select(a => a.Equals(DigestAlgorithm.Md5, StringComparison.OrdinalIgnoreCase) ? DigestAlgorithm.Md5 : DigestAlgorithm.Sha256).Distinct()]
                : d.Algorithms,
            FailureWindow = Span(configuration, "Sip:Registrar:FailureWindow", d.FailureWindow, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            SlowDownAfterFailures = (int)Number(configuration, "Sip:Registrar:SlowDownAfterFailures", d.SlowDownAfterFailures, 1, 1_000_000),
            FailureDelay = Span(configuration, "Sip:Registrar:FailureDelay", d.FailureDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1)),
            MaxFailureDelay = Span(configuration, "Sip:Registrar:MaxFailureDelay", d.MaxFailureDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1)),
            SourceLockoutAfterFailures = (int)Number(configuration, "Sip:Registrar:SourceLockoutAfterFailures", d.SourceLockoutAfterFailures, 1, 1_000_000),
            AccountLockoutAfterFailures = (int)Number(configuration, "Sip:Registrar:AccountLockoutAfterFailures", d.AccountLockoutAfterFailures, 1, 1_000_000),
            LockoutDuration = Span(configuration, "Sip:Registrar:LockoutDuration", d.LockoutDuration, TimeSpan.Zero, TimeSpan.FromDays(1)),
        };
    }

    /// <summary>A list of addresses/CIDRs (<c>Key:0</c>, <c>Key:1</c>, ... or one comma-separated value); absent keeps the default.</summary>
    internal static IReadOnlyList<IPNetwork> Sources(IConfiguration configuration, string key, IReadOnlyList<IPNetwork> fallback)
    {
        var section = configuration.GetSection(key);
        var items = section.GetChildren().Select(c => c.Value).ToList();
        if (section.Value is { } single)
        {
            items.AddRange(single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        if (items.Count == 0)
        {
            return fallback;
        }

        var list = new List<IPNetwork>();
        foreach (var item in items)
        {
            if (string.Equals(item?.Trim(), "none", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!SipSourceList.TryParse(item, out var network))
            {
                throw new ConfigurationErrorException(key, $"'{item}' is not an IP address or CIDR range (e.g. 192.0.2.10 or 192.0.2.0/24)");
            }

            list.Add(network);
        }

        return list;
    }

    private static double Number(IConfiguration configuration, string key, double fallback, double min, double max)
    {
        var text = configuration[key];
        if (text is null)
        {
            return fallback;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ConfigurationErrorException(key, $"'{text}' is not a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return value;
    }

    internal static TimeSpan Span(IConfiguration configuration, string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        var text = configuration[key];
        if (text is null)
        {
            return fallback;
        }

        if (!TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ConfigurationErrorException(key, $"'{text}' is not a time span from {min:c} to {max:c}");
        }

        return value;
    }

    private static SipRefusal Refusal(IConfiguration configuration, string key, SipRefusal fallback)
    {
        var text = configuration[key];
        if (text is null)
        {
            return fallback;
        }

        return Enum.TryParse<SipRefusal>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new ConfigurationErrorException(key, $"'{text}' is not Reject or Drop");
    }
}
