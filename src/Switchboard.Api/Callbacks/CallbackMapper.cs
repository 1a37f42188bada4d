using Google.Protobuf.WellKnownTypes;
using Switchboard.Acd.Callbacks;
using AgentV1 = Switchboard.Api.Agent.V1;
using SupervisorV1 = Switchboard.Api.Supervisor.V1;

namespace Switchboard.Api.Callbacks;

/// <summary>Maps stored callbacks (<see cref="CallbackEntry"/>) to the agent and supervisor API messages.</summary>
public static class CallbackMapper
{
    /// <summary>The agent API's view of a callback.</summary>
    public static AgentV1.Callback ToAgent(CallbackEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var proto = new AgentV1.Callback
        {
            CallbackId = entry.Id,
            Queue = entry.Queue,
            Number = entry.Number ?? string.Empty,
            State = (AgentV1.CallbackState)StateNumber(entry.State),
            Outcome = (AgentV1.CallbackOutcome)OutcomeNumber(entry.Outcome),
            RequestedAt = Timestamp.FromDateTimeOffset(entry.RequestedAt),
            Place = Timestamp.FromDateTimeOffset(entry.Place),
            ExpiresAt = Timestamp.FromDateTimeOffset(entry.ExpiresAt),
            Attempts = entry.Attempts,
            MaxAttempts = entry.MaxAttempts,
            AgentId = entry.AgentId ?? string.Empty,
            Requests = entry.Requests,
        };
        if (entry.NextAttemptAt is { } next)
        {
            proto.NextAttemptAt = Timestamp.FromDateTimeOffset(next);
        }

        return proto;
    }

    /// <summary>The supervisor API's view of a callback.</summary>
    public static SupervisorV1.Callback ToSupervisor(CallbackEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var proto = new SupervisorV1.Callback
        {
            CallbackId = entry.Id,
            Queue = entry.Queue,
            Number = entry.Number ?? string.Empty,
            State = (SupervisorV1.CallbackState)StateNumber(entry.State),
            Outcome = (SupervisorV1.CallbackOutcome)OutcomeNumber(entry.Outcome),
            RequestedAt = Timestamp.FromDateTimeOffset(entry.RequestedAt),
            Place = Timestamp.FromDateTimeOffset(entry.Place),
            ExpiresAt = Timestamp.FromDateTimeOffset(entry.ExpiresAt),
            Attempts = entry.Attempts,
            MaxAttempts = entry.MaxAttempts,
            AgentId = entry.AgentId ?? string.Empty,
            Requests = entry.Requests,
        };
        if (entry.NextAttemptAt is { } next)
        {
            proto.NextAttemptAt = Timestamp.FromDateTimeOffset(next);
        }

        if (entry.ClosedAt is { } closed)
        {
            proto.ClosedAt = Timestamp.FromDateTimeOffset(closed);
        }

        return proto;
    }

    /// <summary>The store's outcome for an API outcome (both protos number them alike); null when unknown.</summary>
    public static CallbackOutcome? ToStore(AgentV1.CallbackOutcome outcome) => outcome switch
    {
        AgentV1.CallbackOutcome.Unspecified or AgentV1.CallbackOutcome.Completed => CallbackOutcome.Completed,
        AgentV1.CallbackOutcome.Answered => CallbackOutcome.Answered,
        AgentV1.CallbackOutcome.NoAnswer => CallbackOutcome.NoAnswer,
        AgentV1.CallbackOutcome.Busy => CallbackOutcome.Busy,
        AgentV1.CallbackOutcome.Failed => CallbackOutcome.Failed,
        AgentV1.CallbackOutcome.Unreachable => CallbackOutcome.Unreachable,
        AgentV1.CallbackOutcome.Cancelled => CallbackOutcome.Cancelled,
        AgentV1.CallbackOutcome.Expired => CallbackOutcome.Expired,
        _ => null,
    };

    private static int StateNumber(CallbackState state) => state switch
    {
        CallbackState.Pending => 1,
        CallbackState.Dialling => 2,
        CallbackState.RetryWaiting => 3,
        CallbackState.Closed => 4,
        _ => 0,
    };

    private static int OutcomeNumber(CallbackOutcome outcome) => outcome switch
    {
        CallbackOutcome.Answered => 1,
        CallbackOutcome.NoAnswer => 2,
        CallbackOutcome.Busy => 3,
        CallbackOutcome.Failed => 4,
        CallbackOutcome.Unreachable => 5,
        CallbackOutcome.Cancelled => 6,
        CallbackOutcome.Completed => 7,
        CallbackOutcome.Expired => 8,
        _ => 0,
    };
}
