namespace Switchboard.Acd.Queues;

/// <summary>What waits in a queue.</summary>
public enum QueueEntryKind
{
    /// <summary>A live caller held by one node; removed if that node dies.</summary>
    Call,

    /// <summary>A promised callback; survives any node's death and keeps its place.</summary>
    Callback,
}
