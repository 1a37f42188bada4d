using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
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
    public static ListenUrl Parse(string setting, string? value) =>
        TryParse(setting, value, out var url, out var error) ? url : throw new ConfigurationErrorException(setting, error);

    /// <summary>The check of an options class's URL property: nothing when <paramref name="value"/> parses, else why not.</summary>
    public static IEnumerable<ValidationResult> Check(string? value, string member) =>
        TryParse(member, value, out _, out var error) ? [] : [new ValidationResult(error, [member])];

    /// <summary>Parses <paramref name="value"/> as <see cref="Parse"/> does; false with the reason otherwise.</summary>
    public static bool TryParse(string setting, string? value, [NotNullWhen(true)] out ListenUrl? listenUrl, [NotNullWhen(false)] out string? error)
    {
        listenUrl = null;
        error = Problem(value, out var url, out var address);
        if (error is not null)
        {
            return false;
        }

        listenUrl = new ListenUrl(setting, url!, new IPEndPoint(address!, url!.Port));
        return true;
    }

    private static string? Problem(string? value, out Uri? url, out IPAddress? address)
    {
        url = null;
        address = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return "is empty; give a URL such as http://127.0.0.1:8080";
        }

        var text = value.Trim().Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal);
        if (!Uri.TryCreate(text, UriKind.Absolute, out url))
        {
            return $"'{value}' is not a URL; give one such as http://127.0.0.1:8080";
        }

        if (url.Scheme != Uri.UriSchemeHttp)
        {
            return $"'{value}': only http:// is supported (put TLS in a proxy in front)";
        }

        if (url.IsDefaultPort && !text.TrimEnd('/').EndsWith(":80", StringComparison.Ordinal))
        {
            return $"'{value}' has no port; give one such as http://127.0.0.1:8080";
        }

        if (url.AbsolutePath != "/" || url.Query.Length > 0)
        {
            return $"'{value}': give only scheme, address and port";
        }

        if (url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(url.Host.Trim('[', ']'), out address))
        {
            return $"'{value}': the host must be an IP address, localhost or *";
        }

        return null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"http://{EndPoint}");
}
