namespace Switchboard.Dialplan.Engine;

/// <summary>Stop whatever plays now.</summary>
public sealed record StopPlayback : IvrCommand;
