namespace Switchboard.Sip.Security;

/// <summary>What <see cref="SourceRateLimiter.Check"/> decided for one message.</summary>
public enum SourceVerdict
{
    /// <summary>Within the source's rate (or the source is exempt).</summary>
    Allow,

    /// <summary>Over the rate now: the source has just been banned.</summary>
    Banned,

    /// <summary>The source is serving a ban, or new sources share the overflow bucket and it is empty.</summary>
    Refused,
}
