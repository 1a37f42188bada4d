using System.Net;

namespace Switchboard.Sip.Security;

/// <summary>
/// The per-source token bucket applied to every SIP message before it is parsed (the model is Kamailio's pike and htable
/// bans): each source address may send <see cref="MessagesPerSecond"/> on average with bursts of <see cref="Burst"/>;
/// a source that empties its bucket is banned for <see cref="BanDuration"/>.
/// </summary>
public sealed record SourceRateLimitOptions
{
    /// <summary>Sustained messages per second per source address. Default 20.</summary>
    public double MessagesPerSecond { get; init; } = 20;

    /// <summary>Bucket size: messages a source may send at once. Default 60.</summary>
    public int Burst { get; init; } = 60;

    /// <summary>How long a source that went over its rate is ignored. Default 60 s.</summary>
    public TimeSpan BanDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Most source addresses tracked at once. When the table is full, idle sources are swept out (at most once a second)
    /// and any other new source shares one overflow bucket, so forged source addresses cannot grow memory. Default 10,000.
    /// </summary>
    public int MaxSources { get; init; } = 10_000;

    /// <summary>Sources never limited (the trunk or SBC, which carries everybody's calls). Default loopback.</summary>
    public IReadOnlyList<IPNetwork> ExemptSources { get; init; } = SipSourceList.Loopback;

    /// <summary>What a limited or banned source gets: nothing (default) or a stateless 503 with Retry-After.</summary>
    public SipRefusal Refusal { get; init; } = SipRefusal.Drop;
}
