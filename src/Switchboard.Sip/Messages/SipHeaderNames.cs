namespace Switchboard.Sip.Messages;

/// <summary>Header names of RFC 3261 §20 and related RFCs, with the compact forms of §7.3.3.</summary>
public static class SipHeaderNames
{
    public const string Accept = "Accept";
    public const string Allow = "Allow";
    public const string Authorization = "Authorization";
    public const string CallId = "Call-ID";
    public const string Contact = "Contact";
    public const string ContentDisposition = "Content-Disposition";
    public const string ContentEncoding = "Content-Encoding";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string CSeq = "CSeq";
    public const string Date = "Date";
    public const string Event = "Event";
    public const string Expires = "Expires";
    public const string From = "From";
    public const string MaxForwards = "Max-Forwards";
    public const string MinExpires = "Min-Expires";
    public const string MinSessionExpires = "Min-SE";
    public const string PAssertedIdentity = "P-Asserted-Identity";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string ProxyRequire = "Proxy-Require";
    public const string RecordRoute = "Record-Route";
    public const string ReferredBy = "Referred-By";
    public const string ReferTo = "Refer-To";
    public const string Require = "Require";
    public const string RetryAfter = "Retry-After";
    public const string Route = "Route";
    public const string Server = "Server";
    public const string SessionExpires = "Session-Expires";
    public const string Subject = "Subject";
    public const string SubscriptionState = "Subscription-State";
    public const string Supported = "Supported";
    public const string To = "To";
    public const string Unsupported = "Unsupported";
    public const string UserAgent = "User-Agent";
    public const string Via = "Via";
    public const string WwwAuthenticate = "WWW-Authenticate";

    private static readonly string[] Known =
    [
        Accept, Allow, Authorization, CallId, Contact, ContentDisposition, ContentEncoding, ContentLength, ContentType, CSeq,
        Date, Event, Expires, From, MaxForwards, MinExpires, MinSessionExpires, PAssertedIdentity, ProxyAuthenticate, ProxyAuthorization,
        ProxyRequire, RecordRoute, ReferredBy, ReferTo, Require, RetryAfter, Route, Server, SessionExpires, Subject, SubscriptionState, Supported, To,
        Unsupported, UserAgent, Via, WwwAuthenticate,
    ];

    /// <summary>Maps a received name to its canonical spelling: compact forms expanded, known names interned, others kept verbatim.</summary>
    internal static string Canonicalize(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1 && Compact((char)name[0]) is { } compact)
        {
            return compact;
        }

        foreach (var known in Known)
        {
            if (known.Length == name.Length && EqualsIgnoreCase(name, known))
            {
                return known;
            }
        }

        return System.Text.Encoding.UTF8.GetString(name);
    }

    /// <summary>Expands a compact form or returns the name unchanged (known names as the interned constant).</summary>
    public static string Canonicalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 1 && Compact(name[0]) is { } compact)
        {
            return compact;
        }

        foreach (var known in Known)
        {
            if (known.Length == name.Length && string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return name;
    }

    /// <summary>The long name of a compact form (RFC 3261 §7.3.3, RFC 3515, RFC 3892, RFC 4028, RFC 6665), or null.</summary>
    private static string? Compact(char c) => (char)(c | 0x20) switch
    {
        'i' => CallId,
        'm' => Contact,
        'e' => ContentEncoding,
        'l' => ContentLength,
        'c' => ContentType,
        'f' => From,
        's' => Subject,
        'k' => Supported,
        't' => To,
        'v' => Via,
        'r' => ReferTo,
        'o' => Event,
        'b' => ReferredBy,
        'x' => SessionExpires,
        _ => null,
    };

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> bytes, string text)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var c = text[i];
            if (b != c && (b | 0x20) != (c | 0x20))
            {
                return false;
            }
        }

        return true;
    }
}
