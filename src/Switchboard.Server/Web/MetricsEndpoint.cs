using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Statistics;
using Switchboard.Acd.Store;
using Switchboard.Dialplan.Versions;

namespace Switchboard.Server.Web;

/// <summary><c>GET /metrics</c> in the Prometheus text exposition format (0.0.4); every name starts with <c>switchboard_</c>.</summary>
public static class MetricsEndpoint
{
    public static IEndpointConventionBuilder MapSwitchboardMetrics(this IEndpointRouteBuilder endpoints, string path = "/metrics") =>
        endpoints.MapGet(path, async (HttpContext context) =>
        {
            var text = await RenderAsync(context.RequestServices, context.RequestAborted).ConfigureAwait(false);
            return Results.Text(text, "text/plain; version=0.0.4; charset=utf-8");
        });

    /// <summary>Renders the current figures (queues from the dialplan, agents and today's service level from Redis).</summary>
    public static async Task<string> RenderAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var acd = services.GetRequiredService<AcdStore>();
        var dialplans = services.GetRequiredService<DialplanRegistry>();
        var redis = services.GetRequiredService<IConnectionMultiplexer>();
        var time = services.GetRequiredService<TimeProvider>();
        var text = new StringBuilder();
        var queues = dialplans.Current.Queues.Keys.Order(StringComparer.Ordinal).ToList();

        Header(text, "switchboard_queue_waiting", "gauge", "Callers waiting in the queue.");
        var longest = new List<(string Queue, double Seconds)>();
        foreach (var queue in queues)
        {
            var status = await acd.GetQueueStatusAsync(queue, cancellationToken).ConfigureAwait(false);
            Line(text, "switchboard_queue_waiting", $"queue=\"{Escape(queue)}\"", status.Waiting);
            longest.Add((queue, status.OldestPlace is { } oldest ? Math.Max(0, (time.GetUtcNow() - oldest).TotalSeconds) : 0));
        }

        Header(text, "switchboard_queue_longest_wait_seconds", "gauge", "Wait of the longest-waiting caller.");
        foreach (var (queue, seconds) in longest)
        {
            Line(text, "switchboard_queue_longest_wait_seconds", $"queue=\"{Escape(queue)}\"", seconds);
        }

        Header(text, "switchboard_agents", "gauge", "Agents per state.");
        var agents = await acd.ListAgentsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var state in Enum.GetValues<AgentState>())
        {
            Line(text, "switchboard_agents", $"state=\"{state}\"", agents.Count(a => a.State == state));
        }

        var options = new StatisticsOptions();
        var aggregator = new StatisticsAggregator(redis, services.GetRequiredService<IConfiguration>()["Acd:Tenant"] is { Length: > 0 } tenant ? tenant : "default", options);
        await aggregator.FoldAsync(cancellationToken).ConfigureAwait(false);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId);
        var today = ReportIntervals.Start(time.GetUtcNow(), ReportGrouping.Day, zone);
        var reports = await aggregator.ReadQueueReportsAsync(today, today.AddDays(1).AddHours(1), ReportGrouping.Day, cancellationToken).ConfigureAwait(false);
        Header(text, "switchboard_queue_answered_today", "gauge", "Calls answered today (local day).");
        Header(text, "switchboard_queue_abandoned_today", "gauge", "Calls abandoned today (local day), short abandons excluded.");
        Header(text, "switchboard_queue_service_level_today", "gauge", "Answered within 60 s / answered, today.");
        foreach (var report in reports.Where(r => r.Start == today))
        {
            var label = $"queue=\"{Escape(report.Queue)}\"";
            Line(text, "switchboard_queue_answered_today", label, report.Answered);
            Line(text, "switchboard_queue_abandoned_today", label, report.Abandoned);
            if (report.ServiceLevel is { } sl)
            {
                Line(text, "switchboard_queue_service_level_today", label, sl);
            }
        }

        Header(text, "switchboard_redis_ping_seconds", "gauge", "Round trip of a Redis PING from this node.");
        var watch = Stopwatch.StartNew();
        await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        Line(text, "switchboard_redis_ping_seconds", null, watch.Elapsed.TotalSeconds);
        return text.ToString();
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

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
