using System.Globalization;

namespace Switchboard.Media.Sdp;

/// <summary>Parsing (RFC 4566 §5): tolerant of LF-only line ends and unknown lines, strict about the mandatory ones.</summary>
public sealed partial record SdpSessionDescription
{
    /// <summary>Parses SDP text; throws <see cref="SdpParseException"/> with the offending line when it is invalid.</summary>
    public static SdpSessionDescription Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int? version = null;
        SdpOrigin? origin = null;
        string? sessionName = null;
        SdpConnection? connection = null;
        string? timing = null;
        var attributes = new List<SdpAttribute>();
        var other = new List<string>();
        var media = new List<SdpMediaDescription>();
        MediaBuilder? current = null;

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var lineNumber = i + 1;
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
            {
                throw new SdpParseException($"Line {lineNumber}: expected '<letter>=<value>', got '{line}'.");
            }

            var type = line[0];
            var value = line[2..];
            if (current is not null)
            {
                switch (type)
                {
                    case 'm':
                        media.Add(current.Build());
                        current = MediaBuilder.Parse(value, lineNumber);
                        break;
                    case 'c':
                        current.Connection = SdpConnection.Parse(value, lineNumber);
                        break;
                    case 'a':
                        current.Attributes.Add(SdpAttribute.Parse(value));
                        break;
                    default:
                        current.Other.Add(line);
                        break;
                }

                continue;
            }

            switch (type)
            {
                case 'v':
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v != 0)
                    {
                        throw new SdpParseException($"Line {lineNumber}: unsupported SDP version '{value}'.");
                    }

                    version = v;
                    break;
                case 'o':
                    origin = SdpOrigin.Parse(value, lineNumber);
                    break;
                case 's':
                    sessionName = value;
                    break;
                case 'c':
                    connection = SdpConnection.Parse(value, lineNumber);
                    break;
                case 't':
                    timing ??= value;
                    break;
                case 'a':
                    attributes.Add(SdpAttribute.Parse(value));
                    break;
                case 'm':
                    current = MediaBuilder.Parse(value, lineNumber);
                    break;
                default:
                    other.Add(line);
                    break;
            }
        }

        if (current is not null)
        {
            media.Add(current.Build());
        }

        if (version is null)
        {
            throw new SdpParseException("Missing v= line.");
        }

        if (origin is null)
        {
            throw new SdpParseException("Missing o= line.");
        }

        return new SdpSessionDescription(version.Value, origin, sessionName ?? "-", connection, timing ?? "0 0", attributes, media, other);
    }

    /// <summary>Parses UTF-8 SDP bytes (a SIP body).</summary>
    public static SdpSessionDescription Parse(ReadOnlySpan<byte> utf8) => Parse(System.Text.Encoding.UTF8.GetString(utf8));

    /// <summary>Parses SDP text; false with a reason instead of an exception.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SdpSessionDescription? description, out string? error)
    {
        description = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Empty session description.";
            return false;
        }

        try
        {
            description = Parse(text);
            return true;
        }
        catch (SdpParseException exception)
        {
            error = exception.Message;
            return false;
        }
    }

    private sealed class MediaBuilder(string media, int port, string protocol, List<string> formats)
    {
        public SdpConnection? Connection { get; set; }

        public List<SdpAttribute> Attributes { get; } = [];

        public List<string> Other { get; } = [];

        public static MediaBuilder Parse(string value, int lineNumber)
        {
            var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3)
            {
                throw new SdpParseException($"Line {lineNumber}: m= needs 'media port proto fmt...', got '{value}'.");
            }

            var portText = parts[1];
            var slash = portText.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                portText = portText[..slash];
            }

            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            {
                throw new SdpParseException($"Line {lineNumber}: invalid port '{parts[1]}'.");
            }

            return new MediaBuilder(parts[0], port, parts[2], [.. parts[3..]]);
        }

        public SdpMediaDescription Build() => new(media, port, protocol, formats, Connection, Attributes, Other);
    }
}
