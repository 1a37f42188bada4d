namespace Switchboard.Calls.Flow;

/// <summary>The call flow's settings (fixed for a node).</summary>
public sealed record CallFlowOptions
{
    /// <summary>How often a waiting caller's place is read again from the ACD.</summary>
    public TimeSpan PositionPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an agent's phone rings when the queue sets no offer timeout.</summary>
    public TimeSpan AgentRingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a transfer target rings when the agent's phone asked for the transfer (REFER).</summary>
    public TimeSpan ReferRingTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Turns a REFER's Refer-To into a destination under the host's number policy (toll-fraud guard). Pure: no I/O.
    /// Default: every REFER is refused.
    /// </summary>
    public Func<string, TransferDestination> ResolveReferTarget { get; init; } = target => new RefusedDestination(target, "transfers from the phone are not configured");
}
