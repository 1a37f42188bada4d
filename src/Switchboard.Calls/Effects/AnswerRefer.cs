using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Effects;

/// <summary>Answer the leg's pending REFER (RFC 3515 §2.4.2): 202 Accepted, or a refusal (403, 488 ...).</summary>
public sealed record AnswerRefer(LegId Leg, int StatusCode) : CallEffect;
