using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Calls.Events;
using Switchboard.Calls.Flow;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;

namespace Switchboard.Calls.Legs;

/// <summary>
/// Answers what a leg's peer sends inside the dialog: re-INVITE and UPDATE (hold <c>sendonly</c>/<c>inactive</c>, resume,
/// RFC 4028 session refresh: RFC 3264 §8, RFC 3311), INFO (DTMF through the media layer's de-duplication, RFC 6086) and
/// REFER (handed to the leg's <see cref="LegReferral"/>). OPTIONS and BYE are answered by the dialog itself.
/// </summary>
internal sealed class LegDialogRequests
{
    private readonly LegId _leg;
    private readonly string _callId;
    private readonly MediaSession _media;
    private readonly Action<CallEvent> _post;
    private readonly LegReferral _referral;
    private readonly ILogger _logger;

    public LegDialogRequests(LegId leg, string callId, MediaSession media, Action<CallEvent> post, LegReferral referral, ILogger logger)
    {
        _leg = leg;
        _callId = callId;
        _media = media;
        _post = post;
        _referral = referral;
        _logger = logger;
    }

    /// <summary>Reads and answers the dialog's requests until it ends or <paramref name="cancellationToken"/> fires.</summary>
    public async Task ReadAsync(SipDialog dialog, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var request in dialog.Requests.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                switch (request.Method)
                {
                    case SipMethods.Invite or SipMethods.Update:
                        await AnswerOfferAsync(request, cancellationToken).ConfigureAwait(false);
                        break;
                    case SipMethods.Info:
                        // Already answered 200 by the dialog; the media layer turns it into one press per key.
                        _media.HandleSipInfo(request.ContentType, Encoding.UTF8.GetString(request.Body.Span));
                        break;
                    case SipMethods.Refer:
                        _referral.Received(request);
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A re-INVITE or UPDATE: a new offer is answered (hold, resume, refresh); none (a pure refresh) keeps the media as it is.</summary>
    private async Task AnswerOfferAsync(SipInDialogRequest request, CancellationToken cancellationToken)
    {
        if (request.Body.IsEmpty)
        {
            // RFC 4028 refresh without an offer. An INVITE without one asks for ours (RFC 3261 §14.2); an UPDATE needs none.
            var body = request.Method == SipMethods.Invite ? Encoding.UTF8.GetBytes(_media.CreateOffer()) : ReadOnlyMemory<byte>.Empty;
            await request.RespondAsync(SipStatusCodes.Ok, body.IsEmpty ? null : CallLeg.SdpContentType, body, cancellationToken).ConfigureAwait(false);
            return;
        }

        var before = _media.Media?.Direction;
        var result = _media.AcceptOffer(Encoding.UTF8.GetString(request.Body.Span));
        if (result is not { IsAccepted: true, Answer: { } answer, Media: { } media })
        {
            CallLegLog.OfferRefused(_logger, _callId, _leg.ToString(), request.Method, CallLegLog.LoggableSdpFailure(result.FailureReason));
            await request.RespondAsync(SipStatusCodes.NotAcceptableHere, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await request.RespondAsync(SipStatusCodes.Ok, CallLeg.SdpContentType, Encoding.UTF8.GetBytes(answer.ToString()), cancellationToken).ConfigureAwait(false);
        var wasSending = before?.Sends() ?? true;
        var sends = media.Direction.Sends();
        if (wasSending && !sends)
        {
            CallLegLog.MediaChanged(_logger, _callId, _leg.ToString(), request.Method, "hold");
            _post(new LegHeld(_leg));
        }
        else if (!wasSending && sends)
        {
            CallLegLog.MediaChanged(_logger, _callId, _leg.ToString(), request.Method, "resume");
            _post(new LegResumed(_leg));
        }
    }
}
