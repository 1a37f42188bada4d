namespace Switchboard.Acd.Queues;

/// <summary>A queue at a glance, for supervisors and wallboards.</summary>
/// <param name="Queue">Queue name.</param>
/// <param name="Waiting">Callers and callbacks waiting (not yet offered).</param>
/// <param name="OldestPlace">Place of the first caller in line (priority, then place), if any.</param>
/// <param name="AgentsLoggedIn">Members logged in (any state but logged out).</param>
/// <param name="AgentsStaffed">Members logged in and not paused.</param>
/// <param name="AgentsReady">Members ready for an offer now.</param>
public sealed record QueueStatus(string Queue, int Waiting, DateTimeOffset? OldestPlace, int AgentsLoggedIn, int AgentsStaffed, int AgentsReady);
