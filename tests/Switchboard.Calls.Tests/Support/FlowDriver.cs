using Microsoft.Extensions.Time.Testing;
using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.Flow;
using Switchboard.Calls.States;
using Switchboard.Calls.Timers;
using Switchboard.Dialplan.Engine;
using Switchboard.Sip.Messages;

namespace Switchboard.Calls.Tests.Support;

/// <summary>
/// Drives a <see cref="CallFlow"/> as the executor does, without sockets: timers run on a <see cref="FakeTimeProvider"/>
/// through the real <see cref="CallTimers"/>, store requests are answered at once by replaceable replies, and every
/// effect is recorded.
/// </summary>
internal sealed class FlowDriver
{
    public const string Agent = "anna";
    public const string AgentSip = "sip:anna@127.0.0.1";
    public const string Caller = "+46701234567";

    private readonly List<CallEvent> _fired = [];
    private readonly CallTimers _timers;

    private FlowDriver(Func<FakeTimeProvider, CallFlow> create)
    {
        Clock = new FakeTimeProvider(TestPlans.OpenNow);
        Flow = create(Clock);
        _timers = new CallTimers(Clock, _fired.Add);
    }

    public FakeTimeProvider Clock { get; }

    public CallFlow Flow { get; }

    public CallState State => Flow.State;

    /// <summary>Every effect so far, in order.</summary>
    public List<CallEffect> Effects { get; } = [];

    /// <summary>The effects of the last <see cref="Send"/> or <see cref="Advance"/> (store replies included).</summary>
    public List<CallEffect> Last { get; private set; } = [];

    public int RunningTimers => _timers.Count;

    public Func<JoinQueue, QueueJoined> OnJoin { get; set; } = _ => new QueueJoined(QueueJoinOutcome.Queued, 3, TimeSpan.FromMinutes(2));

    public Func<PollPosition, PositionPolled> OnPoll { get; set; } = _ => new PositionPolled(2, TimeSpan.FromMinutes(1));

    public Func<FileCallback, CallbackFiled> OnFile { get; set; } = _ => new CallbackFiled(null);

    public Func<MoveToQueue, QueueTransferAnswered> OnMove { get; set; } = _ => new QueueTransferAnswered(true, "Ok");

    public Func<ReturnToQueue, ReturnedToQueue> OnReturn { get; set; } = _ => new ReturnedToQueue(true);

    public static FlowDriver Inbound(CallFlowOptions? options = null) =>
        new(clock => CallFlow.Inbound("c1", Caller, new IvrSession(TestPlans.Kommun, clock), clock, options ?? Options));

    public static FlowDriver Callback() =>
        new(clock => CallFlow.Callback(new CallbackPlan("cb1", Agent, AgentSip, Caller, "sv", ["callback_hello"], TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(45)), clock, Options));

    /// <summary>REFER targets: <c>sip:...@handlaggare.test</c> allowed, anything else refused.</summary>
    public static CallFlowOptions Options { get; } = new()
    {
        ResolveReferTarget = target => target.Contains("@handlaggare.test", StringComparison.Ordinal) && SipUri.TryParse(target.Trim('<', '>'), out var uri)
            ? new ExternalDestination(uri, null, uri.ToString())
            : new RefusedDestination(target, "not allowed"),
    };

    public static ExternalDestination Handlaggare { get; } = new(SipUri.Parse("sip:bygglov@handlaggare.test"), null, "sip:bygglov@handlaggare.test");

    public IReadOnlyList<CallEffect> Send(CallEvent e)
    {
        Last = [];
        Process(e);
        return Last;
    }

    public IReadOnlyList<CallEffect> Advance(TimeSpan by)
    {
        Last = [];
        Clock.Advance(by);
        while (_fired.Count > 0)
        {
            var next = _fired[0];
            _fired.RemoveAt(0);
            Process(next);
        }

        return Last;
    }

    private void Process(CallEvent e)
    {
        var replies = new Queue<CallEvent>();
        replies.Enqueue(e);
        while (replies.TryDequeue(out var next))
        {
            foreach (var effect in Flow.Handle(next))
            {
                Effects.Add(effect);
                Last.Add(effect);
                switch (effect)
                {
                    case StartTimer start:
                        _timers.Start(start.Name, start.Delay);
                        break;
                    case StopTimer stop:
                        _timers.Stop(stop.Name);
                        break;
                    case JoinQueue join:
                        replies.Enqueue(OnJoin(join));
                        break;
                    case PollPosition poll:
                        replies.Enqueue(OnPoll(poll));
                        break;
                    case FileCallback file:
                        replies.Enqueue(OnFile(file));
                        break;
                    case MoveToQueue move:
                        replies.Enqueue(OnMove(move));
                        break;
                    case ReturnToQueue back:
                        replies.Enqueue(OnReturn(back));
                        break;
                }
            }
        }
    }

    public T LastOf<T>()
        where T : CallEffect => Effects.OfType<T>().Last();

    public int LastPlayback => LastOf<Effects.PlayPrompts>().PlaybackId;

    /// <summary>The prompt playing to the caller now runs out.</summary>
    public IReadOnlyList<CallEffect> FinishPrompt() => Send(new PlaybackFinished(LastPlayback));

    public LegId AgentLeg => State switch
    {
        AgentCall call => call.AgentLeg,
        DiallingAgent dialling => dialling.AgentLeg,
        Transferring { AgentLeg: { } leg } => leg,
        CallbackDiallingAgent callback => callback.AgentLeg,
        CallbackDiallingCitizen callback => callback.AgentLeg,
        CallbackGreeting callback => callback.AgentLeg,
        _ => throw new InvalidOperationException("no agent leg in " + State),
    };

    public LegId TargetLeg => State switch
    {
        Transferring transferring => transferring.Attempt.TargetLeg,
        TransferredToTarget transferred => transferred.TargetLeg,
        _ => throw new InvalidOperationException("no target leg in " + State),
    };

    // ---- getting a call to a state --------------------------------------------------------------------------------

    public FlowDriver Answered()
    {
        Send(new LegConfirmed(LegId.Caller, "PCMU"));
        return this;
    }

    /// <summary>Greeting heard, 1 pressed (BSU): waiting in the queue.</summary>
    public FlowDriver InQueue()
    {
        Answered();
        Send(new DigitReceived('1'));
        for (var i = 0; i < 5 && State is not Queued; i++)
        {
            FinishPrompt();
        }

        Assert.IsType<Queued>(State);
        return this;
    }

    public FlowDriver Dialling()
    {
        InQueue();
        Send(new AgentAccepted(Agent, AgentSip));
        Assert.IsType<DiallingAgent>(State);
        return this;
    }

    public FlowDriver Connected()
    {
        Dialling();
        Send(new LegDialled(AgentLeg, DialOutcome.Answered, "200 OK", 200));
        Assert.IsType<Connected>(State);
        return this;
    }

    public FlowDriver OnHold()
    {
        Connected();
        Send(new LegHeld(AgentLeg));
        Assert.IsType<AgentOnHold>(State);
        return this;
    }

    public FlowDriver Transferring(bool returnToQueue = false)
    {
        Connected();
        Send(new TransferRequested(Agent, Handlaggare, TimeSpan.FromSeconds(20), returnToQueue));
        Assert.IsType<Transferring>(State);
        return this;
    }

    public FlowDriver Transferred()
    {
        Transferring();
        Send(new LegDialled(TargetLeg, DialOutcome.Answered, "200 OK", 200));
        Assert.IsType<TransferredToTarget>(State);
        return this;
    }

    public FlowDriver CallbackRinging()
    {
        Send(new FlowStarted());
        Assert.IsType<CallbackDiallingAgent>(State);
        return this;
    }

    public FlowDriver CallbackCitizenRinging()
    {
        CallbackRinging();
        Send(new LegDialled(AgentLeg, DialOutcome.Answered, "200 OK", 200));
        Assert.IsType<CallbackDiallingCitizen>(State);
        return this;
    }

    public FlowDriver CallbackGreeting()
    {
        CallbackCitizenRinging();
        Send(new LegDialled(LegId.Caller, DialOutcome.Answered, "200 OK", 200));
        Assert.IsType<CallbackGreeting>(State);
        return this;
    }

    public FlowDriver CallbackConnected()
    {
        CallbackGreeting();
        FinishPrompt();
        Assert.IsType<Connected>(State);
        return this;
    }
}
