namespace Switchboard.Calls.Effects;

/// <summary>Append a transfer event to the ACD stream (statistics).</summary>
/// <param name="Kind"><c>transfer_started</c>, <c>transfer_answered</c> or <c>transfer_not_answered</c>.</param>
/// <param name="Fields">The event's fields (call, queue, agent, target, ring, returned_to, reason).</param>
public sealed record RecordTransfer(string Kind, IReadOnlyList<KeyValuePair<string, string>> Fields) : CallEffect;
