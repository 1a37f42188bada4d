using System.Threading.Channels;
using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.Flow;
using Switchboard.Calls.Legs;
using Switchboard.Calls.States;
using Switchboard.Calls.Timers;
using Switchboard.Media.Sessions;
using Switchboard.Server.Telephony;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Server.Calls;

/// <summary>
/// Runs one <see cref="CallFlow"/>: the only way events reach the call is its channel (<see cref="Post"/>), read by one
/// loop that hands each event to the flow and carries out the effects it returns, in order, on the call's legs
/// (<see cref="CallLeg"/>), timers (<see cref="CallTimers"/>), the ACD (<see cref="AcdEffects"/>) and the agent's
/// stream. A store request's reply is handed to the flow before any other event. No thread per call, no locks.
/// </summary>
public sealed class CallExecutor : IAsyncDisposable
{
    private readonly CallContext _context;
    private readonly CallFlow _flow;
    private readonly IncomingCall? _incoming;
    private readonly Channel<CallEvent> _events = Channel.CreateUnbounded<CallEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<LegId, CallLeg> _legs = [];
    private readonly List<Task> _released = [];
    private readonly CallTimers _timers;
    private readonly AcdEffects _acd;
    private readonly AgentNotices _agents;
    private readonly LegDialler _dialler;
    private readonly TaskCompletionSource<CallbackAttemptOutcome> _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CallTrace _trace;
    private readonly CallTimings _timings;
    private string? _endReason;

    /// <summary>Creates the executor of an inbound call (<paramref name="incoming"/>) or a callback (null).</summary>
    public CallExecutor(CallContext context, CallFlow flow, IncomingCall? incoming = null)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _flow = flow ?? throw new ArgumentNullException(nameof(flow));
        _incoming = incoming;
        _timers = new CallTimers(context.TimeProvider, Post);
        _acd = new AcdEffects(context);
        _agents = new AgentNotices(context);
        _dialler = new LegDialler(context);
        _timings = new CallTimings(context.Instruments, context.TimeProvider);
        _trace = CallTrace.Start(flow.CallId, incoming is null ? "callback" : "inbound", incoming?.TraceContext ?? default);
    }

    /// <summary>The span context of the call's current step (default when not traced): the parent of the ACD's spans about it.</summary>
    public System.Diagnostics.ActivityContext TraceContext => _trace.Context;

    /// <summary>The span of the ACD's current offer of this call (started and ended by the node's call-event loop).</summary>
    internal AcdOfferSpan Offer { get; } = new();

    /// <summary>The call's id in the ACD and logs.</summary>
    public string CallId => _flow.CallId;

    /// <summary>Where the call is (read from any thread: the state is an immutable record).</summary>
    public CallPhase Phase => _flow.State.Phase;

    /// <summary>The agent on the call, if any (hang-up checks).</summary>
    public string? AgentId => _flow.State switch
    {
        AgentCall call => call.AgentId,
        DiallingAgent dialling => dialling.AgentId,
        Transferring transferring => transferring.AgentId,
        CallbackDiallingAgent callback => callback.Plan.AgentId,
        CallbackDiallingCitizen callback => callback.Plan.AgentId,
        CallbackGreeting callback => callback.Plan.AgentId,
        _ => null,
    };

    /// <summary>Completes with a callback attempt's outcome (the call may go on after it).</summary>
    public Task<CallbackAttemptOutcome> Settled => _settled.Task;

    /// <summary>Hands an event to the call's loop (any thread).</summary>
    public void Post(CallEvent e) => _events.Writer.TryWrite(e);

    /// <summary>Runs the call to its end; cancellation (node shutdown) ends it cleanly. Never throws for call failures.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _trace.MakeCurrent();
        try
        {
            if (_incoming is not null)
            {
                await Leg(LegId.Caller, MediaLegDirection.Inbound).AnswerAsync(_incoming, cancellationToken).ConfigureAwait(false);
                _timings.Answered();
            }

            Post(new FlowStarted());
            await foreach (var e in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await HandleAsync(e, cancellationToken).ConfigureAwait(false);
                if (_flow.State is Ended)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await HandleAsync(new ShutdownRequested(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CallLog.Failed(_context.Logger, ex, CallId);
            await HandleAsync(new HangUpRequested("internal error"), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _events.Writer.TryComplete();
            _settled.TrySetResult(CallbackAttemptOutcome.Failed);
            _trace.End(_endReason);
        }
    }

    private async Task HandleAsync(CallEvent e, CancellationToken cancellationToken)
    {
        var pending = new Queue<CallEvent>();
        pending.Enqueue(e);
        _trace.MakeCurrent();
        while (pending.TryDequeue(out var next))
        {
            var before = _flow.State;
            var effects = _flow.Handle(next);
            if (!ReferenceEquals(before, _flow.State) && before.GetType() != _flow.State.GetType())
            {
                CallLog.StateChanged(_context.Logger, CallId, before.GetType().Name, _flow.State.GetType().Name, Cause(next));
                _timings.Changed(before, _flow.State);
            }

            if (_trace.IsRecording)
            {
                _trace.Event(next.GetType().Name);
                _trace.Step(_flow.State is InIvr ? "InIvr " + _flow.Ivr?.CurrentMenu : _flow.State.GetType().Name, Cause(next));
                if (next is AgentAccepted accepted)
                {
                    _trace.Tag("switchboard.agent_id", accepted.AgentId);
                }
            }

            foreach (var effect in effects)
            {
                if (effect is StoreRequest request)
                {
                    using var span = AcdTracing.Start(request.GetType().Name);
                    if (request is JoinQueue join)
                    {
                        span?.SetTag("switchboard.queue", join.Queue.Id);
                        _trace.Tag("switchboard.queue", join.Queue.Id);
                    }

                    pending.Enqueue(await _acd.AnswerAsync(_flow, request, cancellationToken).ConfigureAwait(false));
                }
                else
                {
                    await CarryOutAsync(effect, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>What moved the call, for the log (no numbers: a REFER or transfer target is not named).</summary>
    private static string Cause(CallEvent e) => e switch
    {
        LegDialled dialled => $"{dialled.Leg} {dialled.Outcome}: {dialled.Detail}",
        LegEnded ended => $"{ended.Leg} ended: {ended.Reason}",
        AgentAccepted accepted => "accepted by " + accepted.AgentId,
        _ => e.GetType().Name,
    };

    private async Task CarryOutAsync(CallEffect effect, CancellationToken cancellationToken)
    {
        switch (effect)
        {
            case PlayPrompts play when Find(play.Leg) is { } leg:
                var source = _context.Prompts.CreateSource(play.Prompts, play.Language, play.Loop, out var missing);
                if (missing is not null)
                {
                    CallLog.PromptMissing(_context.Logger, CallId, missing);
                }

                leg.Play(source, play.PlaybackId);
                break;
            case StopPlayback stop:
                Find(stop.Leg)?.StopPlayback();
                break;
            case BridgeLegs bridge when Find(bridge.First) is { } first && Find(bridge.Second) is { } second:
                CallLeg.Bridge(first, second);
                break;
            case UnbridgeLeg unbridge:
                Find(unbridge.Leg)?.Unbridge();
                break;
            case DialLeg dial:
                await _dialler.DialAsync(Leg(dial.Leg, MediaLegDirection.Outbound), dial, cancellationToken).ConfigureAwait(false);
                break;
            case HangUpLeg hangUp when _legs.Remove(hangUp.Leg, out var gone):
                // Let go now (CANCEL/BYE, media port freed); awaited when the call is disposed.
                _released.RemoveAll(t => t.IsCompleted);
                _released.Add(gone.DisposeAsync().AsTask());
                break;
            case AnswerRefer answer:
                Find(answer.Leg)?.AnswerRefer(answer.StatusCode);
                break;
            case NotifyRefer notify:
                Find(notify.Leg)?.NotifyRefer(notify.StatusCode);
                break;
            case ReferCaller refer when Find(LegId.Caller) is { } caller:
                await caller.ReferAsync(refer.Target).ConfigureAwait(false);
                break;
            case StartTimer start:
                _timers.Start(start.Name, start.Delay);
                break;
            case StopTimer stop:
                _timers.Stop(stop.Name);
                break;
            case TellAgent tell:
                await _agents.SendAsync(CallId, tell.Notice, cancellationToken).ConfigureAwait(false);
                break;
            case SettleCallbackAttempt settle:
                _settled.TrySetResult(settle.Outcome);
                break;
            case FinishCall finish:
                CallLog.Ending(_context.Logger, CallId, finish.Reason);
                _endReason = finish.Reason;
                break;
            default:
                using (AcdTracing.Start(effect.GetType().Name))
                {
                    await _acd.CarryOutAsync(_flow, effect, cancellationToken).ConfigureAwait(false);
                }

                break;
        }
    }

    private CallLeg? Find(LegId id) => _legs.GetValueOrDefault(id);

    private CallLeg Leg(LegId id, MediaLegDirection direction)
    {
        if (!_legs.TryGetValue(id, out var leg))
        {
            leg = new CallLeg(id, CallId, _context.Media, direction, Post, _context.TimeProvider, _context.Logger);
            _legs[id] = leg;
        }

        return leg;
    }

    /// <summary>Stops the timers, lets every leg go and waits for what they started (BYE, CANCEL, NOTIFY).</summary>
    public async ValueTask DisposeAsync()
    {
        Offer.End("call_ended");
        _trace.End(_endReason);
        _timers.Dispose();
        _released.AddRange(_legs.Values.Select(leg => leg.DisposeAsync().AsTask()));
        _legs.Clear();
        await Task.WhenAll(_released).ConfigureAwait(false);
    }
}
