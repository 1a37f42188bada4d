using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Events;

/// <summary>The caller's ACK confirmed our 200 OK (RFC 3261 §13.3.1.4): media may start, the IVR runs.</summary>
/// <param name="Leg">The leg (the caller's).</param>
/// <param name="Codec">The negotiated codec, for logs.</param>
public sealed record LegConfirmed(LegId Leg, string Codec) : CallEvent;
