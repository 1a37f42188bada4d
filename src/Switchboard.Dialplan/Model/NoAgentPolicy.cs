namespace Switchboard.Dialplan.Model;

/// <summary>No-agent behaviour written as <c>wait</c>, <c>callback</c>, <c>queue:&lt;other&gt;</c> or <c>closed</c>.</summary>
public sealed record NoAgentPolicy(NoAgentAction Action, string? Queue, SourceLocation Location)
{
    /// <summary>The default: wait.</summary>
    public static NoAgentPolicy Wait { get; } = new(NoAgentAction.Wait, null, SourceLocation.None);
}
