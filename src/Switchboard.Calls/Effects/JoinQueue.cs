using Switchboard.Dialplan.Model;

namespace Switchboard.Calls.Effects;

/// <summary>Put the caller in the queue (a place remembered from an abandoned call is taken back); reply <see cref="Events.QueueJoined"/>.</summary>
public sealed record JoinQueue(QueueDefinition Queue, string Language) : StoreRequest;
