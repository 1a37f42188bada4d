using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.States;
using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Model;
using PlayPromptsEffect = Switchboard.Calls.Effects.PlayPrompts;
using StopPlaybackEffect = Switchboard.Calls.Effects.StopPlayback;

namespace Switchboard.Calls.Flow;

/// <summary>
/// One call as a pure state machine: <see cref="Handle"/> takes what happened (<see cref="CallEvent"/>) and returns
/// what to do (<see cref="CallEffect"/>s, in order). An inbound call starts <see cref="Answering"/> and runs the
/// dialplan's <see cref="IvrSession"/> inside it; a callback starts by dialling the agent; a transfer is a sub-flow of
/// a connected call. Where the call is lives in <see cref="State"/> and what the caller hears in <see cref="Audio"/>,
/// both immutable records. The clock is read only through <see cref="TimeProvider"/>; timers are effects. No I/O.
/// Not thread-safe: one call, one caller of <see cref="Handle"/> at a time (the executor's loop).
/// </summary>
public sealed partial class CallFlow
{
    /// <summary>The timer that reads the caller's place from the ACD again.</summary>
    public const string PositionPollTimer = "position-poll";

    private readonly IvrSession? _ivr;
    private readonly CallbackPlan? _callback;
    private readonly CallFlowOptions _options;
    private readonly TimeProvider _time;
    private List<CallEffect> _out = [];
    private int _playbacks;
    private int _legs;

    private CallFlow(string callId, string callerNumber, CallState start, IvrSession? ivr, CallbackPlan? callback, TimeProvider time, CallFlowOptions? options)
    {
        CallId = callId;
        CallerNumber = callerNumber;
        State = start;
        _ivr = ivr;
        _callback = callback;
        _time = time;
        _options = options ?? new CallFlowOptions();
    }

    /// <summary>The call's id in the ACD and in logs.</summary>
    public string CallId { get; }

    /// <summary>The citizen's number.</summary>
    public string CallerNumber { get; }

    /// <summary>Where the call is.</summary>
    public CallState State { get; private set; }

    /// <summary>What the caller hears.</summary>
    public CallerAudio Audio { get; private set; } = CallerAudio.Silence;

    /// <summary>The IVR engine of an inbound call (null for a callback).</summary>
    public IvrSession? Ivr => _ivr;

    /// <summary>The dialplan version an inbound call runs on.</summary>
    public DialplanDefinition? Dialplan => _ivr?.Dialplan;

    private string Language => _ivr?.Language ?? _callback?.Language ?? "sv";

    /// <summary>An inbound call: answered, waiting for the ACK; the IVR starts when <see cref="LegConfirmed"/> arrives.</summary>
    public static CallFlow Inbound(string callId, string callerNumber, IvrSession ivr, TimeProvider timeProvider, CallFlowOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        ArgumentNullException.ThrowIfNull(ivr);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new CallFlow(callId, callerNumber ?? string.Empty, new Answering(), ivr, null, timeProvider, options);
    }

    /// <summary>A callback attempt: <see cref="FlowStarted"/> dials the agent, then the citizen.</summary>
    public static CallFlow Callback(CallbackPlan plan, TimeProvider timeProvider, CallFlowOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new CallFlow(plan.CallbackId, plan.Number, new InIvr(), null, plan, timeProvider, options);
    }

    /// <summary>Handles one event and returns what to do, in order.</summary>
    public IReadOnlyList<CallEffect> Handle(CallEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _out = [];
        if (State is Ended)
        {
            AfterEnd(e);
            return _out;
        }

        switch (e)
        {
            case FlowStarted:
                OnStarted();
                break;
            case LegConfirmed confirmed when confirmed.Leg == LegId.Caller && State is Answering:
                State = new InIvr();
                RunIvr(new CallStarted(CallerNumber));
                break;
            case DigitReceived digit when State is InIvr or Queued or DiallingAgent:
                RunIvr(new DigitPressed(digit.Digit));
                break;
            case PlaybackFinished finished:
                OnPlaybackFinished(finished.PlaybackId);
                break;
            case TimerFired timer:
                OnTimer(timer.Name);
                break;
            case QueueJoined joined when State is JoiningQueue joining:
                OnQueueJoined(joining, joined);
                break;
            case PositionPolled polled:
                OnPositionPolled(polled);
                break;
            case CallbackFiled filed when State is FilingCallback filing:
                OnCallbackFiled(filing, filed);
                break;
            case AgentAccepted accepted:
                OnAgentAccepted(accepted);
                break;
            case LegDialled dialled:
                OnLegDialled(dialled);
                break;
            case LegEnded ended:
                OnLegEnded(ended);
                break;
            case LegHeld held:
                OnLegHeld(held.Leg);
                break;
            case LegResumed resumed:
                OnLegResumed(resumed.Leg);
                break;
            case MediaTimedOut timedOut:
                OnMediaTimedOut(timedOut.Leg);
                break;
            case TransferRequested transfer:
                OnTransferRequested(transfer, referredBy: null);
                break;
            case ReferReceived refer:
                OnReferReceived(refer);
                break;
            case QueueTransferAnswered answered when State is MovingToQueue moving:
                OnQueueTransferAnswered(moving, answered);
                break;
            case ReturnedToQueue returned when State is ReturningToQueue returning:
                OnReturnedToQueue(returning, returned);
                break;
            case HangUpRequested hangUp:
                End("hang-up by " + hangUp.By);
                break;
            case ShutdownRequested:
                End("node shutting down");
                break;
        }

        return _out;
    }

    private void Emit(CallEffect effect) => _out.Add(effect);

    private LegId NextLeg(LegRole role) => new(role, ++_legs);

    private int NextPlayback() => ++_playbacks;

    /// <summary>The queue the call is in or came through, if any.</summary>
    private QueueDefinition? CurrentQueue => State switch
    {
        Queued q => q.Queue,
        DiallingAgent d => d.Queue,
        AgentCall a => a.Queue,
        MovingToQueue m => m.From.Queue,
        Transferring t => t.Queue,
        ReturningToQueue r => r.Transfer.Queue,
        JoiningQueue j => j.Queue,
        FilingCallback { Resume: Queued q } => q.Queue,
        _ => null,
    };

    private void OnTimer(string name)
    {
        if (name == PositionPollTimer)
        {
            if (State is Queued or DiallingAgent)
            {
                Emit(new PollPosition());
            }

            return;
        }

        RunIvr(new TimerElapsed(name));
    }

    private void OnPositionPolled(PositionPolled polled)
    {
        if (State is not (Queued or DiallingAgent))
        {
            return;
        }

        if (polled.Position is > 0 and var position)
        {
            RunIvr(new QueueUpdate(position, polled.EstimatedWait));
        }

        if (State is Queued or DiallingAgent)
        {
            Emit(new StartTimer(PositionPollTimer, _options.PositionPollInterval));
        }
    }

    private void OnPlaybackFinished(int playbackId)
    {
        switch (Audio)
        {
            case IvrAudio ivr when ivr.PlaybackId == playbackId:
                Audio = CallerAudio.Silence;
                RunIvr(new PromptFinished());
                break;
            case Announcement announcement when announcement.PlaybackId == playbackId:
                Audio = CallerAudio.Silence;
                switch (announcement.Then)
                {
                    case AfterAnnouncement.MusicOnHold:
                        PlayHoldMusic();
                        break;
                    case AfterAnnouncement.HangUp:
                        End("closed");
                        break;
                    case AfterAnnouncement.BridgeAgent:
                        OnGreetingDone();
                        break;
                }

                break;
        }
    }

    /// <summary>Plays prompts the flow chose itself to the caller; <paramref name="then"/> follows their end.</summary>
    private void Announce(IReadOnlyList<string> prompts, AfterAnnouncement then)
    {
        var id = NextPlayback();
        Emit(new PlayPromptsEffect(LegId.Caller, id, prompts, Language));
        Audio = new Announcement(id, then);
    }

    private void PlayHoldMusic()
    {
        if (State is Queued or DiallingAgent or Transferring or AgentOnHold)
        {
            var id = NextPlayback();
            Emit(new PlayPromptsEffect(LegId.Caller, id, ["music_on_hold"], Language, Loop: true));
            Audio = new HoldMusic(id);
        }
    }

    private void StopCallerAudio()
    {
        if (Audio is IvrAudio or Announcement or HoldMusic)
        {
            Emit(new StopPlaybackEffect(LegId.Caller));
            Audio = CallerAudio.Silence;
        }
    }

    private void Bridge(LegId other)
    {
        StopCallerAudio();
        Emit(new BridgeLegs(LegId.Caller, other));
        Audio = new BridgedAudio(other);
    }

    private void Unbridge()
    {
        if (Audio is BridgedAudio)
        {
            Emit(new UnbridgeLeg(LegId.Caller));
            Audio = CallerAudio.Silence;
        }
    }
}
