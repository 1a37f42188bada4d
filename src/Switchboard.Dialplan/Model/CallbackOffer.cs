namespace Switchboard.Dialplan.Model;

/// <summary>After <paramref name="After"/> in the queue the caller is offered a callback (keeping their place) with <paramref name="Key"/>.</summary>
/// <param name="After">Wait before the offer.</param>
/// <param name="Key">The key that takes it.</param>
/// <param name="WhenNodeLost">A caller whose node dies while they wait gets a callback at their place (<c>when_node_lost</c>).</param>
public sealed record CallbackOffer(TimeSpan After, char Key, bool WhenNodeLost = true);
