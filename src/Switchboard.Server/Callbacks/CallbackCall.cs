using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Store;
using Switchboard.Media.Playback;
using Switchboard.Media.Prompts;
using Switchboard.Media.Sessions;
using Switchboard.Server.Telephony;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Server.Callbacks;

/// <summary>
/// One callback call and its two legs: the agent's phone first (registrar lookup as for a queued call), then the
/// citizen through the trunk, the hello prompt to the citizen, then both legs bridged. Once bridged it lives on its
/// own: when either side hangs up the other gets BYE, the media is released and the ACD hears the call ended (the
/// agent goes to wrap-up).
/// </summary>
public sealed class CallbackCall : IAsyncDisposable
{
    private static readonly TimeSpan ByeTimeout = TimeSpan.FromSeconds(35);
    private readonly SipTelephony _sip;
    private readonly MediaEngine _media;
    private readonly PromptCatalog _prompts;
    private readonly AcdStore _acd;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _life = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CallMedia? _agentLeg;
    private CallMedia? _citizenLeg;
    private SipDialog? _agentDialog;
    private SipDialog? _citizenDialog;
    private int _hangingUp;
    private volatile bool _monitoring;

    internal CallbackCall(CallbackDialRequest request, SipTelephony sip, MediaEngine media, PromptCatalog prompts, AcdStore acd, TimeProvider time, ILogger logger)
    {
        Request = request;
        _sip = sip;
        _media = media;
        _prompts = prompts;
        _acd = acd;
        _time = time;
        _logger = logger;
    }

    /// <summary>The attempt this call carries out.</summary>
    public CallbackDialRequest Request { get; }

    /// <summary>True from the bridge until the call has ended.</summary>
    public bool IsConnected { get; private set; }

    /// <summary>Completes when a connected call has ended (both legs hung up, ACD told).</summary>
    public Task Ended => _ended.Task;

    /// <summary>Runs the attempt up to the bridge; see <see cref="ICallbackDialler.DialAsync"/>.</summary>
    internal async Task<CallbackDialResult> RunAsync(CancellationToken cancellationToken)
    {
        var handedOver = false;
        try
        {
            if (!await DialAgentAsync(cancellationToken).ConfigureAwait(false))
            {
                return CallbackDialResult.AgentNotReached;
            }

            var citizen = await DialCitizenAsync(cancellationToken).ConfigureAwait(false);
            if (citizen is not null)
            {
                return citizen;
            }

            // The citizen answered: from here the attempt counts as answered, whatever follows.
            await TryAcdAsync(() => _acd.CallAnsweredAsync(Request.CallbackId, CancellationToken.None)).ConfigureAwait(false);
            handedOver = true;
            _ = ReadInDialogRequestsAsync(_agentDialog!);
            _ = ReadInDialogRequestsAsync(_citizenDialog!);
            var bothThere = await PlayHelloAsync(cancellationToken).ConfigureAwait(false);
            if (bothThere)
            {
                CallMedia.Bridge(_agentLeg!, _citizenLeg!);
                IsConnected = true;
                CallbackCallLog.Bridged(_logger, Request.CallbackId, Request.AgentId, _citizenLeg!.Media?.Codec.ToString() ?? "?");
            }

            _agentLeg!.RtpTimedOut += OnRtpTimeout;
            _citizenLeg!.RtpTimedOut += OnRtpTimeout;
            _monitoring = true;
            _ = MonitorAsync();
            return new CallbackDialResult(CallbackOutcome.Answered);
        }
        finally
        {
            if (!handedOver)
            {
                await HangUpLegsAsync().ConfigureAwait(false);
                await ReleaseMediaAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Ends a connected call from our side (the agent's HangUp RPC): BYE to both legs; the ACD hears it ended.</summary>
    public Task HangUpAsync() => HangUpLegsAsync();

    /// <summary>Hangs up both legs (node shutting down); the ACD hears the call ended.</summary>
    public async ValueTask DisposeAsync()
    {
        await _life.CancelAsync().ConfigureAwait(false);
        await HangUpLegsAsync().ConfigureAwait(false);
        if (_monitoring)
        {
            // The monitor tells the ACD the call ended and releases the media.
            await _ended.Task.WaitAsync(ByeTimeout, _time).ConfigureAwait(false);
        }

        _life.Dispose();
    }

    private async Task<bool> DialAgentAsync(CancellationToken cancellationToken)
    {
        if (!SipUri.TryParse(Request.AgentSipAddress, out var address))
        {
            CallbackCallLog.AgentLegFailed(_logger, Request.CallbackId, Request.AgentId, $"agent SIP address '{Request.AgentSipAddress}' is not a SIP URI");
            return false;
        }

        var target = address;
        SipEndPoint? destination = null;
        var bindings = await _sip.Registrar.LookupAsync(address, cancellationToken).ConfigureAwait(false);
        if (bindings.Count > 0)
        {
            var binding = bindings.MaxBy(b => b.ExpiresAt)!;
            if (SipUri.TryParse(binding.Contact, out var contact))
            {
                target = contact;
            }

            destination = binding.Source;
        }

        _agentLeg = CallMedia.Create(_media, MediaLegDirection.Outbound);
        var offer = _agentLeg.CreateOffer();
        var host = _sip.UserAgent.ContactFor(SipTransportKind.Udp).Uri.Host;
        var options = new SipInviteOptions
        {
            RingTimeout = Request.Trunk.AgentRingTimeout,
            Destination = destination,
            // The agent's phone shows the citizen's number, marked as a callback.
            From = new SipNameAddress("Callback", SipUri.Create(Request.Number, host), SipParameters.Empty),
        };
        var result = await _sip.UserAgent.InviteAsync(target, CallMedia.SdpContentType, offer, options, cancellationToken).ConfigureAwait(false);
        if (result is not { Answered: true, Dialog: { } dialog })
        {
            CallbackCallLog.AgentLegFailed(_logger, Request.CallbackId, Request.AgentId, $"{result.StatusCode} {result.FinalResponse.ReasonPhrase}");
            return false;
        }

        _agentDialog = dialog;
        var media = _agentLeg.AcceptAnswer(result.AnswerBody, dialog.Peer.Address.Address);
        if (!media.IsAccepted)
        {
            CallbackCallLog.AgentLegFailed(_logger, Request.CallbackId, Request.AgentId, "no common codec: " + media.FailureReason);
            return false;
        }

        return true;
    }

    /// <summary>INVITE through the trunk; null when the citizen answered, else the outcome to report.</summary>
    private async Task<CallbackDialResult?> DialCitizenAsync(CancellationToken cancellationToken)
    {
        var trunk = SipUri.Parse(Request.Trunk.Uri);
        var target = trunk with { User = Request.Number, Password = null, Headers = null };
        var identity = new SipNameAddress(SipUri.Create(Request.Trunk.CallerId, trunk.Host));
        _citizenLeg = CallMedia.Create(_media, MediaLegDirection.Outbound);
        var offer = _citizenLeg.CreateOffer();
        var options = new SipInviteOptions
        {
            RingTimeout = Request.Trunk.CitizenRingTimeout,
            From = identity,
            Credentials = string.IsNullOrEmpty(Request.Trunk.Username) ? null : new SipCredentials(Request.Trunk.Username, Request.Trunk.Password ?? string.Empty),
            ExtraHeaders = [new SipHeader(SipHeaderNames.PAssertedIdentity, identity.ToString())],
        };

        // The agent hanging up while the citizen's phone rings cancels the INVITE.
        using var agentGone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = _agentDialog!.Terminated.ContinueWith(_ => agentGone.Cancel(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        SipCallResult result;
        try
        {
            result = await _sip.UserAgent.InviteAsync(target, CallMedia.SdpContentType, offer, options, agentGone.Token).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return CallbackDialResult.AgentNotReached;
        }

        if (result is { Answered: true, Dialog: { } dialog })
        {
            _citizenDialog = dialog;
            if (_agentDialog.Terminated.IsCompleted)
            {
                CallbackCallLog.AgentLeftEarly(_logger, Request.CallbackId, Request.AgentId);
                return CallbackDialResult.AgentNotReached;
            }

            var media = _citizenLeg.AcceptAnswer(result.AnswerBody, dialog.Peer.Address.Address);
            if (!media.IsAccepted)
            {
                CallbackCallLog.CitizenLegFailed(_logger, Request.CallbackId, 488, "no common codec: " + media.FailureReason);
                return new CallbackDialResult(CallbackOutcome.Failed);
            }

            return null;
        }

        if (_agentDialog.Terminated.IsCompleted && !cancellationToken.IsCancellationRequested)
        {
            CallbackCallLog.AgentLeftEarly(_logger, Request.CallbackId, Request.AgentId);
            return CallbackDialResult.AgentNotReached;
        }

        var outcome = OutcomeFor(result.StatusCode);
        CallbackCallLog.CitizenLegFailed(_logger, Request.CallbackId, result.StatusCode, outcome.ToString());
        return new CallbackDialResult(outcome);
    }

    /// <summary>The outcome of a failed INVITE to the citizen (RFC 3261 §21): 408/480 and our ring-timeout CANCEL (487) no answer, 486/600 busy.</summary>
    public static CallbackOutcome OutcomeFor(int statusCode) => statusCode switch
    {
        SipStatusCodes.RequestTimeout or SipStatusCodes.TemporarilyUnavailable or SipStatusCodes.RequestTerminated => CallbackOutcome.NoAnswer,
        SipStatusCodes.BusyHere or 600 => CallbackOutcome.Busy,
        >= 200 and < 300 => CallbackOutcome.Answered,
        _ => CallbackOutcome.Failed,
    };

    /// <summary>Plays the hello prompt to the citizen; false when either side hung up meanwhile.</summary>
    private async Task<bool> PlayHelloAsync(CancellationToken cancellationToken)
    {
        PromptPlayer player;
        try
        {
            player = _prompts.Library.CreatePlayer(Request.Language, Request.Trunk.HelloPrompt);
        }
        catch (PromptNotFoundException ex)
        {
            CallbackCallLog.PromptMissing(_logger, Request.CallbackId, ex.Message);
            return !_agentDialog!.Terminated.IsCompleted && !_citizenDialog!.Terminated.IsCompleted;
        }

        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFinished(IAudioSource source)
        {
            if (ReferenceEquals(source, player))
            {
                finished.TrySetResult();
            }
        }

        _citizenLeg!.SourceFinished += OnFinished;
        try
        {
            _citizenLeg.Play(player);
            var longest = TimeSpan.FromMilliseconds(player.TotalFrames * 20.0) + TimeSpan.FromSeconds(5);
            var safety = Task.Delay(longest, _time, cancellationToken);
            await Task.WhenAny(finished.Task, _agentDialog!.Terminated, _citizenDialog!.Terminated, safety).ConfigureAwait(false);
        }
        finally
        {
            _citizenLeg.SourceFinished -= OnFinished;
        }

        return !_agentDialog.Terminated.IsCompleted && !_citizenDialog.Terminated.IsCompleted;
    }

    private async Task MonitorAsync()
    {
        try
        {
            var first = await Task.WhenAny(_agentDialog!.Terminated, _citizenDialog!.Terminated).ConfigureAwait(false);
            var who = first == _agentDialog.Terminated ? "agent" : "citizen";
            CallbackCallLog.CallEnded(_logger, Request.CallbackId, who, (await first.ConfigureAwait(false)).Reason);
            _agentLeg?.Unbridge();
            IsConnected = false;
            await HangUpLegsAsync().ConfigureAwait(false);
            await TryAcdAsync(() => _acd.CallEndedAsync(Request.CallbackId, CancellationToken.None)).ConfigureAwait(false);
            await ReleaseMediaAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CallbackCallLog.MonitorFailed(_logger, Request.CallbackId, ex);
        }
        finally
        {
            _ended.TrySetResult();
        }
    }

    private void OnRtpTimeout()
    {
        CallbackCallLog.RtpTimeout(_logger, Request.CallbackId);
        _ = HangUpLegsAsync();
    }

    /// <summary>Re-INVITE and REFER are refused on callback legs; INFO/NOTIFY were answered by the dialog.</summary>
    private async Task ReadInDialogRequestsAsync(SipDialog dialog)
    {
        try
        {
            await foreach (var request in dialog.Requests.ReadAllAsync(_life.Token).ConfigureAwait(false))
            {
                if (!request.IsAnswered)
                {
                    await request.RespondAsync(request.Method == SipMethods.Invite ? SipStatusCodes.NotAcceptableHere : SipStatusCodes.Ok,
                        cancellationToken: _life.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task HangUpLegsAsync()
    {
        if (Interlocked.Exchange(ref _hangingUp, 1) == 1)
        {
            return;
        }

        await Task.WhenAll(ByeAsync(_agentDialog), ByeAsync(_citizenDialog)).ConfigureAwait(false);
    }

    private async Task ByeAsync(SipDialog? dialog)
    {
        if (dialog is null || dialog.Terminated.IsCompleted)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(ByeTimeout, _time);
            await dialog.ByeAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            CallbackCallLog.ByeFailed(_logger, Request.CallbackId, ex.Message);
        }
    }

    private async Task ReleaseMediaAsync()
    {
        if (_agentLeg is { } agent)
        {
            agent.RtpTimedOut -= OnRtpTimeout;
            await agent.DisposeAsync().ConfigureAwait(false);
        }

        if (_citizenLeg is { } citizen)
        {
            citizen.RtpTimedOut -= OnRtpTimeout;
            await citizen.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task TryAcdAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or OperationCanceledException)
        {
            CallbackCallLog.AcdUnavailable(_logger, Request.CallbackId, ex.Message);
        }
    }
}
