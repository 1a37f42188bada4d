namespace Switchboard.Media.Sdp;

/// <summary>The <c>o=</c> line (RFC 4566 §5.2). The version must grow with every changed offer (RFC 3264 §8).</summary>
public sealed record SdpOrigin(string Username, string SessionId, string SessionVersion, string NetworkType, string AddressType, string Address)
{
    /// <summary>Creates our own origin line.</summary>
    public static SdpOrigin Create(string address, long sessionId, long sessionVersion)
    {
        var connection = SdpConnection.For(address);
        return new SdpOrigin("switchboard", sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            sessionVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), connection.NetworkType, connection.AddressType, address);
    }

    internal static SdpOrigin Parse(string value, int lineNumber)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            throw new SdpParseException($"Line {lineNumber}: o= needs 6 fields, got '{value}'.");
        }

        return new SdpOrigin(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Username} {SessionId} {SessionVersion} {NetworkType} {AddressType} {Address}";
}
