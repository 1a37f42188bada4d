using Google.Protobuf.WellKnownTypes;
using Switchboard.Acd.Notices;
using Switchboard.Api.Callbacks;
using V1 = Switchboard.Api.Agent.V1;

namespace Switchboard.Api.Agents;

/// <summary>Maps the nodes' internal <see cref="AgentNotice"/>s to the agent contract's events, at the gRPC edge.</summary>
public static class AgentNoticeMapper
{
    /// <summary>The contract event for <paramref name="notice"/>.</summary>
    public static V1.AgentEvent ToProto(AgentNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var result = new V1.AgentEvent { At = Timestamp.FromDateTimeOffset(notice.At) };
        switch (notice)
        {
            case CallConnectedNotice connected:
                result.CallConnected = new V1.CallConnected { CallId = connected.CallId, Queue = connected.Queue };
                break;
            case TransferResultNotice transfer:
                result.TransferResult = new V1.TransferResult { CallId = transfer.CallId, Answered = transfer.Answered, Result = transfer.Result };
                break;
            case CallbackClaimedNotice claimed:
                result.CallbackClaimed = new V1.CallbackClaimed { Callback = CallbackMapper.ToAgent(claimed.Callback) };
                break;
            case CallbackCompletedNotice completed:
                result.CallbackCompleted = new V1.CallbackCompleted { Callback = CallbackMapper.ToAgent(completed.Callback) };
                break;
            case CallbackCancelledNotice cancelled:
                result.CallbackCancelled = new V1.CallbackCancelled { Callback = CallbackMapper.ToAgent(cancelled.Callback), CancelledBy = cancelled.CancelledBy };
                break;
            default:
                throw new ArgumentException($"no agent event for notice {notice.GetType().Name}", nameof(notice));
        }

        return result;
    }
}
