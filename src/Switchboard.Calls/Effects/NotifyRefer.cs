using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Effects;

/// <summary>Report a REFER's outcome to the phone that sent it (NOTIFY with <c>message/sipfrag</c>, RFC 3515 §2.4.4): the target's final status.</summary>
public sealed record NotifyRefer(LegId Leg, int StatusCode) : CallEffect;
