namespace Switchboard.Calls.Effects;

/// <summary>Ask the ACD for the caller's place; reply <see cref="Events.PositionPolled"/>.</summary>
public sealed record PollPosition : StoreRequest;
