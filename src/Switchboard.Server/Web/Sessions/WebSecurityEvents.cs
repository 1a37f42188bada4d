using System.Diagnostics.Metrics;
using Switchboard.Server.Web.Metrics;

namespace Switchboard.Server.Web.Sessions;

/// <summary>
/// The counter of the API and web security events on this node: <c>switchboard.web.security.events</c> (tag
/// <c>event</c>; on <c>/metrics</c> <c>switchboard_web_security_events_total</c>) on the meter
/// <see cref="SwitchboardMeters.Node"/>. The log lines are <see cref="Api.Auth.WebSecurityLog"/>'s.
/// </summary>
public sealed class WebSecurityEvents
{
    /// <summary>A web sign-in with a bad token or without the page's role.</summary>
    public const string SignInFailed = "web_signin_failed";

    /// <summary>A web sign-in refused because of too many attempts from the source.</summary>
    public const string SignInThrottled = "web_signin_throttled";

    /// <summary>A gRPC call with a bearer token that is not valid.</summary>
    public const string BearerFailed = "api_bearer_failed";

    private readonly Counter<long> _events;

    public WebSecurityEvents(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _events = meters.Create(SwitchboardMeters.Node).CreateCounter<long>(
            "switchboard.web.security.events", "{event}", "API and web security events on this node by kind (docs/security.md).");
    }

    /// <summary>Counts one event of <paramref name="kind"/> (one of the constants).</summary>
    public void Count(string kind) => _events.Add(1, new KeyValuePair<string, object?>("event", kind));
}
