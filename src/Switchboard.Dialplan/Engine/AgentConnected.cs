namespace Switchboard.Dialplan.Engine;

/// <summary>An agent answered; the IVR's part of the call is over.</summary>
public sealed record AgentConnected : IvrEvent;
