using System.Globalization;
using Switchboard.Api.Agent.V1;

namespace Switchboard.Cli.Terminal;

/// <summary>Names and one-line texts for the agent API's enums and events, as the console prints and parses them.</summary>
internal static class AgentText
{
    public static string State(AgentState state) => state switch
    {
        AgentState.SignedOut => "signed_out",
        AgentState.Ready => "ready",
        AgentState.Reserved => "reserved",
        AgentState.OnCall => "on_call",
        AgentState.WrapUp => "wrap_up",
        AgentState.Paused => "paused",
        _ => "unknown",
    };

    public static string Reason(PauseReason reason) => reason switch
    {
        PauseReason.Lunch => "lunch",
        PauseReason.Meeting => "meeting",
        PauseReason.Training => "training",
        PauseReason.Missed => "missed",
        PauseReason.Other => "other",
        _ => string.Empty,
    };

    public static bool TryParseReason(string text, out PauseReason reason)
    {
        reason = text.ToLowerInvariant() switch
        {
            "lunch" => PauseReason.Lunch,
            "meeting" => PauseReason.Meeting,
            "training" => PauseReason.Training,
            "other" => PauseReason.Other,
            _ => PauseReason.Unspecified,
        };
        return reason != PauseReason.Unspecified;
    }

    public static bool TryParseOutcome(string text, out Api.Agent.V1.Outcome outcome)
    {
        outcome = text.ToLowerInvariant().Replace('-', '_') switch
        {
            "resolved" => Api.Agent.V1.Outcome.Resolved,
            "forwarded" => Api.Agent.V1.Outcome.Forwarded,
            "callback_needed" or "callback" => Api.Agent.V1.Outcome.CallbackNeeded,
            "other" => Api.Agent.V1.Outcome.Other,
            _ => Api.Agent.V1.Outcome.Unspecified,
        };
        return outcome != Api.Agent.V1.Outcome.Unspecified;
    }

    public static string Outcome(Api.Agent.V1.Outcome outcome) => outcome switch
    {
        Api.Agent.V1.Outcome.Resolved => "resolved",
        Api.Agent.V1.Outcome.Forwarded => "forwarded",
        Api.Agent.V1.Outcome.CallbackNeeded => "callback_needed",
        _ => "other",
    };

    public static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    public static string Status(AgentStatus status)
    {
        var state = State(status.State);
        if (status.State == AgentState.Paused && status.PauseReason != PauseReason.Unspecified)
        {
            state += $" ({Reason(status.PauseReason)})";
        }

        var call = string.IsNullOrEmpty(status.CallId) ? string.Empty : $", call {status.CallId}";
        return $"{status.AgentId}: {state}{call}; queues {string.Join(",", status.Queues)}; languages {string.Join(",", status.Languages)}; phone account {status.PhoneUser}";
    }

    /// <summary>One line per event, prefixed with a keyword scripts can match (<c>offer</c>, <c>state</c>, ...).</summary>
    public static string Event(AgentEvent e) => e.EventCase switch
    {
        AgentEvent.EventOneofCase.StateChanged => e.StateChanged.State == AgentState.Paused && e.StateChanged.PauseReason != PauseReason.Unspecified
            ? $"state {State(e.StateChanged.State)} ({Reason(e.StateChanged.PauseReason)})"
            : $"state {State(e.StateChanged.State)}",
        AgentEvent.EventOneofCase.Offer => Offer(e.Offer),
        AgentEvent.EventOneofCase.OfferRescinded => $"offer withdrawn: call {e.OfferRescinded.CallId}",
        AgentEvent.EventOneofCase.CallConnected => $"connected: call {e.CallConnected.CallId} in {e.CallConnected.Queue}",
        AgentEvent.EventOneofCase.CallEnded => $"call ended: call {e.CallEnded.CallId}",
        AgentEvent.EventOneofCase.WrapUpStarted => $"wrap-up: call {e.WrapUpStarted.CallId} (type: wrapup resolved|forwarded|callback_needed|other \"note\")",
        AgentEvent.EventOneofCase.QueueCounts => "queues: " + string.Join("; ", e.QueueCounts.Queues.Select(q =>
            $"{q.Queue} waiting {q.Waiting} longest {Duration(q.LongestWait?.ToTimeSpan() ?? TimeSpan.Zero)} ready {q.AgentsReady}/{q.AgentsSignedIn}")),
        AgentEvent.EventOneofCase.TransferResult => $"transfer {(e.TransferResult.Answered ? "answered" : "not answered")}: call {e.TransferResult.CallId} ({e.TransferResult.Result})",
        _ => "event (unknown kind)",
    };

    private static string Offer(Offer offer)
    {
        var kind = offer.Kind == OfferKind.Callback ? "callback" : "call";
        var wait = Duration(offer.WaitTime?.ToTimeSpan() ?? TimeSpan.Zero);
        var language = string.IsNullOrEmpty(offer.Language) ? "-" : offer.Language;
        var caller = string.IsNullOrEmpty(offer.CallerNumber) ? "unknown" : offer.CallerNumber;
        return $"offer: {kind} {offer.CallId} from {caller}, queue {offer.Queue}, waited {wait}, language {language} (type: accept | reject)";
    }
}
