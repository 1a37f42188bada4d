namespace Switchboard.Calls.Events;

/// <summary>An agent or supervisor asked to end the call.</summary>
/// <param name="By">Who, for logs (e.g. <c>agent anna</c>).</param>
public sealed record HangUpRequested(string By) : CallEvent;
