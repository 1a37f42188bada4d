namespace Switchboard.Calls.Effects;

/// <summary>Tell the ACD the agent's phone (or the called-back citizen) answered.</summary>
public sealed record MarkAnswered : CallEffect;
