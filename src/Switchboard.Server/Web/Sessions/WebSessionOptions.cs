using System.ComponentModel.DataAnnotations;

namespace Switchboard.Server.Web.Sessions;

/// <summary>
/// Browser sessions of the wallboard and console (<c>Web:Sessions</c>, bound as part of
/// <see cref="Configuration.WebOptions"/> and checked by its validator) and the reverse proxies to trust (<c>Web:KnownProxies</c>).
/// </summary>
public sealed class WebSessionOptions
{
    /// <summary>How long a session lasts after sign-in (a JWT's own expiry ends it earlier). Default 10 hours: a working day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>Sign-in attempts allowed per source address in <see cref="SignInWindow"/>; more are refused (429).</summary>
    [Range(1, 1_000_000)]
    public int SignInAttempts { get; set; } = 10;

    /// <summary>The throttle window of <see cref="SignInAttempts"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are honoured (the client's
    /// address in security events and throttling, <c>https</c> for <c>Secure</c> cookies). Empty: no forwarded header is
    /// believed. Filled from <c>Web:KnownProxies</c>.
    /// </summary>
    public IReadOnlyList<System.Net.IPAddress> KnownProxies { get; set; } = [];
}
