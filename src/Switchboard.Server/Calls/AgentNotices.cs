using Switchboard.Acd.Store;
using Switchboard.Calls.Effects;

namespace Switchboard.Server.Calls;

/// <summary>Sends a call's <see cref="AgentNotice"/>s to the agent's event stream; a failure is logged, never thrown.</summary>
internal sealed class AgentNotices(CallContext context)
{
    public async Task SendAsync(string callId, AgentNotice notice, CancellationToken cancellationToken)
    {
        if (context.AgentEvents is not { } hub)
        {
            return;
        }

        try
        {
            await (notice switch
            {
                CallConnectedNotice connected => hub.CallConnectedAsync(connected.AgentId, callId, connected.QueueId, cancellationToken),
                TransferResultNotice result => hub.TransferResultAsync(result.AgentId, callId, result.Succeeded, result.Detail, cancellationToken),
                _ => Task.CompletedTask,
            }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or OperationCanceledException)
        {
            CallLog.AcdUnavailable(context.Logger, callId, "agent event not sent: " + ex.Message);
        }
    }
}
