namespace Switchboard.Calls.Flow;

/// <summary>The citizen a callback calls, through the outbound trunk (the host knows the trunk, its credentials and caller id).</summary>
public sealed record CitizenViaTrunk(string Number) : LegDestination;
