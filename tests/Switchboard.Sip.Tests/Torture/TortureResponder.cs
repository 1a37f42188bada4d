using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Sip.Tests.Torture;

/// <summary>Runs a datagram through parser, validator and request screen, the same steps the endpoint takes.</summary>
internal static class TortureResponder
{
    /// <summary>The status the stack answers with, or null when nothing is sent (responses, unaddressable garbage).</summary>
    public static int? Respond(byte[] datagram)
    {
        var result = SipMessageParser.Parse(datagram);
        if (!result.Success)
        {
            return result.IsRequest ? SipResponseFactory.CreateForInvalid(result.PartialHeaders, result.ErrorStatus, result.ErrorReason!)?.StatusCode : null;
        }

        var message = result.Message!;
        if (SipMessageValidator.Validate(message) is { } error)
        {
            return SipResponseFactory.CreateForInvalid(message, error)?.StatusCode;
        }

        if (message is not SipRequest request)
        {
            return null;
        }

        return SipRequestScreen.Check(request, "tag1")?.StatusCode ?? 200;
    }
}
