namespace Switchboard.Dialplan.Model;

/// <summary>After <paramref name="After"/> in the queue the caller is moved on by <paramref name="Then"/> (callback, queue:x, transfer:x, hangup).</summary>
public sealed record MaxWaitPolicy(TimeSpan After, DialplanAction Then);
