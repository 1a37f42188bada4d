namespace Switchboard.Dialplan.Engine;

/// <summary>Cancel the timer <paramref name="Name"/> if it runs.</summary>
public sealed record CancelTimer(string Name) : IvrCommand;
