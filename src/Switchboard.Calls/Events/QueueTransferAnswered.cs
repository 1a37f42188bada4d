namespace Switchboard.Calls.Events;

/// <summary>Reply to <see cref="Effects.MoveToQueue"/>.</summary>
/// <param name="Succeeded">The ACD moved the call to the target queue.</param>
/// <param name="Detail">The ACD's result, for the agent's report.</param>
public sealed record QueueTransferAnswered(bool Succeeded, string Detail) : CallEvent;
