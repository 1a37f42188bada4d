using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;
using Switchboard.Sip.Security;

namespace Switchboard.Server.Configuration;

/// <summary>
/// The <c>Sip</c> section: where the SIP transports (UDP and TCP, RFC 3261 §18) listen. Checked by
/// <see cref="SipOptionsValidator"/> with its nested sections <c>Sip:Tcp</c>, <c>Sip:Security</c> and <c>Sip:Registrar</c>,
/// which become the SIP stack's own option types (<see cref="SecurityOptions"/>, <see cref="RegistrarOptions"/>).
/// </summary>
public sealed class SipOptions : IValidatableObject
{
    public const string Section = "Sip";

    /// <summary><c>Sip:BindAddress</c>: the IP address the UDP and TCP transports bind.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary><c>Sip:Port</c>: the SIP port, UDP and TCP.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 5060;

    /// <summary><c>Sip:PublicAddress</c>: the address written into Contact and SDP; null means the bind address.</summary>
    public string? PublicAddress { get; set; }

    /// <summary>
    /// <c>Sip:Domain</c>: the host part of the address-of-record agents' phones register under,
    /// <c>sip:&lt;phone_user&gt;@&lt;domain&gt;</c>; an agent's leg dials only the binding of that address (the agent
    /// directory's phone account). Null means <see cref="AdvertisedAddress"/>. Set it when phones register through a
    /// name or a proxy, or in a cluster, where every node must look up the same address.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary><c>Sip:Tcp:*</c>: the TCP transport's limits.</summary>
    [ValidateObjectMembers]
    public SipTcpOptions Tcp { get; set; } = new();

    /// <summary>The domain phones register under: <see cref="Domain"/>, else <see cref="AdvertisedAddress"/>.</summary>
    public string PhoneDomain => string.IsNullOrWhiteSpace(Domain) ? AdvertisedAddress : Domain.Trim();

    /// <summary>
    /// <c>Sip:Accounts:&lt;n&gt;</c>: digest accounts from configuration (development and tests; agents' phones normally
    /// use the agent directory's accounts).
    /// </summary>
    [ValidateEnumeratedItems]
    public List<Telephony.SipAccountOptions> Accounts { get; set; } = [];

    /// <summary><c>Sip:Security:*</c>: rate limit, call sources and caps (<see cref="SecurityOptions"/> for the SIP stack).</summary>
    [ValidateObjectMembers]
    public SipSecuritySectionOptions Security { get; set; } = new();

    /// <summary><c>Sip:Registrar:*</c>: realm, algorithms offered and the brute-force limits (<see cref="RegistrarOptions"/>).</summary>
    [ValidateObjectMembers]
    public SipRegistrarSectionOptions Registrar { get; set; } = new();

    /// <summary>The SIP stack's security options from <see cref="Security"/> (valid once checked).</summary>
    public SipSecurityOptions SecurityOptions => Security.ToSecurityOptions();

    /// <summary>The registrar's options from <see cref="Registrar"/> (valid once checked).</summary>
    public Switchboard.Sip.Registrar.SipRegistrarOptions RegistrarOptions => Registrar.ToRegistrarOptions();

    /// <summary>The bind address and port as an endpoint (valid once checked).</summary>
    public IPEndPoint BindEndPoint => new(IPAddress.Parse(BindAddress.Trim()), Port);

    /// <summary>What to advertise: <see cref="PublicAddress"/>, else the bind address.</summary>
    public string AdvertisedAddress => string.IsNullOrWhiteSpace(PublicAddress) ? IPAddress.Parse(BindAddress.Trim()).ToString() : PublicAddress.Trim();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(BindAddress?.Trim(), out _))
        {
            yield return new ValidationResult("is not an IP address (use 0.0.0.0 for all interfaces)", [nameof(BindAddress)]);
        }

        foreach (var (name, value) in new[] { (nameof(PublicAddress), PublicAddress), (nameof(Domain), Domain) })
        {
            if (!string.IsNullOrWhiteSpace(value) && Uri.CheckHostName(value.Trim()) == UriHostNameType.Unknown)
            {
                yield return new ValidationResult("is not an IP address or host name", [name]);
            }
        }
    }
}
