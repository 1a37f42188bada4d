namespace Switchboard.Acd.Queues;

/// <summary>A waiting caller's position and estimated wait, for announcements.</summary>
/// <param name="Queue">The queue the caller is in now (after any overflow).</param>
/// <param name="Position">1 = next in line; 0 = being offered to or connected with an agent.</param>
/// <param name="EstimatedWait">Estimated time until an agent takes the call; null when no agent is staffed.</param>
/// <param name="AgentsStaffed">Agents logged in and not paused in the queue.</param>
public sealed record QueuePosition(string Queue, int Position, TimeSpan? EstimatedWait, int AgentsStaffed);
