using System.Net;

namespace Switchboard.Sip.Security;

/// <summary>
/// Limits that keep a hostile network from exhausting this SIP stack (docs/security.md): the per-source rate limit,
/// who may place calls, and hard caps on server transactions, the bytes they hold, dialogs and calls not yet confirmed by ACK.
/// </summary>
public sealed record SipSecurityOptions
{
    public static readonly SipSecurityOptions Default = new();

    /// <summary>The per-source token bucket and bans.</summary>
    public SourceRateLimitOptions RateLimit { get; init; } = new();

    /// <summary>
    /// Sources (the trunk's or SBC's addresses/CIDRs) allowed to send an INVITE that starts a call; requests inside an
    /// existing dialog are not affected. Default loopback, so <c>./run.sh</c> and a softphone on the same machine work.
    /// </summary>
    public IReadOnlyList<IPNetwork> CallSources { get; init; } = SipSourceList.Loopback;

    /// <summary>What an INVITE from any other source gets: a stateless 403 (default) or nothing.</summary>
    public SipRefusal CallSourceRefusal { get; init; } = SipRefusal.Reject;

    /// <summary>What a request gets when a cap below is reached: a stateless 503 with Retry-After (default) or nothing.</summary>
    public SipRefusal CapacityRefusal { get; init; } = SipRefusal.Reject;

    /// <summary>Server transactions held at once (RFC 3261 §17.2); a new request beyond this is refused. Default 5,000.</summary>
    public int MaxServerTransactions { get; init; } = 5_000;

    /// <summary>Total size of the requests held by server transactions. Default 16 MiB.</summary>
    public long MaxServerTransactionBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>
    /// Share (0-90 %) of <see cref="MaxServerTransactions"/> and <see cref="MaxServerTransactionBytes"/> kept for requests
    /// from <see cref="CallSources"/> and the rate limit's exempt sources and for requests inside a dialog: a flood of
    /// requests from other sources fills the rest and then gets 503, while the trunk's calls and the BYEs of calls in
    /// progress still get a transaction. Default 20.
    /// </summary>
    public int PriorityReservePercent { get; init; } = 20;

    /// <summary>Dialogs at once (calls in and out, agent legs included); a new INVITE beyond this gets 503. Default 2,000.</summary>
    public int MaxDialogs { get; init; } = 2_000;

    /// <summary>Incoming INVITEs not yet confirmed by an ACK (ringing or answered, unacknowledged); beyond this, 503. Default 200.</summary>
    public int MaxUnconfirmedCalls { get; init; } = 200;

    /// <summary>
    /// Incoming INVITEs not yet confirmed by ACK from one source address; beyond this, 503. Default 50: an allowed source
    /// that never ACKs (a flood slower than the rate limit, or a broken SBC) holds at most this share of
    /// <see cref="MaxUnconfirmedCalls"/>, so the other call sources' calls still get in.
    /// </summary>
    public int MaxUnconfirmedCallsPerSource { get; init; } = 50;

    /// <summary>Retry-After (RFC 3261 §20.33) on a 503 for a flood or a full cap. Default 30 s.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);
}
