using Switchboard.Acd.Events;
using Switchboard.Acd.Nodes;
using Switchboard.Acd.Queues;
using Switchboard.Acd.CallControl;
using Switchboard.Calls.Events;
using Switchboard.Calls.Flow;
using Switchboard.Calls.States;
using Switchboard.Server.Callbacks;

namespace Switchboard.Server.Calls;

/// <summary>
/// The node's call host: turns each incoming INVITE into a <see cref="CallExecutor"/> running an inbound
/// <see cref="CallFlow"/>, routes the ACD's call events (agent accepted) and call-control commands (hang up, transfer)
/// to the call that owns them (inbound or callback, through the <see cref="CallRegistry"/>), hands accepted callbacks
/// to the <see cref="CallbackWorker"/>, and runs the ACD scheduler. Queues are configured in the ACD from the dialplan at start.
/// </summary>
/// <param name="context">Node-wide call services.</param>
/// <param name="calls">The calls running on this node.</param>
/// <param name="scheduler">The ACD timer loop.</param>
/// <param name="callControl">Hang-up and transfer commands from the agent API.</param>
/// <param name="callbackWorker">Works callbacks agents accept; null: such accepts are rejected.</param>
public sealed class CallManager(CallContext context, CallRegistry calls, AcdScheduler scheduler, CallControlStore callControl, CallbackWorker? callbackWorker = null) : BackgroundService
{
    private readonly List<Task> _callbackWork = [];

    /// <summary>Calls in progress on this node.</summary>
    public int ActiveCalls => calls.Count;

    /// <summary>Calls on this node now in <paramref name="phase"/> (for /metrics).</summary>
    public int CountIn(CallPhase phase) => calls.CountIn(phase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ConfigureQueuesAsync(stoppingToken).ConfigureAwait(false);
        scheduler.Start();
        await Task.WhenAll(
            RunLoopAsync("incoming", AcceptCallsAsync, stoppingToken),
            RunLoopAsync("acd", RouteCallEventsAsync, stoppingToken),
            RunLoopAsync("control", RouteCommandsAsync, stoppingToken)).ConfigureAwait(false);
    }

    /// <summary>Ends every call on this node cleanly (BYE, ACD told) and waits for callback work.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await calls.StopAsync().ConfigureAwait(false);
        Task[] work;
        lock (_callbackWork)
        {
            work = [.. _callbackWork];
        }

        await Task.WhenAll(work).ConfigureAwait(false);
    }

    private async Task ConfigureQueuesAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var queue in context.Dialplans.Current.Queues.Values)
            {
                await context.Acd.ConfigureQueueAsync(QueueOptionsMapper.ToQueueOptions(queue), cancellationToken).ConfigureAwait(false);
            }

            await context.Acd.EnsureCallSubscriptionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Redis down at start: calls are still answered and hear the fault prompt; enqueue configures lazily.
            CallLog.QueueSetupFailed(context.Logger, ex.Message);
        }
    }

    private async Task RunLoopAsync(string name, Func<CancellationToken, Task> loop, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await loop(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                CallLog.LoopFailed(context.Logger, ex, name);
                await Task.Delay(TimeSpan.FromSeconds(1), context.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task AcceptCallsAsync(CancellationToken cancellationToken)
    {
        await foreach (var incoming in context.Sip.UserAgent.IncomingCalls.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var callId = "c" + Guid.NewGuid().ToString("N");
            var ivr = context.Dialplans.StartSession();
            var flow = CallFlow.Inbound(callId, incoming.From.Uri.User ?? incoming.From.Uri.Host, ivr, context.TimeProvider, TransferDestinations.FlowOptions(context));
            var call = new CallExecutor(context, flow, incoming);
            CallLog.Answering(context.Logger, callId, ivr.Dialplan.Version);
            if (!calls.TryStart(call))
            {
                await incoming.RejectAsync(Sip.Messages.SipStatusCodes.ServiceUnavailable, null, cancellationToken).ConfigureAwait(false);
                await call.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task RouteCallEventsAsync(CancellationToken cancellationToken)
    {
        await foreach (var e in context.Acd.SubscribeCallsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e is { Type: CallEventType.Accepted, AgentId: { } acceptedBy } && (calls.Find(e.CallId) is not null || callbackWorker is not null)
                && !await context.Acd.AcknowledgeAcceptedAsync(e.CallId, acceptedBy, cancellationToken).ConfigureAwait(false))
            {
                // A re-sent copy of a notice already taken, or an accept the ACD has meanwhile undone: nothing to do.
                CallLog.AcdEvent(context.Logger, e.CallId, "AcceptedIgnored", acceptedBy);
                continue;
            }

            if (calls.Find(e.CallId) is { } call)
            {
                CallLog.AcdEvent(context.Logger, e.CallId, e.Type.ToString(), e.AgentId);
                AcdTracing.Event(e.Type.ToString(), call.TraceContext, e.CallId, e.AgentId);
                switch (e.Type)
                {
                    case CallEventType.Offered:
                        call.Offer.Start(call.TraceContext, e.CallId, e.AgentId);
                        break;
                    case CallEventType.Accepted:
                        call.Offer.End("accepted");
                        break;
                    case CallEventType.Requeued:
                        call.Offer.End(e.Reason ?? "requeued");
                        break;
                }

                if (e is { Type: CallEventType.Accepted, AgentId: { } agentId })
                {
                    call.Post(new AgentAccepted(agentId, e.AgentPhoneUser));
                }
            }
            else if (e is { Type: CallEventType.Accepted, AgentId: { } agentId })
            {
                var entry = await context.Acd.GetEntryAsync(e.CallId, cancellationToken).ConfigureAwait(false);
                if (entry is { Kind: QueueEntryKind.Callback } && callbackWorker is not null)
                {
                    // A callback (no live call yet): the worker checks and counts the attempt, then dials it as a call here.
                    StartCallback(e.CallId, agentId, cancellationToken);
                }
                else
                {
                    // Accepted for a call this node no longer holds: free the agent at once.
                    await context.Acd.RejectAsync(agentId, e.CallId, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private void StartCallback(string callbackId, string agentId, CancellationToken cancellationToken)
    {
        lock (_callbackWork)
        {
            _callbackWork.RemoveAll(t => t.IsCompleted);
            _callbackWork.Add(WorkCallbackAsync(callbackId, agentId, cancellationToken));
        }
    }

    private async Task WorkCallbackAsync(string callbackId, string agentId, CancellationToken cancellationToken)
    {
        try
        {
            await callbackWorker!.HandleAcceptedAsync(callbackId, agentId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CallLog.CallbackAcceptFailed(context.Logger, callbackId, agentId, ex.Message);
        }
    }

    private async Task RouteCommandsAsync(CancellationToken cancellationToken)
    {
        await foreach (var command in callControl.SubscribeAsync(cancellationToken).ConfigureAwait(false))
        {
            if (calls.Find(command.CallId) is not { } call)
            {
                continue; // another node holds the call
            }

            if (command.Kind == CallControlCommand.HangUp)
            {
                CallLog.HangUpRequested(context.Logger, command.CallId, "agent " + command.AgentId);
                call.Post(new HangUpRequested("agent " + command.AgentId));
            }
            else if (command.Kind == CallControlCommand.Transfer)
            {
                call.Post(TransferDestinations.FromCommand(command, context));
            }
        }
    }
}
