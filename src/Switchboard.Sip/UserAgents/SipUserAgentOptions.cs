namespace Switchboard.Sip.UserAgents;

/// <summary>Identity of the user agent: User-Agent/Server header and the user part of our Contact.</summary>
public sealed record SipUserAgentOptions
{
    public string UserAgentName { get; init; } = "Switchboard";

    /// <summary>User part of our Contact URI.</summary>
    public string ContactUser { get; init; } = "switchboard";
}
