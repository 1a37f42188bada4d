namespace Switchboard.Api.Supervisors;

/// <summary>Live figures of one queue (svarsgrupp) for the wallboard and <c>WatchStatistics</c>.</summary>
/// <param name="Queue">The queue.</param>
/// <param name="Waiting">Callers waiting now (enqueued, not yet answered; callback requests not counted).</param>
/// <param name="LongestWait">Wait of the caller waiting longest (from the place in the queue).</param>
/// <param name="AgentsReady">Members ready for an offer.</param>
/// <param name="AgentsOnCall">Members with an offer out or on a call.</param>
/// <param name="AgentsWrapUp">Members in after-call work.</param>
/// <param name="AgentsPaused">Members paused.</param>
/// <param name="AnsweredToday">Calls that arrived today (local day) and were answered.</param>
/// <param name="AbandonedToday">Calls that arrived today and were abandoned (short abandons not counted).</param>
/// <param name="ShortAbandonedToday">Short abandons today (under the short-abandon threshold).</param>
/// <param name="ServiceLevelToday">Answered within the threshold / answered, today; null when nothing was answered.</param>
public sealed record LiveQueueFigures(
    string Queue,
    int Waiting,
    TimeSpan LongestWait,
    int AgentsReady,
    int AgentsOnCall,
    int AgentsWrapUp,
    int AgentsPaused,
    long AnsweredToday,
    long AbandonedToday,
    long ShortAbandonedToday,
    double? ServiceLevelToday);
