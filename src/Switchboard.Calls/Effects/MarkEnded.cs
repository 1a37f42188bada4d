namespace Switchboard.Calls.Effects;

/// <summary>Tell the ACD a connected call ended (the agent goes to wrap-up).</summary>
public sealed record MarkEnded : CallEffect;
