namespace Switchboard.Calls.Effects;

/// <summary>The call is over: release everything that is left. Always the last effect.</summary>
public sealed record FinishCall(string Reason) : CallEffect;
