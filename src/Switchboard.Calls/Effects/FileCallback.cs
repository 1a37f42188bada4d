using Switchboard.Dialplan.Model;

namespace Switchboard.Calls.Effects;

/// <summary>Record the callback the caller confirmed; reply <see cref="Events.CallbackFiled"/>.</summary>
/// <param name="Queue">The queue it belongs to.</param>
/// <param name="Number">The number to call back.</param>
/// <param name="KeepPlace">The waiting call's place is taken over by the callback.</param>
/// <param name="Language">The caller's language.</param>
public sealed record FileCallback(QueueDefinition Queue, string Number, bool KeepPlace, string Language) : StoreRequest;
