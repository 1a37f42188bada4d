using Switchboard.Calls.Flow;

namespace Switchboard.Calls.States;

/// <summary>The caller hears the leg they are bridged to.</summary>
public sealed record BridgedAudio(LegId With) : CallerAudio;
