using System.Globalization;
using Switchboard.Acd.Agents;

namespace Switchboard.Acd.Store;

public sealed partial class AcdStore
{
    /// <summary>
    /// Makes the agent ready (logs in if logged out; ends a pause or wrap-up; resets the missed count) and offers
    /// them the longest-waiting eligible caller of their queues, if any.
    /// </summary>
    public Task<AcdCommandResult> ReadyAsync(string agentId, CancellationToken cancellationToken = default) =>
        CommandAsync(AcdScripts.Ready, [AcdNames.Check(agentId, "agent id")], cancellationToken);

    /// <summary>Pauses a logged-in agent who is not holding an offer or a call (a logged-out agent logs in paused).</summary>
    public Task<AcdCommandResult> PauseAsync(string agentId, PauseReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == PauseReason.None || !Enum.IsDefined(reason))
        {
            throw new ArgumentException("A pause needs a reason.", nameof(reason));
        }

        return CommandAsync(AcdScripts.Pause, [AcdNames.Check(agentId, "agent id"), reason.ToString()], cancellationToken);
    }

    /// <summary>Logs the agent out (not while holding an offer or a call).</summary>
    public Task<AcdCommandResult> LogoutAsync(string agentId, CancellationToken cancellationToken = default) =>
        CommandAsync(AcdScripts.Logout, [AcdNames.Check(agentId, "agent id")], cancellationToken);

    /// <summary>
    /// The agent accepts the offer of <paramref name="callId"/>: agent OnCall, and the node that owns the call gets
    /// <see cref="Events.CallEventType.Accepted"/> with the agent's SIP address to dial. A callback (no caller on the
    /// line) is taken over by this node (<see cref="AcdOptions.NodeId"/>), which is alive, whichever node enqueued it.
    /// </summary>
    /// <remarks>
    /// Idempotent: a retry after a timeout (the script may have run) answers what the first run answered, and the
    /// same agent accepting a call that is already theirs (Accepted or Answered) gets <see cref="AcdCommandResult.Ok"/>
    /// again while nothing changes (an agent's client that retried after its own timeout is told it has the call). The
    /// node holding the call must acknowledge the notice (<see cref="AcknowledgeAcceptedAsync"/>); until it does, the
    /// scheduler sends it again every <see cref="AcdOptions.NoticeAckTimeout"/>, at most
    /// <see cref="AcdOptions.NoticeResends"/> times, and then puts the caller back at their place.
    /// </remarks>
    public Task<AcdCommandResult> AcceptAsync(string agentId, string callId, CancellationToken cancellationToken = default) =>
        CommandAsync(
            AcdScripts.Accept,
            [
                AcdNames.Check(agentId, "agent id"), AcdNames.Check(callId, "call id"), Options.NodeId, NewOperationId(),
                ((long)Options.NoticeAckTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                Options.NoticeResends.ToString(CultureInfo.InvariantCulture),
            ],
            cancellationToken);

    /// <summary>
    /// Publishes an agent's hang-up request (<paramref name="payload"/>, the call-control command) on
    /// <paramref name="channel"/> for the node holding <paramref name="callId"/>, and, while the call is that agent's,
    /// keeps it: until the call ends the scheduler publishes it again every <see cref="AcdOptions.NoticeAckTimeout"/>,
    /// at most <see cref="AcdOptions.NoticeResends"/> times. Returns how many subscribers got it now.
    /// </summary>
    public async Task<long> RequestHangUpAsync(string callId, string agentId, string channel, string payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(payload);
        var result = await EvalAsync(
            AcdScripts.HangUpRequest,
            [
                AcdNames.Check(callId, "call id"), AcdNames.Check(agentId, "agent id"), channel, payload,
                ((long)Options.NoticeAckTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                Options.NoticeResends.ToString(CultureInfo.InvariantCulture),
            ],
            cancellationToken).ConfigureAwait(false);
        return (long)result;
    }

    /// <summary>
    /// The node holding <paramref name="callId"/> got the <c>accepted</c> notice for <paramref name="agentId"/> and takes
    /// the call over. True only for the first acknowledgement of that accept: act on the notice (dial the agent). False
    /// for a re-sent copy, or when the call was meanwhile put back in the queue, rejected or ended: ignore the notice.
    /// </summary>
    /// <remarks>Idempotent: a retry after a timeout (the script may have run) answers what the first run answered.</remarks>
    public async Task<bool> AcknowledgeAcceptedAsync(string callId, string agentId, CancellationToken cancellationToken = default)
    {
        var result = await EvalAsync(
            AcdScripts.AckAccepted,
            [AcdNames.Check(callId, "call id"), AcdNames.Check(agentId, "agent id"), NewOperationId()],
            cancellationToken).ConfigureAwait(false);
        return (int)result == 0;
    }

    /// <summary>
    /// The agent rejects the offer (also use it when the agent's phone did not answer after accepting): the caller is
    /// re-offered with their place kept. Counts as a missed offer: after <c>MaxNoAnswer</c> in a row the agent is
    /// paused with <see cref="PauseReason.Missed"/>, otherwise ready again at the back of the idle order.
    /// </summary>
    /// <remarks>Idempotent: a retry after a timeout (the script may have run) answers what the first run answered.</remarks>
    public Task<AcdCommandResult> RejectAsync(string agentId, string callId, CancellationToken cancellationToken = default) =>
        CommandAsync(AcdScripts.Reject, [AcdNames.Check(agentId, "agent id"), AcdNames.Check(callId, "call id"), NewOperationId()], cancellationToken);

    /// <summary>Ends the agent's wrap-up early, recording an outcome (e.g. resolved, forwarded); the agent becomes ready.</summary>
    public Task<AcdCommandResult> EndWrapUpAsync(string agentId, string? outcome = null, CancellationToken cancellationToken = default) =>
        CommandAsync(AcdScripts.EndWrapUp, [AcdNames.Check(agentId, "agent id"), AcdNames.Text(outcome, "outcome")], cancellationToken);
}
