namespace Switchboard.Dialplan.Engine;

/// <summary>The ACD cannot be reached (Redis down): the caller hears the technical fault prompt.</summary>
public sealed record QueueUnavailable : IvrEvent;
