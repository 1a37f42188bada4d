namespace Switchboard.Calls.Events;

/// <summary>Reply to <see cref="Effects.ReturnToQueue"/>: whether the ACD took the caller back after a transfer nobody answered.</summary>
public sealed record ReturnedToQueue(bool Succeeded) : CallEvent;
