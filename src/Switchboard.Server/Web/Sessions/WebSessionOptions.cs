namespace Switchboard.Server.Web.Sessions;

/// <summary>Browser sessions of the wallboard and console (<c>Web:Sessions</c>) and the reverse proxies to trust (<c>Web:KnownProxies</c>).</summary>
public sealed class WebSessionOptions
{
    /// <summary>How long a session lasts after sign-in (a JWT's own expiry ends it earlier). Default 10 hours: a working day.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>Sign-in attempts allowed per source address in <see cref="SignInWindow"/>; more are refused (429).</summary>
    public int SignInAttempts { get; set; } = 10;

    /// <summary>The throttle window of <see cref="SignInAttempts"/>.</summary>
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are honoured (the client's
    /// address in security events and throttling, <c>https</c> for <c>Secure</c> cookies). Empty: no forwarded header is believed.
    /// </summary>
    public IReadOnlyList<System.Net.IPAddress> KnownProxies { get; set; } = [];
}
