namespace Switchboard.Calls.Flow;

/// <summary>Whom an outbound leg calls.</summary>
public abstract record LegDestination;
