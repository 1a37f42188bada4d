using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>
/// Outcome of parsing one message: the message, a keep-alive (bare CRLFs, RFC 5626 §3.5.1), or an error with the status
/// a UAS should answer (400, 505, 513) and whatever headers could be read so that the error can be addressed.
/// </summary>
public sealed class SipParseResult
{
    private SipParseResult(SipMessage? message, bool keepAlive, int errorStatus, string? errorReason, SipHeaders? partialHeaders, bool isRequest)
    {
        Message = message;
        IsKeepAlive = keepAlive;
        ErrorStatus = errorStatus;
        ErrorReason = errorReason;
        PartialHeaders = partialHeaders;
        IsRequest = isRequest;
    }

    public SipMessage? Message { get; }

    public bool IsKeepAlive { get; }

    /// <summary>0 when parsing succeeded; otherwise the response code a request deserves.</summary>
    public int ErrorStatus { get; }

    public string? ErrorReason { get; }

    /// <summary>Headers read before the error, or null.</summary>
    public SipHeaders? PartialHeaders { get; }

    /// <summary>True when the start line looked like a request (so a response can be sent), false for responses.</summary>
    public bool IsRequest { get; }

    public bool Success => Message is not null;

    internal static SipParseResult Ok(SipMessage message) => new(message, false, 0, null, null, message is SipRequest);

    internal static readonly SipParseResult KeepAlive = new(null, true, 0, null, null, false);

    internal static SipParseResult Fail(int status, string reason, SipHeaders? headers, bool isRequest) => new(null, false, status, reason, headers, isRequest);
}
