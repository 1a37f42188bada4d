namespace Switchboard.Calls.States;

/// <summary>Music on hold played by the call flow (transfer, agent's hold).</summary>
public sealed record HoldMusic(int PlaybackId) : CallerAudio;
