namespace Switchboard.Calls.Flow;

/// <summary>Where an agent wants the caller transferred, as the host's number policy resolved it.</summary>
public abstract record TransferDestination
{
    /// <summary>What to show in logs, events and reports (queue id, E.164 number or SIP URI).</summary>
    public abstract string Display { get; }
}
