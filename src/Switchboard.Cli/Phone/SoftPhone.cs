using System.Globalization;
using System.Text;
using Switchboard.Media.Sessions;
using Switchboard.Sip;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Cli.Phone;

/// <summary>
/// A phone built from Switchboard's own stacks: the SIP endpoint (<see cref="SipEndpoint"/>: transport, transactions,
/// user agent) and the media engine (<see cref="MediaEngine"/>: SDP offer/answer, RTP paced by the media clock, RFC 4733
/// key presses), as the server uses them. It registers, answers or places calls, sends a tone or a WAV file, and
/// records what it hears (<see cref="WavRecorder"/>). One call at a time.
/// </summary>
internal sealed class SoftPhone : IAsyncDisposable
{
    private const string Sdp = "application/sdp";

    private readonly SipEndpoint _sip;
    private readonly MediaEngine _media;
    private readonly PhoneOptions _options;
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private int _calls;
    private Task<PhoneCallResult>? _current;

    private SoftPhone(SipEndpoint sip, MediaEngine media, PhoneOptions options, TextWriter output, TimeProvider time)
    {
        _sip = sip;
        _media = media;
        _options = options;
        _output = output;
        _time = time;
    }

    /// <summary>The SIP port the phone listens on.</summary>
    public int SipPort => _sip.Port;

    /// <summary>Binds the phone's SIP sockets (and opens the media engine); throws <see cref="System.Net.Sockets.SocketException"/> when the port is taken.</summary>
    public static SoftPhone Start(PhoneOptions options, TextWriter output, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        var sip = SipEndpoint.Start(new SipEndpointOptions
        {
            Transport = new SipTransportOptions { BindAddress = options.Address, Port = options.SipPort },
            UserAgent = new SipUserAgentOptions { ContactUser = options.User, UserAgentName = "sbctl phone" },
        }, time);
        var media = new MediaEngine(new MediaOptions
        {
            Address = options.Address.ToString(),
            PortRangeStart = options.RtpPortStart,
            PortRangeEnd = options.RtpPortEnd,
            RtpInactivityTimeout = TimeSpan.Zero,
        }, time);
        return new SoftPhone(sip, media, options, output, time);
    }

    /// <summary>Registers <paramref name="aor"/> with <paramref name="registrar"/> (digest auth with the account's password).</summary>
    public Task<SipRegistration> RegisterAsync(SipUri aor, SipEndPoint registrar, string user, string password, CancellationToken cancellationToken) =>
        SipRegistration.RegisterAsync(_sip, aor, registrar, user, password, TimeSpan.FromSeconds(120), _time, cancellationToken);

    /// <summary>
    /// Answers incoming calls one after another until <paramref name="calls"/> calls were connected and ended (null: until
    /// cancelled). A call arriving while one is in progress rings until that one ends.
    /// </summary>
    public async Task AnswerCallsAsync(int? calls, CancellationToken cancellationToken)
    {
        var done = 0;
        await foreach (var call in _sip.UserAgent.IncomingCalls.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var current = AnswerAsync(call, cancellationToken);
            Volatile.Write(ref _current, current);
            var result = await current.ConfigureAwait(false);
            if (result.Connected && calls is { } limit && ++done >= limit)
            {
                return;
            }
        }
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) for the call in progress to end and its recording to be written.</summary>
    public async Task WaitIdleAsync(TimeSpan timeout)
    {
        if (Volatile.Read(ref _current) is { IsCompleted: false } current)
        {
            try
            {
                await current.WaitAsync(timeout, _time).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // The caller of this gives up waiting; disposing the phone ends the call.
            }
        }
    }

    /// <summary>Dials <paramref name="target"/>, presses <paramref name="digits"/> (RFC 4733) after <paramref name="digitsAfter"/>, runs the call.</summary>
    public async Task<PhoneCallResult> CallAsync(SipUri target, string digits, TimeSpan digitsAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var session = _media.CreateSession(MediaLegDirection.Outbound); // a dialled leg: may use the outbound port reserve
        await using var _ = session.ConfigureAwait(false);
        var host = _options.Address.ToString();
        _output.WriteLine($"phone: calling {target} from sip:{_options.User}@{host}:{_sip.Port}");
        var result = await _sip.UserAgent.InviteAsync(target, Sdp, Encoding.UTF8.GetBytes(session.CreateOffer()), new SipInviteOptions
        {
            From = new SipNameAddress(SipUri.Create(_options.User, host)),
            OnProvisional = r => _output.WriteLine($"phone: {r.StatusCode} {r.ReasonPhrase}"),
        }, cancellationToken).ConfigureAwait(false);
        if (result.Dialog is not { } dialog)
        {
            _output.WriteLine($"phone: call failed: {result.StatusCode} {result.FinalResponse.ReasonPhrase}");
            return new PhoneCallResult(false, result.StatusCode, $"{result.StatusCode} {result.FinalResponse.ReasonPhrase}", TimeSpan.Zero, null);
        }

        session.SetSignallingSource(dialog.Peer.Address.Address); // strict RTP: the answerer behind NAT sends from there
        var negotiated = session.AcceptAnswer(Encoding.UTF8.GetString(result.AnswerBody.Span));
        if (!negotiated.IsAccepted)
        {
            _output.WriteLine($"phone: unusable answer ({negotiated.FailureReason}): hanging up");
            await dialog.ByeAsync(cancellationToken).ConfigureAwait(false);
            return new PhoneCallResult(false, result.StatusCode, "no common codec", TimeSpan.Zero, null);
        }

        _output.WriteLine($"phone: answered ({session.Media!.Codec}), sending {_options.Audio.Description}");
        return await RunAsync(dialog, session, digits, digitsAfter, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _sip.DisposeAsync().ConfigureAwait(false);
        await _media.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<PhoneCallResult> AnswerAsync(IncomingCall call, CancellationToken cancellationToken)
    {
        _output.WriteLine($"phone: incoming call from {call.From.Uri}");
        var session = _media.CreateSession(MediaLegDirection.Inbound);
        await using var _ = session.ConfigureAwait(false);
        session.SetSignallingSource(call.Remote.Address.Address); // strict RTP: a caller behind NAT sends from there
        var negotiated = session.AcceptOffer(Encoding.UTF8.GetString(call.OfferBody.Span));
        if (!negotiated.IsAccepted)
        {
            _output.WriteLine($"phone: rejected: {negotiated.FailureReason}");
            await call.RejectAsync(SipStatusCodes.NotAcceptableHere, null, cancellationToken).ConfigureAwait(false);
            return new PhoneCallResult(false, SipStatusCodes.NotAcceptableHere, "no common codec", TimeSpan.Zero, null);
        }

        await call.RingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        SipDialog dialog;
        try
        {
            dialog = await call.AnswerAsync(Sdp, Encoding.UTF8.GetBytes(negotiated.Answer!.ToString()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _output.WriteLine($"phone: not connected: {ex.Message}");
            return new PhoneCallResult(false, SipStatusCodes.RequestTerminated, "cancelled", TimeSpan.Zero, null);
        }

        _output.WriteLine($"phone: answered ({session.Media!.Codec}), sending {_options.Audio.Description}");
        return await RunAsync(dialog, session, string.Empty, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PhoneCallResult> RunAsync(SipDialog dialog, MediaSession session, string digits, TimeSpan digitsAfter, CancellationToken cancellationToken)
    {
        var recorder = _options.RecordPath is null ? null : new WavRecorder();
        session.Sink = recorder;
        session.Play(_options.Audio.CreateSource());
        using var local = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.HangUpAfter is { } after)
        {
            local.CancelAfter(after);
        }

        var requests = AnswerInDialogRequestsAsync(dialog, session, local.Token);
        if (digits.Length > 0)
        {
            _ = PressAsync(session, digits, digitsAfter, local.Token);
        }

        string endedBy;
        try
        {
            var reason = await dialog.Terminated.WaitAsync(local.Token).ConfigureAwait(false);
            endedBy = reason.ByRemote ? "remote" : reason.Reason;
        }
        catch (OperationCanceledException)
        {
            endedBy = "local";
            using var bye = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await dialog.ByeAsync(bye.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // No answer to the BYE: the call is over for us all the same.
            }
        }

        await local.CancelAsync().ConfigureAwait(false);
        await requests.ConfigureAwait(false);
        session.Sink = null;
        string? path = null;
        if (recorder is not null)
        {
            path = NextRecordingPath();
            recorder.Save(path);
        }

        _output.WriteLine($"phone: call ended ({(endedBy == "remote" ? "the other side hung up" : endedBy == "local" ? "we hung up" : endedBy)})"
            + (path is null ? string.Empty : $", recorded {recorder!.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s to {path}"));
        return new PhoneCallResult(true, SipStatusCodes.Ok, endedBy, recorder?.Duration ?? TimeSpan.Zero, path);
    }

    private async Task PressAsync(MediaSession session, string digits, TimeSpan after, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(after, _time, cancellationToken).ConfigureAwait(false);
            if (session.SendDigits(digits))
            {
                _output.WriteLine($"phone: pressed {digits} (RFC 4733)");
            }
            else
            {
                _output.WriteLine("phone: cannot press keys: the other side did not offer telephone-event (RFC 4733)");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // Re-INVITEs (hold, session refresh) get our answer; INFO and NOTIFY were answered by the dialog already.
    private static async Task AnswerInDialogRequestsAsync(SipDialog dialog, MediaSession session, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var request in dialog.Requests.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (request.IsAnswered)
                {
                    continue;
                }

                if (request.Method == SipMethods.Invite)
                {
                    var result = session.AcceptOffer(Encoding.UTF8.GetString(request.Body.Span));
                    await (result is { IsAccepted: true, Answer: { } answer }
                        ? request.RespondAsync(SipStatusCodes.Ok, Sdp, Encoding.UTF8.GetBytes(answer.ToString()), cancellationToken)
                        : request.RespondAsync(SipStatusCodes.NotAcceptableHere, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }
                else
                {
                    await request.RespondAsync(SipStatusCodes.NotImplemented, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private string NextRecordingPath()
    {
        var path = _options.RecordPath!;
        var n = Interlocked.Increment(ref _calls);
        return n == 1 ? path : Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, $"{Path.GetFileNameWithoutExtension(path)}-{n}{Path.GetExtension(path)}");
    }
}
