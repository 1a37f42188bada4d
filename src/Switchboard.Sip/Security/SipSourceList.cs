using System.Net;

namespace Switchboard.Sip.Security;

/// <summary>Source address lists (CIDR ranges) used by the SIP security settings.</summary>
public static class SipSourceList
{
    /// <summary>127.0.0.0/8 and ::1/128.</summary>
    public static readonly IReadOnlyList<IPNetwork> Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    /// <summary>Every address (0.0.0.0/0 and ::/0).</summary>
    public static readonly IReadOnlyList<IPNetwork> Any = [IPNetwork.Parse("0.0.0.0/0"), IPNetwork.Parse("::/0")];

    /// <summary>True when <paramref name="address"/> (IPv4-mapped IPv6 compared as IPv4) is in one of the ranges.</summary>
    public static bool Contains(IReadOnlyList<IPNetwork> ranges, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        for (var i = 0; i < ranges.Count; i++)
        {
            if (ranges[i].Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses "10.0.0.0/8" or a bare address ("192.0.2.7" = /32, "2001:db8::1" = /128).</summary>
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(text, out network);
        }

        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}
