using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgents;

/// <summary>Outcome of an outgoing INVITE: the final response, and the confirmed dialog when it was 2xx.</summary>
public sealed record SipCallResult(SipResponse FinalResponse, SipDialog? Dialog)
{
    public bool Answered => Dialog is not null;

    public int StatusCode => FinalResponse.StatusCode;

    /// <summary>The SDP answer (body of the 2xx), or empty.</summary>
    public ReadOnlyMemory<byte> AnswerBody => FinalResponse.Body;

    public string? AnswerContentType => FinalResponse.ContentType;
}
