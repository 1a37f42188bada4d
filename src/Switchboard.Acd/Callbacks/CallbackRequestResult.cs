namespace Switchboard.Acd.Callbacks;

/// <summary>The answer to <see cref="CallbackStore.RequestAsync"/>.</summary>
/// <param name="Outcome">Created, updated or why refused.</param>
/// <param name="CallbackId">The (new or existing) callback's id; null when refused.</param>
/// <param name="Validation">The number's validation (normalised E.164 or refusal reason).</param>
/// <param name="Place">The place kept in the queue; null when refused.</param>
public sealed record CallbackRequestResult(
    CallbackRequestOutcome Outcome,
    string? CallbackId,
    PhoneNumberValidation Validation,
    DateTimeOffset? Place)
{
    /// <summary>True when a callback is (now) open for the number.</summary>
    public bool Accepted => Outcome is CallbackRequestOutcome.Created or CallbackRequestOutcome.Updated;
}
