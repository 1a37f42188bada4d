using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Events;

/// <summary>The leg's phone took us off hold (a new offer that lets it receive again).</summary>
public sealed record LegResumed(LegId Leg) : CallEvent;
