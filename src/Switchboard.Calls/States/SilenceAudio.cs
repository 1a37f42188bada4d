namespace Switchboard.Calls.States;

/// <summary>Nothing plays to the caller.</summary>
public sealed record SilenceAudio : CallerAudio;
