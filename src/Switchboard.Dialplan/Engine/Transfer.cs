namespace Switchboard.Dialplan.Engine;

/// <summary>Blind transfer to <paramref name="Target"/> (a number or SIP URI).</summary>
public sealed record Transfer(string Target) : IvrCommand;
