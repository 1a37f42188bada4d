namespace Switchboard.Media.Sdp;

/// <summary>A <c>c=</c> line (RFC 4566 §5.7): <c>IN IP4 192.0.2.1</c>.</summary>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    /// <summary>Creates an <c>IN IP4</c>/<c>IN IP6</c> connection for <paramref name="address"/>.</summary>
    public static SdpConnection For(string address) =>
        new("IN", address.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4", address);

    /// <summary>True for the RFC 2543 style hold address <c>0.0.0.0</c> (RFC 3264 §8.4).</summary>
    public bool IsNullAddress => Address is "0.0.0.0" or "::";

    internal static SdpConnection Parse(string value, int lineNumber)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3)
        {
            throw new SdpParseException($"Line {lineNumber}: c= needs 'nettype addrtype address', got '{value}'.");
        }

        // Multicast TTL/count suffixes (addr/ttl) are not used by us; keep the address part only.
        var slash = parts[2].IndexOf('/', StringComparison.Ordinal);
        return new SdpConnection(parts[0], parts[1], slash < 0 ? parts[2] : parts[2][..slash]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{NetworkType} {AddressType} {Address}";
}
