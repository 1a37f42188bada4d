namespace Switchboard.Calls.Flow;

/// <summary>A transfer target: <paramref name="Destination"/>'s URI, showing <paramref name="ShownNumber"/> as the caller.</summary>
public sealed record ExternalParty(ExternalDestination Destination, string ShownNumber) : LegDestination;
