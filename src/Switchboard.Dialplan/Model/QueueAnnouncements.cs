namespace Switchboard.Dialplan.Model;

/// <summary>How often a waiting caller hears their position and the estimated wait (null: never).</summary>
public sealed record QueueAnnouncements(TimeSpan? PositionEvery, TimeSpan? WaitEvery);
