using Google.Protobuf.WellKnownTypes;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Directory;
using V1 = Switchboard.Api.Supervisor.V1;

namespace Switchboard.Api.Supervisors;

/// <summary>Agent directory entries between the ACD's <see cref="DirectoryAgent"/> and the supervisor proto (no secrets out).</summary>
internal static class DirectoryMapper
{
    public static V1.DirectoryAgent ToProto(DirectoryAgent agent)
    {
        var proto = new V1.DirectoryAgent
        {
            AgentId = agent.Id,
            DisplayName = agent.DisplayName,
            PhoneUser = agent.PhoneUser,
            Enabled = agent.Enabled,
            PhonePasswordSet = agent.PhoneSecret is not null,
            UpdatedBy = agent.UpdatedBy,
            UpdatedAt = Timestamp.FromDateTimeOffset(agent.UpdatedAt),
            Version = agent.Version,
        };
        proto.Queues.AddRange(agent.Queues);
        proto.Skills.AddRange(agent.Skills.Select(s => new V1.DirectorySkill { Name = s.Name, Level = s.Level }));
        proto.Languages.AddRange(agent.Languages);
        return proto;
    }

    /// <summary>The entry a request describes (output-only fields dropped), keeping <paramref name="secret"/>.</summary>
    public static DirectoryAgent ToStore(V1.DirectoryAgent proto, PhoneSecret? secret) =>
        new(
            proto.AgentId.Trim(),
            proto.DisplayName.Trim(),
            proto.PhoneUser.Trim(),
            [.. proto.Queues],
            [.. proto.Skills.Select(s => new AgentSkill(s.Name, s.Level))],
            [.. proto.Languages],
            proto.Enabled,
            secret);
}
