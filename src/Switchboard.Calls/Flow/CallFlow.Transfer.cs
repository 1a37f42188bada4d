using System.Globalization;
using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.States;

namespace Switchboard.Calls.Flow;

/// <summary>
/// The transfer facet, one path for the API and for a REFER from the agent's phone. To a queue: the agent leaves, the
/// caller waits there at the original place. To an external target: the caller hears music, the target rings; answered,
/// caller and target are bridged and the agent leaves; not answered, the caller goes back to the agent (or the queue).
/// Every transfer ends in a result for the agent and <c>transfer_*</c> events for the statistics.
/// </summary>
public sealed partial class CallFlow
{
    private void OnReferReceived(ReferReceived refer)
    {
        if (State is not AgentCall call || refer.Leg != call.AgentLeg)
        {
            // Only the connected agent's phone may transfer; a caller's REFER must not dial anything (toll fraud).
            Emit(new AnswerRefer(refer.Leg, 403));
            return;
        }

        var destination = _options.ResolveReferTarget(refer.Target);
        Emit(new AnswerRefer(refer.Leg, destination is RefusedDestination ? 403 : 202));
        OnTransferRequested(new TransferRequested(call.AgentId, destination, _options.ReferRingTimeout, ReturnToQueueOnNoAnswer: false), refer.Leg);
    }

    private void OnTransferRequested(TransferRequested request, LegId? referredBy)
    {
        if (State is not AgentCall call || !string.Equals(call.AgentId, request.AgentId, StringComparison.Ordinal))
        {
            Emit(new TellAgent(new TransferResultNotice(request.AgentId, false, "refused: the call is not connected to this agent")));
            return;
        }

        switch (request.Destination)
        {
            case QueueDestination queue:
                if (_ivr?.Dialplan.Queues.TryGetValue(queue.QueueId, out var target) != true)
                {
                    Emit(new TellAgent(new TransferResultNotice(call.AgentId, false, $"refused: no queue '{queue.QueueId}'")));
                    return;
                }

                State = new MovingToQueue(call, target!);
                Emit(new MoveToQueue(target!, Language));
                return;
            case RefusedDestination refused:
                // Toll-fraud guard: nothing is dialled; the caller stays with the agent.
                Emit(new RecordTransfer("transfer_not_answered", TransferFields(call.Queue?.Id, call.AgentId, refused.Display,
                    ("returned_to", "agent"), ("reason", "refused: " + refused.Reason))));
                Emit(new TellAgent(new TransferResultNotice(call.AgentId, false, "refused: " + refused.Reason)));
                return;
            case ExternalDestination external:
                var leg = NextLeg(LegRole.Target);
                var attempt = new TransferAttempt(external, leg, _time.GetUtcNow(), request.ReturnToQueueOnNoAnswer, referredBy);
                State = new Transferring(call.Queue, call.AgentId, call.AgentLeg, attempt);
                Unbridge();
                Announce(["transfer_connecting"], AfterAnnouncement.MusicOnHold);
                Emit(new RecordTransfer("transfer_started", TransferFields(call.Queue?.Id, call.AgentId, external.Display)));
                Emit(new DialLeg(leg, new ExternalParty(external, CallerNumber), request.RingTimeout));
                return;
        }
    }

    private void OnQueueTransferAnswered(MovingToQueue moving, QueueTransferAnswered answered)
    {
        var call = moving.From;
        if (!answered.Succeeded)
        {
            State = call;
            Emit(new TellAgent(new TransferResultNotice(call.AgentId, false, "failed: " + answered.Detail)));
            return;
        }

        Unbridge();
        State = new Queued(moving.Target);
        Announce(["transfer_connecting"], AfterAnnouncement.MusicOnHold);
        Emit(new HangUpLeg(call.AgentLeg));
        Emit(new StartTimer(PositionPollTimer, _options.PositionPollInterval));
        Emit(new TellAgent(new TransferResultNotice(call.AgentId, true, "transferred_to_queue")));
    }

    private void OnTargetDialled(Transferring transferring, LegDialled dialled)
    {
        var attempt = transferring.Attempt;
        var queueId = transferring.Queue?.Id;
        if (dialled.Outcome == DialOutcome.Answered)
        {
            var ring = (long)(_time.GetUtcNow() - attempt.StartedAt).TotalMilliseconds;
            State = new TransferredToTarget(attempt.TargetLeg);
            Bridge(attempt.TargetLeg);
            Emit(new RecordTransfer("transfer_answered", TransferFields(queueId, transferring.AgentId, attempt.Destination.Display,
                ("ring", ring.ToString(CultureInfo.InvariantCulture)))));
            if (transferring.AgentLeg is { } agentLeg)
            {
                if (attempt.ReferredBy == agentLeg)
                {
                    Emit(new NotifyRefer(agentLeg, 200));
                }

                Emit(new HangUpLeg(agentLeg));
            }

            Emit(new MarkEnded());
            Emit(new TellAgent(new TransferResultNotice(transferring.AgentId, true, "answered")));
            return;
        }

        Emit(new HangUpLeg(attempt.TargetLeg));
        if (transferring.AgentLeg is { } leg && attempt.ReferredBy == leg)
        {
            Emit(new NotifyRefer(leg, dialled.StatusCode >= 300 ? dialled.StatusCode : 480));
        }

        if (!attempt.ReturnToQueueOnNoAnswer && transferring.AgentLeg is { } back)
        {
            Emit(new RecordTransfer("transfer_not_answered", TransferFields(queueId, transferring.AgentId, attempt.Destination.Display,
                ("returned_to", "agent"), ("reason", dialled.Detail))));
            State = new Connected(transferring.Queue, transferring.AgentId, back);
            Bridge(back);
            Emit(new TellAgent(new TransferResultNotice(transferring.AgentId, false, "not_answered_returned_to_agent")));
            return;
        }

        State = new ReturningToQueue(transferring);
        Emit(new ReturnToQueue(attempt.Destination.Display));
    }

    private void OnReturnedToQueue(ReturningToQueue returning, ReturnedToQueue returned)
    {
        var transferring = returning.Transfer;
        if (!returned.Succeeded || transferring.Queue is not { } queue)
        {
            // The ACD could not take the caller back (Redis away): say so rather than leave them on music forever.
            Emit(new TellAgent(new TransferResultNotice(transferring.AgentId, false, "not_answered_return_failed")));
            End("transfer not answered and the queue could not take the caller back");
            return;
        }

        State = new Queued(queue);
        Announce(["transfer_failed"], AfterAnnouncement.MusicOnHold);
        if (transferring.AgentLeg is { } agentLeg)
        {
            Emit(new HangUpLeg(agentLeg));
        }

        Emit(new StartTimer(PositionPollTimer, _options.PositionPollInterval));
        Emit(new TellAgent(new TransferResultNotice(transferring.AgentId, false, "not_answered_returned_to_queue")));
    }

    /// <summary>The call ended while the target rang: the transfer counts as not answered.</summary>
    private void AbortTransfer(Transferring transferring, string reason)
    {
        var attempt = transferring.Attempt;
        Emit(new RecordTransfer("transfer_not_answered", TransferFields(transferring.Queue?.Id, transferring.AgentId, attempt.Destination.Display,
            ("returned_to", "none"), ("reason", reason))));
        Emit(new TellAgent(new TransferResultNotice(transferring.AgentId, false, "not_answered_call_ended")));
    }

    private KeyValuePair<string, string>[] TransferFields(string? queueId, string agentId, string target, params (string Key, string Value)[] extra) =>
    [
        new("call", CallId), new("queue", queueId ?? string.Empty), new("agent", agentId), new("target", target),
        .. extra.Select(x => new KeyValuePair<string, string>(x.Key, x.Value)),
    ];
}
