using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Events;

/// <summary>The leg's phone sent REFER (RFC 3515): transfer the other party to <paramref name="Target"/>. Answer with <see cref="Effects.AnswerRefer"/>.</summary>
/// <param name="Leg">The leg that sent it.</param>
/// <param name="Target">The Refer-To URI (a <c>sip:</c> URI, or a number the resolver turns into one).</param>
public sealed record ReferReceived(LegId Leg, string Target) : CallEvent;
