using System.Globalization;
using System.Net;
using Switchboard.Media.Sessions;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Telephony;

/// <summary>
/// Reads the media layer's <see cref="MediaOptions"/> from the <c>Media</c> configuration section:
/// <c>Address</c> (default: the SIP bind address), <c>AdvertisedAddress</c> (default: <c>Sip:PublicAddress</c>, else the media address, 127.0.0.1 for a wildcard bind),
/// <c>PortRangeStart</c>/<c>PortRangeEnd</c> (RTP ports, default 10000-20000), <c>RtpInactivityTimeout</c>
/// (a TimeSpan such as <c>00:00:30</c>, or seconds; 0 disables), and strict RTP: <c>StrictRtp</c> (default true),
/// <c>RtpLearningWindow</c> (default 2 s) and <c>OutboundPortReservePercent</c> (default 20); <c>ReceiveThreads</c> (default -1:
/// one media receive thread per two cores on Linux; 0: the portable receive loops). Bad values fail start-up
/// with a clear error.
/// </summary>
public static class MediaConfiguration
{
    public static MediaOptions Read(IConfigurationSection section, SipOptions sip)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(sip);
        var defaults = new MediaOptions();
        var address = NonEmpty(section["Address"]) ?? sip.BindAddress;
        if (!IPAddress.TryParse(address, out var ip))
        {
            throw new ConfigurationErrorException("Media:Address", $"'{address}' is not an IP address");
        }

        var advertised = NonEmpty(section["AdvertisedAddress"])
            ?? NonEmpty(sip.PublicAddress)
            ?? (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : address);
        var start = Port(section, "PortRangeStart", defaults.PortRangeStart);
        var end = Port(section, "PortRangeEnd", defaults.PortRangeEnd);
        if (end - start < 3)
        {
            throw new ConfigurationErrorException("Media:PortRangeEnd", $"the RTP port range {start}-{end} needs room for at least two RTP/RTCP pairs");
        }

        return defaults with
        {
            Address = address,
            AdvertisedAddress = advertised,
            PortRangeStart = start,
            PortRangeEnd = end,
            RtpInactivityTimeout = Duration(section, "RtpInactivityTimeout", defaults.RtpInactivityTimeout),
            StrictRtp = Flag(section, "StrictRtp", defaults.StrictRtp),
            RtpLearningWindow = Duration(section, "RtpLearningWindow", defaults.RtpLearningWindow),
            OutboundPortReservePercent = Percent(section, "OutboundPortReservePercent", defaults.OutboundPortReservePercent),
            ReceiveThreads = ReceiveThreads(section, defaults.ReceiveThreads),
        };
    }

    private static int Port(IConfigurationSection section, string key, int fallback)
    {
        var text = NonEmpty(section[key]);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65535
            ? port
            : throw new ConfigurationErrorException($"Media:{key}", $"'{text}' is not a UDP port (1-65534)");
    }

    private static int ReceiveThreads(IConfigurationSection section, int fallback)
    {
        var text = NonEmpty(section["ReceiveThreads"]);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var threads) && threads is >= -1 and <= 64
            ? threads
            : throw new ConfigurationErrorException("Media:ReceiveThreads", $"'{text}' is not -1 (one per two cores), 0 (portable receive loops) or 1-64");
    }

    private static bool Flag(IConfigurationSection section, string key, bool fallback)
    {
        var text = NonEmpty(section[key]);
        if (text is null)
        {
            return fallback;
        }

        return bool.TryParse(text, out var value) ? value : throw new ConfigurationErrorException($"Media:{key}", $"'{text}' is not true or false");
    }

    private static int Percent(IConfigurationSection section, string key, int fallback)
    {
        var text = NonEmpty(section[key]);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and <= 90
            ? percent
            : throw new ConfigurationErrorException($"Media:{key}", $"'{text}' is not a percentage of the port range from 0 to 90");
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback)
    {
        var text = NonEmpty(section[key]);
        if (text is null)
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
            ? span
            : throw new ConfigurationErrorException($"Media:{key}", $"'{text}' is not a duration (e.g. 00:00:30 or 30)");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
