using System.Globalization;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>A SIP request (RFC 3261 §7.1): method, Request-URI, headers, body.</summary>
/// <remarks>
/// A parsed request validates its Request-URI while parsing but builds the <see cref="SipUri"/> only when
/// <see cref="Uri"/> is first read; until the URI is replaced it is serialized from the received bytes.
/// </remarks>
public sealed record SipRequest(string Method, SipUri Uri) : SipMessage
{
    private readonly byte[]? _uriSource;
    private readonly int _uriStart;
    private readonly int _uriLength;
    private SipUri? _uri = Uri;

    /// <summary>A parsed request whose Request-URI is <c>source[uriStart..(uriStart + uriLength)]</c>, already validated.</summary>
    internal SipRequest(string method, byte[] source, int uriStart, int uriLength)
        : this(method, (SipUri)null!)
    {
        _uriSource = source;
        _uriStart = uriStart;
        _uriLength = uriLength;
    }

    /// <summary>The Request-URI (RFC 3261 §8.1.1.1).</summary>
    public SipUri Uri
    {
        get => _uri ?? MaterializeUri();
        init
        {
            _uri = value;
            _uriSource = null;
        }
    }

    /// <summary>The Request-URI as received (or as written, for a request built here), e.g. to compare with a digest uri.</summary>
    public string UriText => _uriSource is not null ? Encoding.UTF8.GetString(_uriSource, _uriStart, _uriLength) : Uri.ToString();

    /// <summary>Max-Forwards value (RFC 3261 §20.22), or null when absent or invalid.</summary>
    public int? MaxForwards => int.TryParse(Headers.Get(SipHeaderNames.MaxForwards), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m <= 255 ? m : null;

    /// <summary>Requests are equal when method, Request-URI, headers and body are.</summary>
    public bool Equals(SipRequest? other) =>
        other is not null && (ReferenceEquals(this, other) || (base.Equals(other) && Method == other.Method && Uri == other.Uri));

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Method, Uri);

    private protected override int StartLineLength(out string? text)
    {
        if (_uriSource is not null)
        {
            text = null;
            return Encoding.UTF8.GetByteCount(Method) + 1 + _uriLength + 8;
        }

        text = Uri.ToString();
        return Encoding.UTF8.GetByteCount(Method) + 1 + Encoding.UTF8.GetByteCount(text) + 8;
    }

    private protected override int WriteStartLine(Span<byte> destination, string? text)
    {
        var n = Encoding.UTF8.GetBytes(Method, destination);
        destination[n++] = (byte)' ';
        if (text is null)
        {
            _uriSource.AsSpan(_uriStart, _uriLength).CopyTo(destination[n..]);
            n += _uriLength;
        }
        else
        {
            n += Encoding.UTF8.GetBytes(text, destination[n..]);
        }

        " SIP/2.0"u8.CopyTo(destination[n..]);
        return n + 8;
    }

    private SipUri MaterializeUri()
    {
        var text = Encoding.UTF8.GetString(_uriSource!, _uriStart, _uriLength);
        if (!SipUri.TryParse(text, out var uri))
        {
            throw new InvalidOperationException($"A Request-URI of {text.Length} characters was validated when parsed but no longer parses"); // never quoted: it may hold a number
        }

        _uri = uri;
        return uri;
    }
}
