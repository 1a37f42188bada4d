namespace Switchboard.Calls.Effects;

/// <summary>A transfer nobody answered: the ACD takes the caller back in their queue; reply <see cref="Events.ReturnedToQueue"/>.</summary>
public sealed record ReturnToQueue(string Target) : StoreRequest;
