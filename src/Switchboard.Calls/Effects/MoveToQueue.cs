using Switchboard.Dialplan.Model;

namespace Switchboard.Calls.Effects;

/// <summary>An agent's transfer to another queue: the ACD moves the call there at its original place; reply <see cref="Events.QueueTransferAnswered"/>.</summary>
public sealed record MoveToQueue(QueueDefinition Queue, string Language) : StoreRequest;
