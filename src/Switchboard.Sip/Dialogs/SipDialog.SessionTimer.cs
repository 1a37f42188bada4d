using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Dialogs;

/// <summary>
/// The session timer (RFC 4028) of a dialog we answered: the peer refreshes and we end a session it stopped refreshing
/// (a caller whose trunk lost the call cannot hold a line and a queue place for ever), or we refresh (UPDATE without a
/// body where the peer allows UPDATE, else a re-INVITE with our last SDP) and end it when a refresh is not answered.
/// </summary>
public sealed partial class SipDialog
{
    private static readonly TimeSpan RefreshTimeout = TimeSpan.FromSeconds(32);
    private ITimer? _sessionTimer;
    private SessionInterval? _session;
    private bool _refreshOnFire;
    private bool _peerAllowsUpdate;
    private string? _localSdpType;
    private ReadOnlyMemory<byte> _localSdp;

    /// <summary>The session timer in force, or null when the peer asked for none.</summary>
    public SessionInterval? Session
    {
        get
        {
            lock (_gate)
            {
                return _session;
            }
        }
    }

    /// <summary>Notes what the peer's INVITE or refresh says it allows (UPDATE refreshes are preferred, §7.4).</summary>
    internal void NotePeerAllow(SipRequest request)
    {
        if (request.Headers.Contains(SipHeaderNames.Allow))
        {
            _peerAllowsUpdate = request.Headers.GetValues(SipHeaderNames.Allow).Contains(SipMethods.Update, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Keeps our last SDP (initial answer or a later one) for a re-INVITE refresh.</summary>
    internal void NoteLocalSdp(string? contentType, ReadOnlyMemory<byte> body)
    {
        if (contentType is not null && !body.IsEmpty)
        {
            lock (_gate)
            {
                _localSdpType = contentType;
                _localSdp = body;
            }
        }
    }

    /// <summary>Starts, restarts (after a refresh) or stops (null) the session timer from the interval just answered.</summary>
    internal void ApplySessionInterval(SessionInterval? interval)
    {
        lock (_gate)
        {
            _session = interval;
            if (State == SipDialogState.Terminated)
            {
                return;
            }

            if (interval is null)
            {
                _sessionTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return;
            }

            _refreshOnFire = interval.WeRefresh;
            _sessionTimer ??= _ua.Layer.TimeProvider.CreateTimer(static s => ((SipDialog)s!).OnSessionTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _sessionTimer.Change(interval.WeRefresh ? interval.RefreshAfter : interval.ExpiresAfter, Timeout.InfiniteTimeSpan);
        }
    }

    private void StopSessionTimer()
    {
        lock (_gate)
        {
            _sessionTimer?.Dispose();
            _sessionTimer = null;
        }
    }

    private void OnSessionTimer()
    {
        SessionInterval? session;
        bool refresh;
        lock (_gate)
        {
            session = _session;
            refresh = _refreshOnFire;
            if (session is null || State == SipDialogState.Terminated)
            {
                return;
            }

            if (refresh)
            {
                // If this refresh is not answered in time, the next firing ends the session (§10).
                _refreshOnFire = false;
                _sessionTimer?.Change(session.ExpiresAfter - session.RefreshAfter, Timeout.InfiniteTimeSpan);
            }
        }

        if (refresh)
        {
            _ = RefreshAsync(session);
            return;
        }

        // §10: no refresh arrived (or ours was not answered) before the session expired: BYE and end it.
        EndWithBye("Session expired");
    }

    private async Task RefreshAsync(SessionInterval session)
    {
        // In our refresh request we are the UAC of the transaction: refresher=uac names us (§7.4).
        SipHeader[] extra =
        [
            new(SipHeaderNames.SessionExpires, $"{session.Seconds};refresher=uac"),
            new(SipHeaderNames.Supported, SessionInterval.OptionTag),
        ];
        string? type;
        ReadOnlyMemory<byte> sdp;
        lock (_gate)
        {
            type = _localSdpType;
            sdp = _localSdp;
        }

        try
        {
            using var timeout = new CancellationTokenSource(RefreshTimeout, _ua.Layer.TimeProvider);
            var response = _peerAllowsUpdate || type is null
                ? await SendAsync(SipMethods.Update, null, default, extra, timeout.Token).ConfigureAwait(false)
                : await SendReinviteAsync(type, sdp, extra, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                return; // the timer already counts down to the session's end
            }

            ApplySessionInterval(SessionInterval.FromRefreshResponse(response));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            // Not answered: the timer ends the session.
        }
    }

    /// <summary>Our 2xx to the peer's INVITE or refresh: the Session-Expires (and Require: timer) it carries, if any.</summary>
    internal static SipHeaders AddSessionHeaders(SipHeaders headers, SessionInterval? session)
    {
        if (session is null)
        {
            return headers;
        }

        headers = headers.Add(SipHeaderNames.SessionExpires, session.HeaderValue);
        return session.PeerSupportsTimer ? headers.Add(SipHeaderNames.Require, SessionInterval.OptionTag) : headers;
    }
}
