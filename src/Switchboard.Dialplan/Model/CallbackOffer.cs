namespace Switchboard.Dialplan.Model;

/// <summary>After <paramref name="After"/> in the queue the caller is offered a callback (keeping their place) with <paramref name="Key"/>.</summary>
public sealed record CallbackOffer(TimeSpan After, char Key);
