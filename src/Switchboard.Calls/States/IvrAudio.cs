namespace Switchboard.Calls.States;

/// <summary>A prompt the IVR asked for; its end goes back to the IVR.</summary>
public sealed record IvrAudio(int PlaybackId) : CallerAudio;
