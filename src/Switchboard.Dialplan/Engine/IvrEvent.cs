namespace Switchboard.Dialplan.Engine;

/// <summary>Something that happened to the call, fed into <see cref="IvrSession.Handle"/>.</summary>
public abstract record IvrEvent;
