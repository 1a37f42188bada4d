using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Store;
using Switchboard.Api.Supervisors;
using Switchboard.Calls.States;
using Switchboard.Dialplan.Versions;
using Switchboard.Media.Sessions;
using Switchboard.Server.Calls;
using Switchboard.Server.Telephony;

namespace Switchboard.Server.Web;

/// <summary>
/// <c>GET /metrics</c> in the Prometheus text exposition format (0.0.4); every name starts with <c>switchboard_</c>.
/// Queue and agent figures are the cluster's (Redis); calls, SIP and media are this node's. Names: docs/statistics.md.
/// </summary>
public static class MetricsEndpoint
{
    public static IEndpointConventionBuilder MapSwitchboardMetrics(this IEndpointRouteBuilder endpoints, string path = "/metrics") =>
        endpoints.MapGet(path, async (HttpContext context) =>
        {
            var text = await RenderAsync(context.RequestServices, context.RequestAborted).ConfigureAwait(false);
            return Results.Text(text, "text/plain; version=0.0.4; charset=utf-8");
        });

    /// <summary>Renders the current figures.</summary>
    public static async Task<string> RenderAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        await QueuesAsync(services, text, cancellationToken).ConfigureAwait(false);
        Calls(services, text);
        Sip(services, text);
        Media(services, text);
        Runtime(text);

        var redis = services.GetRequiredService<IConnectionMultiplexer>();
        Header(text, "switchboard_redis_ping_seconds", "gauge", "Round trip of a Redis PING from this node.");
        var watch = Stopwatch.StartNew();
        await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        Line(text, "switchboard_redis_ping_seconds", null, watch.Elapsed.TotalSeconds);
        return text.ToString();
    }

    private static async Task QueuesAsync(IServiceProvider services, StringBuilder text, CancellationToken cancellationToken)
    {
        var acd = services.GetRequiredService<AcdStore>();
        var queues = services.GetRequiredService<DialplanRegistry>().Current.Queues.Keys.Order(StringComparer.Ordinal).ToList();
        var live = await services.GetRequiredService<LiveStatistics>().GetAsync(queues, cancellationToken).ConfigureAwait(false);

        var waiting = new List<(string Queue, int Waiting)>();
        foreach (var queue in queues)
        {
            waiting.Add((queue, (await acd.GetQueueStatusAsync(queue, cancellationToken).ConfigureAwait(false)).Waiting));
        }

        Header(text, "switchboard_queue_waiting", "gauge", "Calls in the queue not yet offered to an agent (ACD queue length).");
        foreach (var (queue, count) in waiting)
        {
            Line(text, "switchboard_queue_waiting", Label("queue", queue), count);
        }

        Series(text, "switchboard_queue_callers_waiting", "gauge", "Callers waiting in the queue, offered or not (as on the wallboard).", live.Queues, q => q.Waiting);
        Series(text, "switchboard_queue_longest_wait_seconds", "gauge", "Wait of the caller waiting longest.", live.Queues, q => q.LongestWait.TotalSeconds);
        Header(text, "switchboard_queue_agents", "gauge", "Member agents per queue and state (on_call includes reserved).");
        foreach (var q in live.Queues)
        {
            foreach (var (state, count) in new[] { ("ready", q.AgentsReady), ("on_call", q.AgentsOnCall), ("wrap_up", q.AgentsWrapUp), ("paused", q.AgentsPaused) })
            {
                Line(text, "switchboard_queue_agents", Label("queue", q.Queue) + "," + Label("state", state), count);
            }
        }

        Series(text, "switchboard_queue_answered_today", "gauge", "Calls that arrived today (local day) and were answered.", live.Queues, q => q.AnsweredToday);
        Series(text, "switchboard_queue_abandoned_today", "gauge", "Calls that arrived today and were abandoned, short abandons excluded.", live.Queues, q => q.AbandonedToday);
        Series(text, "switchboard_queue_short_abandoned_today", "gauge", "Calls that arrived today and were abandoned under the short-abandon threshold.", live.Queues, q => q.ShortAbandonedToday);
        Header(text, "switchboard_queue_service_level_today", "gauge",
            $"Answered within {live.ServiceLevelThreshold.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s / answered, today (absent before the first answer).");
        foreach (var q in live.Queues)
        {
            if (q.ServiceLevelToday is { } sl)
            {
                Line(text, "switchboard_queue_service_level_today", Label("queue", q.Queue), sl);
            }
        }

        Header(text, "switchboard_agents", "gauge", "Agents per state (all queues).");
        var agents = await acd.ListAgentsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var state in Enum.GetValues<AgentState>())
        {
            Line(text, "switchboard_agents", Label("state", state.ToString()), agents.Count(a => a.State == state));
        }
    }

    private static void Calls(IServiceProvider services, StringBuilder text)
    {
        var calls = services.GetServices<IHostedService>().OfType<CallManager>().FirstOrDefault();
        if (calls is null)
        {
            return;
        }

        Header(text, "switchboard_calls", "gauge", "Calls on this node per phase (ivr: in the menus, queued: waiting in a queue).");
        foreach (var phase in Enum.GetValues<CallPhase>().Where(p => p != CallPhase.Ended))
        {
            Line(text, "switchboard_calls", Label("phase", Snake(phase.ToString())), calls.CountIn(phase));
        }
    }

    private static void Sip(IServiceProvider services, StringBuilder text)
    {
        if (services.GetService<SipTelephony>() is not { } sip)
        {
            return;
        }

        var snapshot = sip.Layer.Metrics.Snapshot();
        Header(text, "switchboard_sip_security_events_total", "counter", "SIP security events on this node by kind (docs/security.md).");
        foreach (var (kind, count) in sip.SecurityEvents.Snapshot())
        {
            Line(text, "switchboard_sip_security_events_total", Label("event", Switchboard.Sip.Security.SipSecurityEvents.Label(kind)), count);
        }

        Header(text, "switchboard_sip_server_transactions", "gauge", "SIP server transactions held now.");
        Line(text, "switchboard_sip_server_transactions", null, sip.Layer.ServerTransactionCount);
        Header(text, "switchboard_sip_server_transaction_bytes", "gauge", "Received bytes held by SIP server transactions now.");
        Line(text, "switchboard_sip_server_transaction_bytes", null, sip.Layer.ServerTransactionBytes);
        Header(text, "switchboard_sip_unconfirmed_calls", "gauge", "Incoming calls not yet confirmed by ACK.");
        Line(text, "switchboard_sip_unconfirmed_calls", null, sip.UserAgent.UnconfirmedCallCount);
        Header(text, "switchboard_sip_tcp_connections", "gauge", "SIP TCP connections open now.");
        Line(text, "switchboard_sip_tcp_connections", null, sip.TcpConnectionCount);
        Header(text, "switchboard_sip_messages_total", "counter", "SIP messages received by this node, by result (parsed or malformed).");
        Line(text, "switchboard_sip_messages_total", Label("result", "parsed"), snapshot.MessagesParsed);
        Line(text, "switchboard_sip_messages_total", Label("result", "malformed"), snapshot.MessagesMalformed);
        Header(text, "switchboard_sip_transactions_started_total", "counter", "SIP transactions started on this node, by side.");
        Line(text, "switchboard_sip_transactions_started_total", Label("side", "client"), snapshot.ClientTransactionsStarted);
        Line(text, "switchboard_sip_transactions_started_total", Label("side", "server"), snapshot.ServerTransactionsStarted);
        Header(text, "switchboard_sip_transactions_total", "counter", "SIP transactions ended on this node, by side, method and result (final response class, timeout, transport_error).");
        foreach (var row in snapshot.Transactions)
        {
            Line(text, "switchboard_sip_transactions_total", Label("side", row.Side) + "," + Label("method", row.Method) + "," + Label("result", row.Outcome), row.Count);
        }
    }

    private static void Media(IServiceProvider services, StringBuilder text)
    {
        if (services.GetService<MediaEngine>() is not { } media)
        {
            return;
        }

        var clock = media.Clock.GetMetrics();
        Header(text, "switchboard_rtp_sessions", "gauge", "RTP sessions open on this node.");
        Line(text, "switchboard_rtp_sessions", null, media.ActiveSessions);
        var (sent, received) = media.RtpPacketTotals();
        Header(text, "switchboard_rtp_packets_total", "counter", "RTP packets sent and received by this node's media sessions.");
        Line(text, "switchboard_rtp_packets_total", Label("direction", "sent"), sent);
        Line(text, "switchboard_rtp_packets_total", Label("direction", "received"), received);
        var security = media.SecurityCounters;
        Header(text, "switchboard_media_wrong_source_packets_total", "counter", "RTP/RTCP datagrams dropped because they came from a source other than the leg's (strict RTP).");
        Line(text, "switchboard_media_wrong_source_packets_total", Label("protocol", "rtp"), security.WrongSourceRtp);
        Line(text, "switchboard_media_wrong_source_packets_total", Label("protocol", "rtcp"), security.WrongSourceRtcp);
        Header(text, "switchboard_media_inbound_port_refusals_total", "counter", "Inbound legs refused an RTP port because only the outbound reserve was left.");
        Line(text, "switchboard_media_inbound_port_refusals_total", null, security.InboundPortRefusals);
        Header(text, "switchboard_rtp_streams", "gauge", "RTP streams paced by the media clock now (one packet each per 20 ms tick).");
        Line(text, "switchboard_rtp_streams", null, clock.Streams);
        Header(text, "switchboard_media_clock_ticks_total", "counter", "20 ms media clock ticks run.");
        Line(text, "switchboard_media_clock_ticks_total", null, clock.Ticks);
        Header(text, "switchboard_media_clock_skipped_ticks_total", "counter", "Ticks dropped because the clock fell too far behind.");
        Line(text, "switchboard_media_clock_skipped_ticks_total", null, clock.SkippedTicks);
        Header(text, "switchboard_media_clock_lateness_seconds", "histogram", "Pacing error: how late each tick ran after its due time.");
        for (var i = 0; i < clock.BucketCounts.Count; i++)
        {
            var bound = i < clock.BucketUpperBoundsMs.Count && !double.IsPositiveInfinity(clock.BucketUpperBoundsMs[i])
                ? (clock.BucketUpperBoundsMs[i] / 1000).ToString("R", CultureInfo.InvariantCulture)
                : "+Inf";
            Line(text, "switchboard_media_clock_lateness_seconds_bucket", Label("le", bound), clock.BucketCounts[i]);
        }

        if (clock.BucketUpperBoundsMs.Count >= clock.BucketCounts.Count && clock.BucketUpperBoundsMs.Count > 0 && !double.IsPositiveInfinity(clock.BucketUpperBoundsMs[^1]))
        {
            Line(text, "switchboard_media_clock_lateness_seconds_bucket", Label("le", "+Inf"), clock.Ticks);
        }

        Line(text, "switchboard_media_clock_lateness_seconds_sum", null, clock.LatenessSumMs / 1000);
        Line(text, "switchboard_media_clock_lateness_seconds_count", null, clock.Ticks);
        Header(text, "switchboard_media_clock_lateness_max_seconds", "gauge", "Worst tick lateness since start.");
        Line(text, "switchboard_media_clock_lateness_max_seconds", null, clock.LatenessMaxMs / 1000);
    }

    /// <summary>The .NET garbage collector: its pauses stop every thread, the media clock's too.</summary>
    private static void Runtime(StringBuilder text)
    {
        Header(text, "switchboard_gc_collections_total", "counter", "Garbage collections since start, by generation.");
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
        {
            Line(text, "switchboard_gc_collections_total", Label("generation", generation.ToString(CultureInfo.InvariantCulture)), GC.CollectionCount(generation));
        }

        Header(text, "switchboard_gc_pause_seconds_total", "counter", "Time all threads were paused by the garbage collector since start.");
        Line(text, "switchboard_gc_pause_seconds_total", null, GC.GetTotalPauseDuration().TotalSeconds);
        Header(text, "switchboard_gc_allocated_bytes_total", "counter", "Bytes allocated on the managed heap since start.");
        Line(text, "switchboard_gc_allocated_bytes_total", null, GC.GetTotalAllocatedBytes());
    }

    private static void Series(StringBuilder text, string name, string type, string help, IEnumerable<LiveQueueFigures> queues, Func<LiveQueueFigures, double> value)
    {
        Header(text, name, type, help);
        foreach (var q in queues)
        {
            Line(text, name, Label("queue", q.Queue), value(q));
        }
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Line(StringBuilder text, string name, string? labels, double value)
    {
        text.Append(name);
        if (labels is not null)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Label(string name, string value) => name + "=\"" + Escape(value) + "\"";

    private static string Snake(string pascal) => string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
