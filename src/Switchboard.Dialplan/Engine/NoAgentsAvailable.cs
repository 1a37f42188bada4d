namespace Switchboard.Dialplan.Engine;

/// <summary>The ACD reports that no agent with the queue's skill is logged in; the queue's <c>no_agents</c> applies.</summary>
public sealed record NoAgentsAvailable : IvrEvent;
