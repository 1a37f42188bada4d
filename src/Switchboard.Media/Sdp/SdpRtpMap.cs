using System.Globalization;

namespace Switchboard.Media.Sdp;

/// <summary>An <c>a=rtpmap:&lt;pt&gt; &lt;name&gt;/&lt;rate&gt;[/&lt;channels&gt;]</c> value (RFC 4566 §6), or a static type of RFC 3551 §6.</summary>
public sealed record SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int Channels = 1)
{
    /// <summary>Parses the value of an rtpmap attribute; null when it is malformed.</summary>
    public static SdpRtpMap? TryParse(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !int.TryParse(value.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var pt))
        {
            return null;
        }

        var parts = value[(space + 1)..].Trim().Split('/');
        if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rate))
        {
            return null;
        }

        var channels = 1;
        if (parts.Length > 2 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out channels))
        {
            return null;
        }

        return new SdpRtpMap(pt, parts[0], rate, channels);
    }

    /// <summary>The RFC 3551 §6 static mapping for a payload type without an rtpmap line (0 PCMU, 8 PCMA), or null.</summary>
    public static SdpRtpMap? Static(int payloadType) => payloadType switch
    {
        0 => new SdpRtpMap(0, "PCMU", 8000),
        3 => new SdpRtpMap(3, "GSM", 8000),
        8 => new SdpRtpMap(8, "PCMA", 8000),
        9 => new SdpRtpMap(9, "G722", 8000),
        18 => new SdpRtpMap(18, "G729", 8000),
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => Channels == 1
        ? $"{PayloadType} {EncodingName}/{ClockRate}"
        : $"{PayloadType} {EncodingName}/{ClockRate}/{Channels}";
}
