using Switchboard.Dialplan.Engine;

namespace Switchboard.Dialplan.Simulation;

/// <summary>
/// Short human-readable text for engine events and commands of a dry run, as <c>sbctl dialplan simulate</c> prints them
/// and the supervisor API's SimulateDialplan returns them.
/// </summary>
public static class SimulationText
{
    /// <summary>What the caller did or what happened, e.g. <c>key 1</c>.</summary>
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

    /// <summary>What the engine told the call to do, e.g. <c>play welcome (sv)</c>.</summary>
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

    /// <summary>Where the call ended up, e.g. <c>queue bsu</c>.</summary>
    public static string Outcome(IvrOutcome outcome) => outcome.Kind switch
    {
        OutcomeKind.Queue => $"queue {outcome.Queue}",
        OutcomeKind.Transfer => $"transfer {outcome.Target}",
        OutcomeKind.Callback => "callback",
        _ => "hangup",
    };

    /// <summary>Why keys went unused, or null when every key was taken.</summary>
    public static string? UnusedNote(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.UnusedDigits.Length == 0
            ? null
            : result.Status.Open
                ? $"digits '{result.UnusedDigits}' were not used: the call reached '{Outcome(result.Outcome)}' before they were needed"
                : $"digits '{result.UnusedDigits}' were not used: the line is closed ({result.Status.Reason}) and the closed-hours dialogue takes no menu keys";
    }

    /// <summary>The outcome's kind as a lower-case word: queue, transfer, callback or hangup.</summary>
    public static string KindName(IvrOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind switch
        {
            OutcomeKind.Queue => "queue",
            OutcomeKind.Transfer => "transfer",
            OutcomeKind.Callback => "callback",
            _ => "hangup",
        };
    }
}
