using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>Builds responses to requests as RFC 3261 §8.2.6.2 prescribes: Via, From, To, Call-ID and CSeq copied; a To tag added.</summary>
public static class SipResponseFactory
{
    /// <summary>Creates a response; adds <paramref name="toTag"/> to To when To has no tag yet and the status is not 100.</summary>
    public static SipResponse Create(SipRequest request, int statusCode, string? reasonPhrase = null, string? toTag = null) =>
        CreateFromHeaders(request.Headers, statusCode, reasonPhrase, toTag);

    /// <summary>Creates a response from the headers of a request that might have failed to parse fully (RFC 4475 §3.1.2).</summary>
    public static SipResponse CreateFromHeaders(SipHeaders requestHeaders, int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        var list = new List<SipHeader>(8);
        foreach (var h in requestHeaders)
        {
            if (h.Name is SipHeaderNames.Via or SipHeaderNames.From or SipHeaderNames.CallId or SipHeaderNames.CSeq)
            {
                list.Add(h);
            }
            else if (h.Name == SipHeaderNames.To)
            {
                var value = h.Value;
                if (toTag is not null && statusCode > 100 && SipNameAddress.TryParse(value, out var to) && to.Tag is null)
                {
                    value = to.WithTag(toTag).ToString();
                }

                list.Add(h with { Value = value });
            }
        }

        if (statusCode == 100 && requestHeaders.Get("Timestamp") is { } timestamp)
        {
            list.Add(new SipHeader("Timestamp", timestamp)); // RFC 3261 §8.2.6.1
        }

        return new SipResponse(statusCode, reasonPhrase ?? SipStatusCodes.ReasonPhrase(statusCode)) { Headers = new SipHeaders(list.ToArray()) };
    }

    /// <summary>
    /// A response to a request that could not be parsed or validated, when enough headers survived to address it
    /// (a Via header is present); otherwise null. The reason phrase carries the parse error.
    /// </summary>
    public static SipResponse? CreateForInvalid(SipHeaders? headers, int statusCode, string reason)
    {
        // The Via lines are copied verbatim; the transport answers to the packet's source (RFC 3581 style), so even a
        // malformed Via (RFC 4475 badinv01, badvers) does not prevent an answer.
        if (headers is null || !headers.Contains(SipHeaderNames.Via))
        {
            return null;
        }

        return CreateFromHeaders(headers, statusCode, $"{SipStatusCodes.ReasonPhrase(statusCode)} ({reason})");
    }

    /// <summary>Validation failure as a response, or null when it cannot be addressed.</summary>
    public static SipResponse? CreateForInvalid(SipMessage message, SipValidationError error) =>
        message is SipRequest ? CreateForInvalid(message.Headers, error.StatusCode, error.Reason) : null;
}
