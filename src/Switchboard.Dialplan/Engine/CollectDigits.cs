namespace Switchboard.Dialplan.Engine;

/// <summary>
/// Keys are now expected: if none arrives within <paramref name="Timeout"/>, send <see cref="TimerElapsed"/> named
/// <paramref name="TimerName"/> (a key cancels it; the engine also sends <see cref="CancelTimer"/>).
/// </summary>
public sealed record CollectDigits(TimeSpan Timeout, string TimerName) : IvrCommand;
