using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Events;

/// <summary>The leg's phone put us on hold (re-INVITE or UPDATE with <c>a=sendonly</c> or <c>a=inactive</c>, RFC 3264 §8.4).</summary>
public sealed record LegHeld(LegId Leg) : CallEvent;
