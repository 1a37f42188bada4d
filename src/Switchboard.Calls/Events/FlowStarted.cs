namespace Switchboard.Calls.Events;

/// <summary>The executor is ready: a callback flow dials the agent; an inbound flow waits for the caller's ACK.</summary>
public sealed record FlowStarted : CallEvent;
