namespace Switchboard.Calls.Effects;

/// <summary>The caller leaves the queue unserved; with <paramref name="RememberPlace"/> (they hung up) the place is kept for the resume window.</summary>
public sealed record LeaveQueue(bool RememberPlace) : CallEffect;
