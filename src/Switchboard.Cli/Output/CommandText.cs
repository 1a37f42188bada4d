using Switchboard.Dialplan.Engine;

namespace Switchboard.Cli.Output;

/// <summary>Short human-readable text for engine events and commands.</summary>
internal static class CommandText
{
    public static string Event(IvrEvent e) => e switch
    {
        CallStarted s => $"call from {s.CallerNumber}",
        DigitPressed d => $"key {d.Digit}",
        PromptFinished => "prompt finished",
        TimerElapsed t => $"timer {t.Name}",
        QueueUpdate { Position: 0 } => "queue: being offered to an agent",
        QueueUpdate u => $"queue: place {u.Position} in line",
        QueueUnavailable => "queue unavailable",
        AgentConnected => "agent connected",
        _ => e.GetType().Name,
    };

    public static string Command(IvrCommand c) => c switch
    {
        PlayPrompts p => $"play {string.Join(" ", p.Prompts)} ({p.Language}{(p.Loop ? ", loop" : string.Empty)})",
        StopPlayback => "stop playback",
        CollectDigits d => $"collect digits ({d.Timeout.TotalSeconds:0}s)",
        SetTimer t => $"set timer {t.Name} ({t.Delay.TotalSeconds:0}s)",
        CancelTimer t => $"cancel timer {t.Name}",
        Enqueue q => $"enqueue {q.Queue.Id} (skill {q.Queue.Skill} >= {q.Queue.MinLevel}, priority {q.Queue.Priority}, {q.Language})",
        RequestCallback r => $"callback {r.Number}{(r.KeepPlace ? $" keeping place in {r.QueueId}" : " request")}",
        Transfer t => $"transfer {t.Target}",
        HangUp h => $"hang up ({h.Reason})",
        _ => c.GetType().Name,
    };

    public static string Outcome(IvrOutcome outcome) => outcome.Kind switch
    {
        OutcomeKind.Queue => $"queue {outcome.Queue}",
        OutcomeKind.Transfer => $"transfer {outcome.Target}",
        OutcomeKind.Callback => "callback",
        _ => "hangup",
    };
}
