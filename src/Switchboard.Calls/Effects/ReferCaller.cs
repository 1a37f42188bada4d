namespace Switchboard.Calls.Effects;

/// <summary>Blind transfer from the IVR (RFC 3515): ask the caller's phone to call <paramref name="Target"/>; the call then ends.</summary>
public sealed record ReferCaller(string Target) : CallEffect;
