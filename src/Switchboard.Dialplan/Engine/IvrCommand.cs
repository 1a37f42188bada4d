namespace Switchboard.Dialplan.Engine;

/// <summary>Something the call session must do, returned by <see cref="IvrSession.Handle"/>.</summary>
public abstract record IvrCommand;
