using System.Text;

namespace Switchboard.Media.Sdp;

/// <summary>
/// An immutable session description (RFC 4566 §5). Parse with <see cref="Parse(string)"/> / <see cref="TryParse"/>;
/// <see cref="ToString"/> serialises it with CRLF line ends in the order §5 requires.
/// </summary>
/// <param name="Version">The <c>v=</c> value, always 0.</param>
/// <param name="Origin">The <c>o=</c> line.</param>
/// <param name="SessionName">The <c>s=</c> value (a single space or dash is customary when there is none).</param>
/// <param name="Connection">The session-level <c>c=</c> line, if any.</param>
/// <param name="Timing">The <c>t=</c> value, usually <c>0 0</c>.</param>
/// <param name="Attributes">The session-level <c>a=</c> lines.</param>
/// <param name="Media">The media descriptions in order; answers keep the offer's order and count (RFC 3264 §6).</param>
/// <param name="OtherLines">Other session-level lines (<c>i=</c>, <c>u=</c>, <c>e=</c>, <c>p=</c>, <c>b=</c>, <c>r=</c>, <c>z=</c>, <c>k=</c>) as "x=value".</param>
public sealed partial record SdpSessionDescription(
    int Version,
    SdpOrigin Origin,
    string SessionName,
    SdpConnection? Connection,
    string Timing,
    IReadOnlyList<SdpAttribute> Attributes,
    IReadOnlyList<SdpMediaDescription> Media,
    IReadOnlyList<string> OtherLines)
{
    /// <summary>The session-level direction attribute, or null.</summary>
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

    /// <summary>The effective direction of <paramref name="media"/>: its own attribute, else the session's, else sendrecv (RFC 3264 §5.1).</summary>
    public SdpDirection DirectionOf(SdpMediaDescription media) => media.Direction ?? Direction ?? SdpDirection.SendRecv;

    /// <summary>The effective connection of <paramref name="media"/>: its own <c>c=</c>, else the session's (RFC 4566 §5.7).</summary>
    public SdpConnection? ConnectionOf(SdpMediaDescription media) => media.Connection ?? Connection;

    /// <summary>Serialises to SDP text with CRLF line ends.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(256);
        Line(text, 'v', Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(text, 'o', Origin.ToString());
        Line(text, 's', SessionName.Length == 0 ? "-" : SessionName);
        foreach (var other in OtherLines)
        {
            if (other[0] is 'i' or 'u' or 'e' or 'p')
            {
                text.Append(other).Append("\r\n");
            }
        }

        if (Connection is not null)
        {
            Line(text, 'c', Connection.ToString());
        }

        foreach (var other in OtherLines)
        {
            if (other[0] == 'b')
            {
                text.Append(other).Append("\r\n");
            }
        }

        Line(text, 't', Timing);
        foreach (var other in OtherLines)
        {
            if (other[0] is 'r' or 'z' or 'k')
            {
                text.Append(other).Append("\r\n");
            }
        }

        foreach (var attribute in Attributes)
        {
            Line(text, 'a', attribute.ToString());
        }

        foreach (var media in Media)
        {
            Line(text, 'm', media.MediaLine);
            foreach (var other in media.OtherLines)
            {
                if (other[0] == 'i')
                {
                    text.Append(other).Append("\r\n");
                }
            }

            if (media.Connection is not null)
            {
                Line(text, 'c', media.Connection.ToString());
            }

            foreach (var other in media.OtherLines)
            {
                if (other[0] != 'i')
                {
                    text.Append(other).Append("\r\n");
                }
            }

            foreach (var attribute in media.Attributes)
            {
                Line(text, 'a', attribute.ToString());
            }
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, char type, string value) => text.Append(type).Append('=').Append(value).Append("\r\n");
}
