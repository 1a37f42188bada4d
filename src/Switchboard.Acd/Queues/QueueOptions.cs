namespace Switchboard.Acd.Queues;

/// <summary>
/// A queue's routing settings. The server maps the dialplan's queue settings onto this and calls
/// <c>AcdStore.ConfigureQueueAsync</c>; settings are stored in Redis so every node routes alike.
/// </summary>
public sealed record QueueOptions
{
    /// <summary>Queue (svarsgrupp) name.</summary>
    public required string Name { get; init; }

    /// <summary>How long an agent has to accept an offer.</summary>
    public TimeSpan OfferTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>After-call work time; the agent becomes ready automatically when it ends. Zero: ready at once.</summary>
    public TimeSpan WrapUpTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Missed offers in a row before the agent is paused with reason missed. 0 disables.</summary>
    public int MaxNoAnswer { get; init; } = 3;

    /// <summary>How long a caller waits for an agent speaking their language before any agent will do.</summary>
    public TimeSpan LanguageFallbackAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Escalation steps by wait time, applied in order of <see cref="EscalationStep.After"/>.</summary>
    public IReadOnlyList<EscalationStep> Escalations { get; init; } = [];

    /// <summary>What to do with a new caller when no member is logged in.</summary>
    public NoAgentBehaviour NoAgents { get; init; } = NoAgentBehaviour.Wait;

    /// <summary>The queue used for <see cref="NoAgentBehaviour.Overflow"/>.</summary>
    public string? NoAgentOverflowQueue { get; init; }

    /// <summary>
    /// A waiting caller whose node dies (or drains past its deadline) before they were connected is offered a callback
    /// at their original place, when their number passes the callback number policy (<c>CallbackStore.SweepAsync</c>).
    /// </summary>
    public bool CallbackWhenNodeLost { get; init; }
}
