using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Engine;

/// <summary>Waiting in a queue: announcements, music on hold, callback offer, max wait, queue hours.</summary>
public sealed partial class IvrSession
{
    private int? _position;
    private TimeSpan? _estimatedWait;
    private bool _announcedOnce;
    private bool _callbackOffered;

    private void EnterQueue(QueueDefinition queue)
    {
        if (queue.Hours is { } hours)
        {
            var status = OpeningHoursEvaluator.Evaluate(hours, Dialplan.TimeZone, _timeProvider.GetUtcNow(), _liveOverride);
            if (!status.Open)
            {
                Status = status;
                EnterClosed(status, []);
                return;
            }
        }

        CancelAllTimers();
        Queue = queue;
        Phase = IvrPhase.Queued;
        Outcome = new IvrOutcome(OutcomeKind.Queue, Queue: queue.Id);
        _position = null;
        _estimatedWait = null;
        _announcedOnce = false;
        _callbackOffered = false;
        Emit(new Enqueue(queue, Language));
        Play(queue.Prompts.Count > 0 ? queue.Prompts : ["please_wait"], interruptible: false);
        if (AnnounceEvery(queue) is { } every)
        {
            SetTimer(IvrTimers.Announce, every);
        }

        if (queue.Callback is { } callback)
        {
            SetTimer(IvrTimers.CallbackOffer, callback.After);
        }

        if (queue.MaxWait is { } maxWait)
        {
            SetTimer(IvrTimers.MaxWait, maxWait.After);
        }
    }

    private static TimeSpan? AnnounceEvery(QueueDefinition queue)
    {
        var a = queue.Announcements;
        return (a.PositionEvery, a.WaitEvery) switch
        {
            ({ } p, { } w) => p < w ? p : w,
            ({ } p, null) => p,
            (null, { } w) => w,
            _ => null,
        };
    }

    private void PlayMusic() => Play(["music_on_hold"], interruptible: true, loop: true);

    private void OnQueueUpdate(QueueUpdate update)
    {
        _position = update.Position;
        _estimatedWait = update.EstimatedWait;
        if (!_announcedOnce && !_playing && AnnounceEvery(Queue!) is not null)
        {
            _announcedOnce = true;
            Announce();
        }
    }

    private void Announce()
    {
        var a = Queue!.Announcements;
        var prompts = NumberPrompts.Announcement(a.PositionEvery is null ? null : _position, a.WaitEvery is null ? null : _estimatedWait);
        if (prompts.Count > 0)
        {
            Play(prompts, interruptible: true);
        }
    }

    private void QueuedTimer(string name)
    {
        if (Phase != IvrPhase.Queued || Queue is null)
        {
            return;
        }

        switch (name)
        {
            case IvrTimers.Announce:
                _announcedOnce = true;
                Announce();
                SetTimer(IvrTimers.Announce, AnnounceEvery(Queue)!.Value);
                break;
            case IvrTimers.CallbackOffer when Queue.Callback is not null:
                _callbackOffered = true;
                Play(["callback_offer"], interruptible: true);
                break;
            case IvrTimers.MaxWait when Queue.MaxWait is { } maxWait:
                if (maxWait.Then.Kind == ActionKind.Callback)
                {
                    StartCallback(Queue.Id, keepPlace: true);
                }
                else
                {
                    Emit(new LeaveQueue(Queue.Id));
                    Run(maxWait.Then);
                }

                break;
        }
    }

    private void QueuedDigit(char digit)
    {
        if (Queue?.Callback is { } callback && _callbackOffered && digit == callback.Key)
        {
            if (_playing)
            {
                Emit(new StopPlayback());
                _playing = false;
            }

            StartCallback(Queue.Id, keepPlace: true);
        }
    }

    private void OnNoAgents()
    {
        var queue = Queue!;
        switch (queue.WhenNoAgents.Action)
        {
            case NoAgentAction.Callback:
                // Nobody is signed in: the ACD did not queue the caller, so a failed dialogue cannot fall back to waiting.
                StartCallback(queue.Id, keepPlace: true);
                _callbackNotQueued = true;
                break;
            case NoAgentAction.Queue:
                Emit(new LeaveQueue(queue.Id));
                EnterQueue(Dialplan.Queues[queue.WhenNoAgents.Queue!]);
                break;
            case NoAgentAction.Closed:
                CancelAllTimers();
                Emit(new LeaveQueue(queue.Id));
                Queue = null;
                Outcome = null;
                if (_playing)
                {
                    Emit(new StopPlayback());
                }

                EnterClosed(Status! with { Open = false }, []);
                break;
        }
    }
}
