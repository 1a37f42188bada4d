using System.Collections.Concurrent;
using Switchboard.Acd.Events;
using Switchboard.Acd.Nodes;
using Switchboard.Acd.Queues;
using Switchboard.Acd.CallControl;
using Switchboard.Server.Callbacks;

namespace Switchboard.Server.Calls;

/// <summary>
/// The node's call host: turns each incoming INVITE into a <see cref="CallSession"/>, routes the ACD's call events
/// (agent accepted, requeued) and call-control commands (hang up) to the session that owns the call, and runs the ACD
/// scheduler. Queues are configured in the ACD from the dialplan at start.
/// </summary>
/// <param name="context">Node-wide call services.</param>
/// <param name="scheduler">The ACD timer loop.</param>
/// <param name="callControl">Hang-up and transfer commands from the agent API.</param>
/// <param name="callbackWorker">Works callbacks agents accept (dials agent and citizen); null: such accepts are rejected.</param>
public sealed class CallManager(CallContext context, AcdScheduler scheduler, CallControlStore callControl, CallbackWorker? callbackWorker = null) : BackgroundService
{
    private readonly ConcurrentDictionary<string, CallSession> _calls = new(StringComparer.Ordinal);

    /// <summary>Calls in progress on this node.</summary>
    public int ActiveCalls => _calls.Count;

    /// <summary>Calls on this node now in <paramref name="phase"/> (for /metrics).</summary>
    public int CountIn(CallPhase phase) => _calls.Values.Count(c => c.Phase == phase);

    /// <summary>The session of a call held by this node, if any.</summary>
    public CallSession? Find(string callId) => _calls.TryGetValue(callId, out var session) ? session : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ConfigureQueuesAsync(stoppingToken).ConfigureAwait(false);
        scheduler.Start();
        await Task.WhenAll(
            RunLoopAsync("incoming", AcceptCallsAsync, stoppingToken),
            RunLoopAsync("acd", RouteCallEventsAsync, stoppingToken),
            RunLoopAsync("control", RouteCommandsAsync, stoppingToken)).ConfigureAwait(false);
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
            var session = new CallSession(context, incoming);
            _calls[session.CallId] = session;
            _ = RunSessionAsync(session, cancellationToken);
        }
    }

    private async Task RunSessionAsync(CallSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _calls.TryRemove(session.CallId, out _);
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task RouteCallEventsAsync(CancellationToken cancellationToken)
    {
        await foreach (var e in context.Acd.SubscribeCallsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_calls.TryGetValue(e.CallId, out var session))
            {
                session.Post(new CallSessionEvent.Acd(e));
            }
            else if (e.Type == CallEventType.Accepted && e.AgentId is not null)
            {
                var entry = await context.Acd.GetEntryAsync(e.CallId, cancellationToken).ConfigureAwait(false);
                if (entry is { Kind: QueueEntryKind.Callback } && callbackWorker is not null)
                {
                    // A callback (no live call): the worker dials the agent, then the citizen. It runs for minutes: not on this loop.
                    _ = WorkCallbackAsync(e.CallId, e.AgentId, cancellationToken);
                }
                else
                {
                    // Accepted for a call this node no longer holds: free the agent at once.
                    await context.Acd.RejectAsync(e.AgentId, e.CallId, cancellationToken).ConfigureAwait(false);
                }
            }
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
            if (!_calls.TryGetValue(command.CallId, out var session))
            {
                continue; // another node holds the call
            }

            if (command.Kind == CallControlCommand.HangUp)
            {
                session.Post(new CallSessionEvent.HangUpRequested("agent " + command.AgentId));
            }
            else if (command.Kind == CallControlCommand.Transfer)
            {
                session.Post(new CallSessionEvent.TransferRequested(command));
            }
        }
    }
}
