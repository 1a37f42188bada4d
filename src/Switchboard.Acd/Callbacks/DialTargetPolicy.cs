namespace Switchboard.Acd.Callbacks;

/// <summary>
/// The one policy for every target the server dials on someone's say-so (callbacks, agent transfers, dialplan
/// <c>transfer:</c> actions): numbers under <see cref="Numbers"/>, SIP URIs only to <see cref="AllowedSipDomains"/> and with
/// a numeric user part under <see cref="Numbers"/> as well.
/// </summary>
public sealed record DialTargetPolicy
{
    /// <summary>Swedish mobile and geographic numbers only; no SIP URIs.</summary>
    public static DialTargetPolicy Default { get; } = new();

    /// <summary>Which numbers may be dialled (the callback number policy, <c>Callbacks:NumberPolicy</c>).</summary>
    public PhoneNumberPolicy Numbers { get; init; } = PhoneNumberPolicy.Default;

    /// <summary>Hosts a <c>sip:</c> target may name (<c>Transfer:AllowedSipDomains</c>); empty: no SIP URIs.</summary>
    public IReadOnlyList<string> AllowedSipDomains { get; init; } = [];
}
