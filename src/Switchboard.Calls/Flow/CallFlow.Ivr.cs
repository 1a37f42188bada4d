using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.States;
using Switchboard.Dialplan.Engine;
using IvrPlayPrompts = Switchboard.Dialplan.Engine.PlayPrompts;
using IvrStopPlayback = Switchboard.Dialplan.Engine.StopPlayback;
using PlayPromptsEffect = Switchboard.Calls.Effects.PlayPrompts;
using StopPlaybackEffect = Switchboard.Calls.Effects.StopPlayback;

namespace Switchboard.Calls.Flow;

/// <summary>The IVR facet: the engine's commands become effects; enqueue and callback requests wait for the store's answer.</summary>
public sealed partial class CallFlow
{
    private void RunIvr(IvrEvent e)
    {
        if (_ivr is not null)
        {
            Apply(_ivr.Handle(e));
        }
    }

    /// <summary>Carries out the engine's commands in order; an enqueue or callback request parks the rest until the store answers.</summary>
    private void Apply(IReadOnlyList<IvrCommand> commands)
    {
        for (var i = 0; i < commands.Count; i++)
        {
            if (State is Ended)
            {
                return;
            }

            switch (commands[i])
            {
                case IvrPlayPrompts play:
                    PlayForIvr(play);
                    break;
                case IvrStopPlayback:
                    if (Audio is IvrAudio or HoldMusic or Announcement)
                    {
                        Emit(new StopPlaybackEffect(LegId.Caller));
                        Audio = CallerAudio.Silence;
                    }

                    break;
                case CollectDigits collect:
                    Emit(new StartTimer(collect.TimerName, collect.Timeout));
                    break;
                case SetTimer set:
                    Emit(new StartTimer(set.Name, set.Delay));
                    break;
                case CancelTimer cancel:
                    Emit(new StopTimer(cancel.Name));
                    break;
                case Enqueue enqueue:
                    State = new JoiningQueue(enqueue.Queue, Rest(commands, i));
                    Emit(new JoinQueue(enqueue.Queue, enqueue.Language));
                    return;
                case RequestCallback callback:
                    RequestCallback(callback, Rest(commands, i));
                    return;
                case Transfer transfer:
                    Emit(new ReferCaller(transfer.Target));
                    End("transferred to " + transfer.Target);
                    return;
                case HangUp hangUp:
                    End(hangUp.Reason);
                    return;
            }
        }
    }

    private static IvrCommand[] Rest(IReadOnlyList<IvrCommand> commands, int index) => commands.Skip(index + 1).ToArray();

    private void PlayForIvr(IvrPlayPrompts play)
    {
        if (Audio is BridgedAudio)
        {
            return; // the caller talks to someone: the IVR no longer speaks
        }

        var id = NextPlayback();
        Emit(new PlayPromptsEffect(LegId.Caller, id, play.Prompts, play.Language, play.Loop));
        Audio = new IvrAudio(id);
    }

    private void OnQueueJoined(JoiningQueue joining, QueueJoined joined)
    {
        switch (joined.Outcome)
        {
            case QueueJoinOutcome.Queued:
                State = new Queued(joining.Queue);
                Apply(joining.Rest);
                if (State is Queued)
                {
                    Emit(new StartTimer(PositionPollTimer, _options.PositionPollInterval));
                    if (joined.Position is > 0 and var position)
                    {
                        RunIvr(new QueueUpdate(position, joined.EstimatedWait));
                    }
                }

                break;
            case QueueJoinOutcome.OfferCallback:
                // Nobody is signed in and the queue's no_agents is callback: the IVR runs its callback dialogue
                // after the queue prompt it asked for.
                State = new InIvr();
                Apply(joining.Rest);
                RunIvr(new NoAgentsAvailable());
                break;
            case QueueJoinOutcome.Closed:
                // No agent signed in and the queue does not wait: say so, then end the call.
                State = new InIvr();
                Announce(["closed", "goodbye"], AfterAnnouncement.HangUp);
                break;
            default:
                State = new InIvr();
                RunIvr(new QueueUnavailable());
                break;
        }
    }

    private void RequestCallback(RequestCallback callback, IReadOnlyList<IvrCommand> rest)
    {
        var queues = _ivr!.Dialplan.Queues;
        var queueId = callback.QueueId ?? CurrentQueue?.Id ?? queues.Keys.FirstOrDefault();
        if (queueId is null || !queues.TryGetValue(queueId, out var queue))
        {
            RunIvr(new CallbackRefused("no queue for the callback"));
            return;
        }

        var replaces = callback.KeepPlace && State is Queued;
        State = new FilingCallback(State, replaces, rest);
        Emit(new FileCallback(queue, callback.Number, replaces, Language));
    }

    private void OnCallbackFiled(FilingCallback filing, CallbackFiled filed)
    {
        if (filed.Refusal is { } refusal)
        {
            // Refused: the confirmation and goodbye that followed must not play.
            State = filing.Resume;
            RunIvr(new CallbackRefused(refusal));
            return;
        }

        if (filing.ReplacesQueuedCall)
        {
            // The callback took over the waiting call's place: this call is no longer in the queue.
            State = new InIvr();
            Emit(new StopTimer(PositionPollTimer));
        }
        else
        {
            State = filing.Resume;
        }

        Apply(filing.Rest);
    }
}
