namespace Switchboard.Dialplan.Engine;

/// <summary>End the call; <paramref name="Reason"/> is for logs.</summary>
public sealed record HangUp(string Reason) : IvrCommand;
