using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Acd.CallControl;

namespace Switchboard.Server.Callbacks;

/// <summary>
/// Carries the agent's <c>HangUp</c> RPC to a connected callback call on this node (a callback call is not a call
/// session, so the call manager does not hold it): both legs get BYE and the agent goes to wrap-up.
/// </summary>
public sealed class CallbackHangUpService(CallControlStore callControl, SipCallbackDialler dialler, TimeProvider timeProvider, ILogger<CallbackHangUpService>? logger = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var command in callControl.SubscribeAsync(stoppingToken).ConfigureAwait(false))
                {
                    if (command.Kind == CallControlCommand.HangUp
                        && dialler.Find(command.CallId) is { } call
                        && string.Equals(call.Request.AgentId, command.AgentId, StringComparison.Ordinal))
                    {
                        CallbackCallLog.HangUpRequested(logger ?? (ILogger)NullLogger.Instance, command.CallId, command.AgentId);
                        _ = call.HangUpAsync();
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                CallbackCallLog.ControlLoopFailed(logger ?? (ILogger)NullLogger.Instance, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
