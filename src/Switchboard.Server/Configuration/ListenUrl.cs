using System.Globalization;
using System.Net;

namespace Switchboard.Server.Configuration;

/// <summary>An <c>http://address:port</c> setting (<c>Api:Url</c>, <c>Web:Url</c>) turned into an endpoint to bind.</summary>
public sealed record ListenUrl(string Setting, Uri Url, IPEndPoint EndPoint)
{
    /// <summary>
    /// Parses <paramref name="value"/>: scheme http, host an IP address, <c>localhost</c> (loopback) or
    /// <c>*</c>/<c>+</c>/<c>0.0.0.0</c> (all interfaces), an explicit port. Anything else is a <see cref="ConfigurationErrorException"/>.
    /// </summary>
    public static ListenUrl Parse(string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigurationErrorException(setting, "is empty; give a URL such as http://127.0.0.1:8080");
        }

        var text = value.Trim().Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            throw new ConfigurationErrorException(setting, $"'{value}' is not a URL; give one such as http://127.0.0.1:8080");
        }

        if (url.Scheme != Uri.UriSchemeHttp)
        {
            throw new ConfigurationErrorException(setting, $"'{value}': only http:// is supported (put TLS in a proxy in front)");
        }

        if (url.IsDefaultPort && !text.TrimEnd('/').EndsWith(":80", StringComparison.Ordinal))
        {
            throw new ConfigurationErrorException(setting, $"'{value}' has no port; give one such as http://127.0.0.1:8080");
        }

        if (url.AbsolutePath != "/" || url.Query.Length > 0)
        {
            throw new ConfigurationErrorException(setting, $"'{value}': give only scheme, address and port");
        }

        IPAddress address;
        if (url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(url.Host.Trim('[', ']'), out address!))
        {
            throw new ConfigurationErrorException(setting, $"'{value}': the host must be an IP address, localhost or *");
        }

        return new ListenUrl(setting, url, new IPEndPoint(address, url.Port));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"http://{EndPoint}");
}
