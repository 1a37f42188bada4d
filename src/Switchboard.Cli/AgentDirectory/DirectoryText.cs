using System.Globalization;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Cli.AgentDirectory;

/// <summary>How <c>sbctl supervisor agents list|show</c> print directory entries.</summary>
internal static class DirectoryText
{
    public const string Header = "AGENT            NAME                   PHONE            QUEUES                   SKILLS                   LANGUAGES  ENABLED";

    public static string Line(DirectoryAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return string.Create(CultureInfo.InvariantCulture,
            $"{agent.AgentId,-16} {agent.DisplayName,-22} {agent.PhoneUser,-16} {string.Join(",", agent.Queues),-24} {Skills(agent),-24} {string.Join(",", agent.Languages),-10} {(agent.Enabled ? "yes" : "no")}");
    }

    public static string Details(DirectoryAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return string.Join(Environment.NewLine,
            $"agent:      {agent.AgentId}",
            $"name:       {agent.DisplayName}",
            $"phone:      {agent.PhoneUser} (password {(agent.PhonePasswordSet ? "set" : "not set")})",
            $"queues:     {string.Join(", ", agent.Queues)}",
            $"skills:     {Skills(agent)}",
            $"languages:  {string.Join(", ", agent.Languages)}",
            $"enabled:    {(agent.Enabled ? "yes" : "no")}",
            string.Create(CultureInfo.InvariantCulture, $"version:    {agent.Version} (by {agent.UpdatedBy}, {agent.UpdatedAt?.ToDateTimeOffset():yyyy-MM-dd HH:mm:ss} UTC)"));
    }

    public static string Skills(DirectoryAgent agent) =>
        string.Join(",", agent.Skills.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name}={s.Level}")));
}
