using System.Text;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Sdp;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Fuzzing.Targets;

/// <summary>
/// A datagram through everything the server reads from it: the SIP parser, the validator, the error reply built from
/// partial headers, every typed header the transaction and dialog layers read, serialisation, the digest credentials
/// of an Authorization header, and an SDP or SIP INFO DTMF body.
/// </summary>
internal sealed class SipMessageTarget : FuzzTarget
{
    public override string Name => "sip";

    public override int MaxLength => 8192;

    public override IReadOnlyList<byte[]> Dictionary => TextTokens.Sip;

    public override int Run(ReadOnlySpan<byte> input)
    {
        var result = SipMessageParser.Parse(input);
        if (result.Message is not { } message)
        {
            var reply = result.IsRequest && result.ErrorStatus != 0 ? SipResponseFactory.CreateForInvalid(result.PartialHeaders, result.ErrorStatus, result.ErrorReason ?? "") : null;
            reply?.ToArray();
            return HashCode.Combine(result.IsKeepAlive, result.ErrorStatus, result.ErrorReason, reply is null);
        }

        var outcome = 17;
        if (SipMessageValidator.Validate(message) is { } error)
        {
            SipResponseFactory.CreateForInvalid(message, error)?.ToArray();
            outcome = HashCode.Combine(outcome, error.ToString());
        }

        outcome = HashCode.Combine(outcome, message.CallId is null, message.CSeq?.Method, message.From?.Tag is null, message.To?.Uri.Scheme,
            message.Vias.Count, message.Contacts.Count, message.RecordRoutes.Count);
        outcome = HashCode.Combine(outcome, message.Routes.Count, message.Expires, message.TopVia?.Branch is null);
        foreach (var header in message.Headers)
        {
            outcome ^= header.Name.Length;
        }

        if (message is SipRequest request)
        {
            outcome = HashCode.Combine(outcome, request.Method, request.Uri.Host, request.Uri.Port, request.MaxForwards);
            if (request.Headers.Get("Authorization") is { } authorization)
            {
                outcome = HashCode.Combine(outcome, DigestCredentials.TryParse(authorization, out var credentials), credentials?.Qop);
            }

            if (SipInfoDtmf.TryParse(message.ContentType, Encoding.UTF8.GetString(message.Body.Span), out var digit))
            {
                outcome = HashCode.Combine(outcome, digit.Digit);
            }
        }
        else if (message.Headers.Get("WWW-Authenticate") is { } challenge)
        {
            outcome = HashCode.Combine(outcome, DigestChallenge.TryParse(challenge, out _));
        }

        if (message.ContentType?.StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase) == true)
        {
            outcome = HashCode.Combine(outcome, SdpSessionDescription.TryParse(Encoding.UTF8.GetString(message.Body.Span), out var sdp, out _), sdp?.Media.Count);
        }

        var bytes = message.ToArray();
        return HashCode.Combine(outcome, SipMessageParser.Parse(bytes).Success);
    }
}
