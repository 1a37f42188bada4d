namespace Switchboard.Calls.Events;

/// <summary>The node is stopping: end the call cleanly (BYE, ACD told).</summary>
public sealed record ShutdownRequested : CallEvent;
