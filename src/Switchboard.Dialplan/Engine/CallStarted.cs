namespace Switchboard.Dialplan.Engine;

/// <summary>The call was answered. <paramref name="Language"/> overrides the dialplan's default language when known.</summary>
public sealed record CallStarted(string CallerNumber, string? Language = null) : IvrEvent;
