using System.Text.Json.Serialization;

namespace Switchboard.Acd.Notices;

/// <summary>
/// Something an agent's event stream must show that the ACD's own agent events do not carry (a call connected, a
/// transfer's result, a callback claimed, completed or cancelled), sent between nodes by <see cref="AgentNoticeStore"/>
/// as JSON. The API maps each notice to its public event at the gRPC edge; nodes never exchange the public messages.
/// </summary>
/// <param name="At">When it happened.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CallConnectedNotice), "call_connected")]
[JsonDerivedType(typeof(TransferResultNotice), "transfer_result")]
[JsonDerivedType(typeof(CallbackClaimedNotice), "callback_claimed")]
[JsonDerivedType(typeof(CallbackCompletedNotice), "callback_completed")]
[JsonDerivedType(typeof(CallbackCancelledNotice), "callback_cancelled")]
public abstract record AgentNotice(DateTimeOffset At);
