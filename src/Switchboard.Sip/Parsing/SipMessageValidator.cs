using System.Globalization;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>
/// Checks a syntactically framed message's typed headers (RFC 3261 §8.1.1 mandatory headers, §20 grammar,
/// §8.2.2 Request-URI; RFC 4475 §3.1.2 invalid messages). Returns null when the message is acceptable.
/// </summary>
public static class SipMessageValidator
{
    private static readonly string[] Singletons =
    [
        SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq, SipHeaderNames.MaxForwards,
        SipHeaderNames.ContentType, SipHeaderNames.Expires,
    ];

    public static SipValidationError? Validate(SipMessage message)
    {
        var headers = message.Headers;
        foreach (var name in Singletons)
        {
            if (headers.CountOf(name) > 1)
            {
                return Bad($"Multiple {name} headers");
            }
        }

        if (headers.CountOf(SipHeaderNames.Via) == 0 || !SipVia.TryParseAll(headers.GetAll(SipHeaderNames.Via), out _))
        {
            return Bad("Missing or malformed Via");
        }

        if (!SipNameAddress.TryParse(headers.Get(SipHeaderNames.From), out _))
        {
            return Bad("Missing or malformed From");
        }

        if (!SipNameAddress.TryParse(headers.Get(SipHeaderNames.To), out _))
        {
            return Bad("Missing or malformed To");
        }

        if (string.IsNullOrWhiteSpace(headers.Get(SipHeaderNames.CallId)))
        {
            return Bad("Missing Call-ID");
        }

        if (!SipCSeq.TryParse(headers.Get(SipHeaderNames.CSeq), out var cseq))
        {
            return Bad("Missing or malformed CSeq");
        }

        if (headers.Get(SipHeaderNames.MaxForwards) is { } mf &&
            (mf.Length is 0 or > 9 || !int.TryParse(mf, NumberStyles.None, CultureInfo.InvariantCulture, out var hops) || hops > 255))
        {
            return Bad("Malformed Max-Forwards");
        }

        if (headers.Get(SipHeaderNames.Expires) is { } expires &&
            (expires.Length is 0 or > 10 || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var e) || e > uint.MaxValue))
        {
            return Bad("Malformed Expires");
        }

        if (headers.Get(SipHeaderNames.Date) is { } date && !date.EndsWith(" GMT", StringComparison.Ordinal))
        {
            return Bad("Date must be in GMT");
        }

        var contacts = headers.GetValues(SipHeaderNames.Contact);
        if (contacts.Count > 0 && !(contacts is ["*"]) && !SipNameAddress.TryParseList(contacts, out _))
        {
            return Bad("Malformed Contact");
        }

        if (!SipNameAddress.TryParseList(headers.GetValues(SipHeaderNames.RecordRoute), out _) ||
            !SipNameAddress.TryParseList(headers.GetValues(SipHeaderNames.Route), out _))
        {
            return Bad("Malformed Route or Record-Route");
        }

        if (message is SipRequest request)
        {
            if (!string.Equals(cseq.Value.Method, request.Method, StringComparison.Ordinal))
            {
                return Bad("CSeq method does not match the request method");
            }

            if (request.Uri.IsSip && request.Uri.Headers is not null)
            {
                return Bad("Request-URI must not contain headers");
            }
        }

        return null;
    }

    private static SipValidationError Bad(string reason) => new(SipStatusCodes.BadRequest, reason);
}
