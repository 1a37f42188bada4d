using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;
using Switchboard.Server.Web.Sessions;

namespace Switchboard.Server.Configuration;

/// <summary>The <c>Web</c> section: HTTP/1.1 pages, <c>/metrics</c> and <c>/healthz</c> (checked by <see cref="WebOptionsValidator"/>).</summary>
public sealed class WebOptions : IValidatableObject
{
    public const string Section = "Web";

    /// <summary><c>Web:Url</c>, e.g. <c>http://127.0.0.1:8080</c> (<see cref="ListenUrl"/>).</summary>
    public string Url { get; set; } = "http://127.0.0.1:8080";

    /// <summary>
    /// <c>Web:KnownProxies</c>: IP addresses of the reverse proxies whose forwarded headers are believed, item by item
    /// (<c>Web__KnownProxies__0</c>) or one comma-separated value (<c>Web__KnownProxies=10.0.0.5,10.0.0.6</c>).
    /// </summary>
    public SettingList KnownProxies { get; set; } = new();

    /// <summary><c>Web:Sessions:*</c>: wallboard and console sign-ins.</summary>
    [ValidateObjectMembers]
    public WebSessionOptions Sessions { get; set; } = new();

    /// <summary><see cref="KnownProxies"/> as addresses (valid once checked).</summary>
    public IReadOnlyList<IPAddress> KnownProxyAddresses => [.. KnownProxies.Items.Select(IPAddress.Parse)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in ListenUrl.Check(Url, nameof(Url)))
        {
            yield return result;
        }

        foreach (var proxy in KnownProxies.Items)
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                yield return new ValidationResult($"'{proxy}' is not an IP address", [nameof(KnownProxies)]);
            }
        }
    }
}
