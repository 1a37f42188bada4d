using Google.Protobuf.WellKnownTypes;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Queues;
using V1 = Switchboard.Api.Agent.V1;

namespace Switchboard.Api.Agents;

/// <summary>Maps between the ACD model and the <c>switchboard.agent.v1</c> contract.</summary>
public static class AgentMapper
{
    /// <summary>ACD state to contract state.</summary>
    public static V1.AgentState ToProto(AgentState state) => state switch
    {
        AgentState.LoggedOut => V1.AgentState.SignedOut,
        AgentState.Ready => V1.AgentState.Ready,
        AgentState.Reserved => V1.AgentState.Reserved,
        AgentState.OnCall => V1.AgentState.OnCall,
        AgentState.WrapUp => V1.AgentState.WrapUp,
        AgentState.Paused => V1.AgentState.Paused,
        _ => V1.AgentState.Unspecified,
    };

    /// <summary>ACD pause reason to contract.</summary>
    public static V1.PauseReason ToProto(PauseReason reason) => reason switch
    {
        PauseReason.Lunch => V1.PauseReason.Lunch,
        PauseReason.Meeting => V1.PauseReason.Meeting,
        PauseReason.Training => V1.PauseReason.Training,
        PauseReason.Missed => V1.PauseReason.Missed,
        PauseReason.Other => V1.PauseReason.Other,
        _ => V1.PauseReason.Unspecified,
    };

    /// <summary>Contract pause reason to ACD; unspecified or unknown becomes <see cref="PauseReason.Other"/>.</summary>
    public static PauseReason ToAcd(V1.PauseReason reason) => reason switch
    {
        V1.PauseReason.Lunch => PauseReason.Lunch,
        V1.PauseReason.Meeting => PauseReason.Meeting,
        V1.PauseReason.Training => PauseReason.Training,
        V1.PauseReason.Missed => PauseReason.Missed,
        _ => PauseReason.Other,
    };

    /// <summary>Outcome wire name stored with the wrap-up (<c>resolved</c>, <c>forwarded</c>, <c>callback_needed</c>, <c>other</c>).</summary>
    public static string OutcomeName(V1.Outcome outcome) => outcome switch
    {
        V1.Outcome.Resolved => "resolved",
        V1.Outcome.Forwarded => "forwarded",
        V1.Outcome.CallbackNeeded => "callback_needed",
        _ => "other",
    };

    /// <summary>ACD agent status to contract.</summary>
    public static V1.AgentStatus ToProto(AgentStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var result = new V1.AgentStatus
        {
            AgentId = status.Agent.Id,
            DisplayName = status.Agent.Name,
            State = ToProto(status.State),
            PauseReason = ToProto(status.PauseReason),
            StateSince = Timestamp.FromDateTimeOffset(status.StateSince),
            CallId = status.CallId ?? "",
            PhoneUser = status.Agent.PhoneUser,
            MissedInRow = status.MissedInRow,
        };
        result.Queues.AddRange(status.Agent.Queues);
        result.Languages.AddRange(status.Agent.Languages);
        result.Skills.AddRange(status.Agent.Skills.Select(s => new V1.Skill { Name = s.Name, Level = s.Level }));
        return result;
    }

    /// <summary>An ACD agent event to zero or more contract events (a wrap-up state also tells the call ended).</summary>
    public static IEnumerable<V1.AgentEvent> ToProto(AgentEvent e, QueueEntry? entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        var at = Timestamp.FromDateTimeOffset(e.At);
        switch (e.Type)
        {
            case AgentEventType.Offer:
                var offer = new V1.Offer
                {
                    CallId = e.CallId ?? "",
                    Queue = e.Queue ?? entry?.Queue ?? "",
                    CallerNumber = e.CallerNumber ?? entry?.CallerNumber ?? "",
                    Kind = e.Kind == QueueEntryKind.Callback ? V1.OfferKind.Callback : V1.OfferKind.Call,
                    Language = entry?.Language ?? "",
                    WaitTime = Duration.FromTimeSpan(entry is null || now < entry.EnqueuedAt ? TimeSpan.Zero : now - entry.EnqueuedAt),
                };
                if (e.OfferExpiresAt is { } expires)
                {
                    offer.ExpiresAt = Timestamp.FromDateTimeOffset(expires);
                }

                yield return new V1.AgentEvent { At = at, Offer = offer };
                break;
            case AgentEventType.OfferRescinded:
                yield return new V1.AgentEvent { At = at, OfferRescinded = new V1.OfferRescinded { CallId = e.CallId ?? "" } };
                break;
            default:
                yield return new V1.AgentEvent
                {
                    At = at,
                    StateChanged = new V1.StateChanged { State = ToProto(e.State), PauseReason = ToProto(e.PauseReason) },
                };
                if (e.State == AgentState.WrapUp)
                {
                    yield return new V1.AgentEvent { At = at, CallEnded = new V1.CallEnded { CallId = e.CallId ?? "" } };
                    yield return new V1.AgentEvent { At = at, WrapUpStarted = new V1.WrapUpStarted { CallId = e.CallId ?? "" } };
                }

                break;
        }
    }
}
