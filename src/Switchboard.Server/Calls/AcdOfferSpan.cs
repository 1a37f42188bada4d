using System.Diagnostics;

namespace Switchboard.Server.Calls;

/// <summary>
/// The span of one ACD offer of a call (<c>ACD Offer</c>, on <see cref="AcdTracing.SourceName"/>): from the ACD's
/// <c>offered</c> notice until the agent accepts, rejects or lets it time out (tag <c>switchboard.offer.outcome</c>:
/// <c>accepted</c>, <c>rejected</c>, <c>timeout</c>, or <c>call_ended</c> when the caller left first), a child of the
/// call's step (<c>Queued</c>). Started and ended from the node's call-event loop, ended by the call when it ends.
/// </summary>
internal sealed class AcdOfferSpan
{
    private Activity? _offer;

    /// <summary>Starts the span of an offer to <paramref name="agentId"/>; a previous one still open ends as superseded.</summary>
    public void Start(ActivityContext parent, string callId, string? agentId) =>
        End(Interlocked.Exchange(ref _offer, AcdTracing.StartOffer(parent, callId, agentId)), "superseded");

    /// <summary>Ends the open offer span, if any, with <paramref name="outcome"/>.</summary>
    public void End(string outcome) => End(Interlocked.Exchange(ref _offer, null), outcome);

    private static void End(Activity? offer, string outcome)
    {
        if (offer is null)
        {
            return;
        }

        offer.SetTag("switchboard.offer.outcome", outcome);
        offer.Stop();
    }
}
