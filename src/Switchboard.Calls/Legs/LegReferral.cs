using Microsoft.Extensions.Logging;
using Switchboard.Calls.Events;
using Switchboard.Calls.Flow;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;

namespace Switchboard.Calls.Legs;

/// <summary>
/// Blind transfer on one leg (RFC 3515): the REFER the leg's phone sent (one at a time), answered and NOTIFYed as the
/// call flow decides, and the REFER we send to the leg's phone.
/// </summary>
internal sealed class LegReferral
{
    private readonly LegId _leg;
    private readonly string _callId;
    private readonly Action<CallEvent> _post;
    private readonly LegWork _work;
    private readonly ILogger _logger;
    private SipInDialogRequest? _pending;

    public LegReferral(LegId leg, string callId, Action<CallEvent> post, LegWork work, ILogger logger)
    {
        _leg = leg;
        _callId = callId;
        _post = post;
        _work = work;
        _logger = logger;
    }

    /// <summary>A REFER from the phone: reported to the flow as <see cref="ReferReceived"/>, or refused when one is pending.</summary>
    public void Received(SipInDialogRequest request)
    {
        if (request.ReferTo?.Uri is not { } target || Interlocked.CompareExchange(ref _pending, request, null) is not null)
        {
            // One transfer at a time (RFC 3515 §2.4.2: 491 would be for INVITE; a busy REFER is refused).
            _work.Track(request.RespondAsync(request.ReferTo is null ? SipStatusCodes.BadRequest : 403, cancellationToken: _work.Life));
            return;
        }

        CallLegLog.ReferReceived(_logger, _callId, _leg.ToString());
        _post(new ReferReceived(_leg, target.ToString()));
    }

    /// <summary>Answers the pending REFER; after 202 the phone gets the first NOTIFY (100 Trying, RFC 3515 §2.4.4).</summary>
    public void Answer(int statusCode, SipDialog? dialog)
    {
        var refer = Interlocked.Exchange(ref _pending, statusCode < 300 ? _pending : null);
        if (refer is not null)
        {
            _work.Track(AnswerAsync(refer, statusCode, dialog));
        }
    }

    /// <summary>Tells the phone that sent the REFER how it ended (final NOTIFY with the target's status line).</summary>
    public void Notify(int statusCode, SipDialog? dialog)
    {
        Interlocked.Exchange(ref _pending, null);
        if (dialog is not null)
        {
            var line = $"SIP/2.0 {statusCode} {SipStatusCodes.ReasonPhrase(statusCode)}";
            _work.Track(_work.SendAsync("NOTIFY", token => dialog.SendReferNotifyAsync(line, final: true, token)));
        }
    }

    /// <summary>Asks the phone on <paramref name="dialog"/> to call <paramref name="target"/> (a SIP URI, or a user part at the phone's host).</summary>
    public async Task SendAsync(SipDialog dialog, string target)
    {
        var uri = target.Contains(':', StringComparison.Ordinal) ? target : $"sip:{target}@{dialog.RemoteTarget.Host}";
        if (!SipUri.TryParse(uri, out var parsed))
        {
            CallLegLog.RequestFailed(_logger, _callId, _leg.ToString(), "REFER", "not a SIP URI");
            return;
        }

        await _work.SendAsync("REFER", token => dialog.SendReferAsync(parsed, token)).ConfigureAwait(false);
    }

    private async Task AnswerAsync(SipInDialogRequest refer, int statusCode, SipDialog? dialog)
    {
        await refer.RespondAsync(statusCode, cancellationToken: _work.Life).ConfigureAwait(false);
        if (statusCode < 300 && dialog is not null)
        {
            await _work.SendAsync("NOTIFY", token => dialog.SendReferNotifyAsync("SIP/2.0 100 Trying", final: false, token)).ConfigureAwait(false);
        }
    }
}
