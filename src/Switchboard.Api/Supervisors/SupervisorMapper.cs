using Google.Protobuf.WellKnownTypes;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Dialplans;
using Switchboard.Api.Dialplans;
using V1 = Switchboard.Api.Supervisor.V1;

namespace Switchboard.Api.Supervisors;

/// <summary>Maps ACD and store records to the <c>switchboard.supervisor.v1</c> contract.</summary>
public static class SupervisorMapper
{
    /// <summary>An agent's status as a summary row.</summary>
    public static V1.AgentSummary ToSummary(AgentStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var summary = new V1.AgentSummary
        {
            AgentId = status.Agent.Id,
            DisplayName = status.Agent.Name,
            State = (V1.AgentState)(int)Agents.AgentMapper.ToProto(status.State),
            PauseReason = status.State == AgentState.Paused ? status.PauseReason.ToString().ToLowerInvariant() : "",
            StateSince = Timestamp.FromDateTimeOffset(status.StateSince),
            CallId = status.CallId ?? "",
            PhoneUser = status.Agent.PhoneUser,
        };
        summary.Queues.AddRange(status.Agent.Queues);
        return summary;
    }

    /// <summary>A version record.</summary>
    public static V1.DialplanVersion ToProto(DialplanVersionInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new V1.DialplanVersion
        {
            Sequence = info.Sequence,
            ContentHash = info.ContentHash,
            PublishedBy = info.PublishedBy,
            PublishedAt = Timestamp.FromDateTimeOffset(info.PublishedAt),
            ChangeSummary = info.ChangeSummary,
            Comment = info.Comment,
            RollbackOf = info.RollbackOf,
        };
    }

    /// <summary>A validation finding.</summary>
    public static V1.DialplanProblem ToProto(DialplanFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new V1.DialplanProblem
        {
            Severity = finding.IsError ? "error" : "warning",
            Message = finding.Message,
            Line = finding.Line,
            Column = finding.Column,
        };
    }
}
