using System.Diagnostics;

namespace Switchboard.Server.Calls;

/// <summary>
/// Spans of the ACD as a call sees it, on the <see cref="ActivitySource"/> <see cref="SourceName"/>: each store request
/// (<c>ACD JoinQueue</c>, <c>ACD PollPosition</c>, ...) and notification (<c>ACD MarkAnswered</c>, ...) the call makes, and
/// each routing event the ACD sends about it (<c>ACD Offered</c>, <c>ACD Accepted</c> with the agent id, <c>ACD Overflowed</c>,
/// <c>ACD Requeued</c>), as children of the call's current step (<see cref="CallTrace"/>), and each offer as a span with
/// its outcome (<see cref="AcdOfferSpan"/>).
/// </summary>
internal static class AcdTracing
{
    /// <summary>The activity source name to subscribe to.</summary>
    public const string SourceName = "Switchboard.Acd";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts a span under the ambient one (the call's step); null when nobody listens.</summary>
    public static Activity? Start(string operation) =>
        Source.HasListeners() ? Source.StartActivity("ACD " + operation, ActivityKind.Client) : null;

    /// <summary>Starts an offer's span under <paramref name="parent"/> without making it ambient; null when nobody listens.</summary>
    public static Activity? StartOffer(ActivityContext parent, string callId, string? agentId)
    {
        if (!Source.HasListeners() || parent == default)
        {
            return null;
        }

        var previous = Activity.Current;
        var activity = Source.StartActivity("ACD Offer", ActivityKind.Consumer, parent);
        activity?.SetTag("switchboard.call_id", callId);
        activity?.SetTag("switchboard.agent_id", agentId);
        Activity.Current = previous;
        return activity;
    }

    /// <summary>Records a routing event about a call as a finished span under <paramref name="parent"/>.</summary>
    public static void Event(string type, ActivityContext parent, string callId, string? agentId)
    {
        if (!Source.HasListeners() || parent == default)
        {
            return;
        }

        var previous = Activity.Current;
        var activity = Source.StartActivity("ACD " + type, ActivityKind.Consumer, parent);
        activity?.SetTag("switchboard.call_id", callId);
        activity?.SetTag("switchboard.agent_id", agentId);
        activity?.Stop();
        Activity.Current = previous;
    }
}
