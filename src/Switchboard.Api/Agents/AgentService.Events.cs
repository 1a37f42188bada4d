using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Switchboard.Acd.Notices;
using Switchboard.Api.Auth;
using V1 = Switchboard.Api.Agent.V1;

namespace Switchboard.Api.Agents;

public sealed partial class AgentService
{
    public override async Task Events(V1.EventsRequest request, IServerStreamWriter<V1.AgentEvent> responseStream, ServerCallContext context)
    {
        var agentId = context.OwnAgentId(request.AgentId);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var ct = cts.Token;
        var merged = Channel.CreateUnbounded<V1.AgentEvent>(new UnboundedChannelOptions { SingleReader = true });

        // Subscribe before the snapshot so nothing between the two is lost.
        var acdPump = PumpAcdAsync(agentId, merged.Writer, ct);
        var noticePump = PumpNoticesAsync(notices.SubscribeAsync(agentId, ct), merged.Writer, ct);
        _ = CompleteOnFault(acdPump, merged.Writer);
        _ = CompleteOnFault(noticePump, merged.Writer);
        var status = await acd.GetAgentAsync(agentId, ct).ConfigureAwait(false);
        await responseStream.WriteAsync(new V1.AgentEvent
        {
            At = Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow()),
            StateChanged = new V1.StateChanged
            {
                State = status is null ? V1.AgentState.SignedOut : AgentMapper.ToProto(status.State),
                PauseReason = status is null ? V1.PauseReason.Unspecified : AgentMapper.ToProto(status.PauseReason),
            },
        }, ct).ConfigureAwait(false);

        // After the snapshot, so the state comes first on the stream.
        var countsPump = PumpQueueCountsAsync(agentId, merged.Writer, ct);
        _ = CompleteOnFault(countsPump, merged.Writer);
        try
        {
            await foreach (var item in merged.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(item, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            await cts.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(Quiet(acdPump), Quiet(noticePump), Quiet(countsPump)).ConfigureAwait(false);
        }
    }

    private async Task PumpAcdAsync(string agentId, ChannelWriter<V1.AgentEvent> writer, CancellationToken cancellationToken)
    {
        await foreach (var e in acd.SubscribeAgentAsync(agentId, cancellationToken).ConfigureAwait(false))
        {
            var entry = e.Type == Acd.Agents.AgentEventType.Offer && e.CallId is not null
                ? await acd.GetEntryAsync(e.CallId, cancellationToken).ConfigureAwait(false)
                : null;
            foreach (var mapped in AgentMapper.ToProto(e, entry, timeProvider.GetUtcNow()))
            {
                await writer.WriteAsync(mapped, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task PumpNoticesAsync(IAsyncEnumerable<AgentNotice> source, ChannelWriter<V1.AgentEvent> writer, CancellationToken cancellationToken)
    {
        await foreach (var notice in source.ConfigureAwait(false))
        {
            await writer.WriteAsync(AgentNoticeMapper.ToProto(notice), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CompleteOnFault(Task task, ChannelWriter<V1.AgentEvent> writer)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            writer.TryComplete(ex);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static async Task Quiet(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
