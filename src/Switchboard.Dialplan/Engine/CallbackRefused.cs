namespace Switchboard.Dialplan.Engine;

/// <summary>
/// The callback the caller just confirmed (<see cref="RequestCallback"/>) was refused (number not accepted, daily limit,
/// or the store unavailable): the confirmation is not played; the caller hears <c>callback_invalid_number</c> and may
/// key in another number (three tries), then goes back to waiting (kept place) or hears goodbye.
/// </summary>
/// <param name="Reason">Why, for logs.</param>
public sealed record CallbackRefused(string Reason) : IvrEvent;
