namespace Switchboard.Acd.Agents;

/// <summary>Why an agent is paused.</summary>
public enum PauseReason
{
    /// <summary>Not paused.</summary>
    None,
    Lunch,
    Meeting,
    Training,

    /// <summary>Set by the ACD after <see cref="Queues.QueueOptions.MaxNoAnswer"/> missed offers in a row.</summary>
    Missed,
    Other,
}
