using System.Globalization;

namespace Switchboard.Media.Sdp;

/// <summary>
/// One media description: the <c>m=</c> line and the lines under it (RFC 4566 §5.14). A port of 0 marks a
/// rejected or disabled stream (RFC 3264 §6).
/// </summary>
/// <param name="Media">Media type, e.g. <c>audio</c>.</param>
/// <param name="Port">Transport port; 0 = rejected.</param>
/// <param name="Protocol">Transport protocol, e.g. <c>RTP/AVP</c>.</param>
/// <param name="Formats">Payload type numbers (as text) in preference order.</param>
/// <param name="Connection">A media-level <c>c=</c> line, overriding the session one.</param>
/// <param name="Attributes">The <c>a=</c> lines in order.</param>
/// <param name="OtherLines">Other lines (<c>i=</c>, <c>b=</c>, <c>k=</c>) kept verbatim as "x=value".</param>
public sealed record SdpMediaDescription(
    string Media,
    int Port,
    string Protocol,
    IReadOnlyList<string> Formats,
    SdpConnection? Connection,
    IReadOnlyList<SdpAttribute> Attributes,
    IReadOnlyList<string> OtherLines)
{
    /// <summary>True for an RTP audio profile we can speak (RTP/AVP or RTP/AVPF, no SRTP).</summary>
    public bool IsPlainRtpAudio =>
        Media == "audio" && (Protocol.Equals("RTP/AVP", StringComparison.OrdinalIgnoreCase) || Protocol.Equals("RTP/AVPF", StringComparison.OrdinalIgnoreCase));

    /// <summary>The direction attribute of this media, or null when it has none (then the session one applies).</summary>
    public SdpDirection? Direction
    {
        get
        {
            foreach (var attribute in Attributes)
            {
                if (attribute.Value is null && SdpDirectionExtensions.FromAttributeName(attribute.Name) is { } direction)
                {
                    return direction;
                }
            }

            return null;
        }
    }

    /// <summary>The <c>a=ptime</c> value in milliseconds, or null.</summary>
    public int? Ptime =>
        GetAttribute("ptime") is { } value && int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ptime) ? ptime : null;

    /// <summary>The first value of attribute <paramref name="name"/>, or null.</summary>
    public string? GetAttribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute.Value ?? string.Empty;
            }
        }

        return null;
    }

    /// <summary>The rtpmap of <paramref name="payloadType"/>: the explicit line, else the RFC 3551 static mapping, else null.</summary>
    public SdpRtpMap? GetRtpMap(int payloadType)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name.Equals("rtpmap", StringComparison.OrdinalIgnoreCase) && attribute.Value is { } value &&
                SdpRtpMap.TryParse(value) is { } map && map.PayloadType == payloadType)
            {
                return map;
            }
        }

        return SdpRtpMap.Static(payloadType);
    }

    /// <summary>The fmtp parameters of <paramref name="payloadType"/> (text after the payload type), or null.</summary>
    public string? GetFormatParameters(int payloadType)
    {
        var prefix = payloadType.ToString(CultureInfo.InvariantCulture) + " ";
        foreach (var attribute in Attributes)
        {
            if (attribute.Name.Equals("fmtp", StringComparison.OrdinalIgnoreCase) && attribute.Value is { } value &&
                value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return value[prefix.Length..].Trim();
            }
        }

        return null;
    }

    /// <summary>The formats that are numeric payload types, in order (malformed ones are skipped).</summary>
    public IEnumerable<int> PayloadTypes()
    {
        foreach (var format in Formats)
        {
            if (int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && pt is >= 0 and <= 127)
            {
                yield return pt;
            }
        }
    }

    /// <summary>The <c>m=</c> line value.</summary>
    public string MediaLine => $"{Media} {Port.ToString(CultureInfo.InvariantCulture)} {Protocol} {string.Join(' ', Formats)}";
}
