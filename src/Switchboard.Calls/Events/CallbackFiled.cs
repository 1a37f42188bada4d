namespace Switchboard.Calls.Events;

/// <summary>Reply to <see cref="Effects.FileCallback"/>: null refusal when the callback was recorded.</summary>
/// <param name="Refusal">Why it was refused (invalid number, daily limit, store away), or null.</param>
public sealed record CallbackFiled(string? Refusal) : CallEvent;
