using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Events;

/// <summary>No RTP or RTCP from the leg for the media layer's inactivity timeout: the far end is probably gone.</summary>
public sealed record MediaTimedOut(LegId Leg) : CallEvent;
