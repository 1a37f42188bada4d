namespace Switchboard.Server.Calls;

/// <summary>
/// Where agents may transfer callers outside the contact centre (configuration section <c>Transfer</c>). The toll-fraud
/// guard: a number must pass the callback number validation (Swedish numbers, no premium rate) and is dialled through
/// the trunk (<c>Trunk:*</c>); a SIP URI is dialled only when its host is listed in <see cref="AllowedSipDomains"/>.
/// </summary>
public sealed record TransferOptions
{
    /// <summary>Hosts (domain or IP, no port) a <c>sip:</c> transfer target may name, e.g. <c>handlaggare.kommun.se</c>. Empty: no SIP URIs.</summary>
    public IReadOnlyList<string> AllowedSipDomains { get; init; } = [];

    /// <summary>Longest ring time an agent may ask for (the API caps requests at 120 s as well).</summary>
    public TimeSpan MaxRingTimeout { get; init; } = TimeSpan.FromSeconds(120);
}
