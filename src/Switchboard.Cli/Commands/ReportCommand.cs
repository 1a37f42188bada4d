using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Acd.Statistics;
using Switchboard.Acd.Store;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Cli.Terminal;
using ReportGrouping = Switchboard.Acd.Statistics.ReportGrouping;

namespace Switchboard.Cli.Commands;

/// <summary>
/// <c>sbctl report --from DATE [--to DATE] [--by hour|day|week] [--csv] (--redis CONF [--tenant T] | --url URL --token T)</c>:
/// queue figures per interval, from Redis directly (folding the stream into the aggregates first) or from a running
/// switchboard's <c>GetQueueReport</c> (supervisor token).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "First local date, YYYY-MM-DD (Europe/Stockholm)", Required = true };
        var to = new Option<string?>("--to") { Description = "Last local date, YYYY-MM-DD, inclusive (default: --from)" };
        var by = new Option<string>("--by") { Description = "Interval: hour, day or week", DefaultValueFactory = _ => "day" };
        var csv = new Option<bool>("--csv") { Description = "Write CSV instead of a table" };
        var redis = new Option<string>("--redis") { Description = "Redis configuration (StackExchange.Redis syntax)", DefaultValueFactory = _ => "127.0.0.1:6379" };
        var tenant = new Option<string>("--tenant") { Description = "Tenant (keys sb:{tenant}:...)", DefaultValueFactory = _ => "default" };
        var url = new Option<string?>("--url") { Description = "gRPC API address of a running switchboard: read the report with GetQueueReport instead of from Redis" };
        var token = ApiConnection.TokenOption();
        var command = new Command("report", "Queue statistics from the ACD event stream and its long-term aggregates")
        {
            from, to, by, csv, redis, tenant, url, token,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = new StatisticsOptions();
            if (!TryDate(parse.GetRequiredValue(from), "--from", error, out var first)
                || !TryDate(parse.GetValue(to) ?? parse.GetRequiredValue(from), "--to", error, out var last))
            {
                return 2;
            }

            if (last < first)
            {
                error.WriteLine("sbctl: --to is before --from");
                return 2;
            }

            ReportGrouping grouping;
            switch (parse.GetValue(by))
            {
                case "hour": grouping = ReportGrouping.Hour; break;
                case "day": grouping = ReportGrouping.Day; break;
                case "week": grouping = ReportGrouping.Week; break;
                default:
                    error.WriteLine($"sbctl: --by must be hour, day or week, not '{parse.GetValue(by)}'");
                    return 2;
            }

            var zone = options.TimeZone;
            var start = ReportIntervals.AtMidnight(first.ToDateTime(TimeOnly.MinValue), zone);
            var end = ReportIntervals.AtMidnight(last.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            if (parse.GetValue(url) is { Length: > 0 })
            {
                return await FromApiAsync(parse, parse.GetValue(url)!, token, (start, end), grouping, zone, parse.GetValue(csv), cancellationToken).ConfigureAwait(false);
            }

            try
            {
                using var connection = await RedisConnector.ConnectAsync(
                    parse.GetRequiredValue(redis), 1, TimeSpan.Zero, TimeProvider.System, NullLogger.Instance, cancellationToken).ConfigureAwait(false);
                var aggregator = new StatisticsAggregator(connection, parse.GetRequiredValue(tenant), options);
                await aggregator.FoldAsync(cancellationToken).ConfigureAwait(false);
                var reports = await aggregator.ReadQueueReportsAsync(start, end, grouping, cancellationToken).ConfigureAwait(false);
                ReportTable.Write(output, reports.Select(r => ReportTable.Row(r, grouping)).ToList(), parse.GetValue(csv));
                return 0;
            }
            catch (Exception e) when (e is StoreUnavailableException or ArgumentException)
            {
                error.WriteLine($"sbctl: cannot read statistics from Redis: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static async Task<int> FromApiAsync(
        ParseResult parse, string url, Option<string?> token, (DateTimeOffset Start, DateTimeOffset End) period, ReportGrouping grouping, TimeZoneInfo zone,
        bool csv, CancellationToken cancellationToken)
    {
        var error = parse.InvocationConfiguration.Error;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error.WriteLine($"sbctl: bad --url '{url}' (expected e.g. {ApiConnection.DefaultUrl})");
            return 2;
        }

        var tokenText = parse.GetValue(token) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable("SB_TOKEN");
        if (string.IsNullOrWhiteSpace(tokenText))
        {
            error.WriteLine("sbctl: no token: pass --token or set SB_TOKEN (role supervisor)");
            return 2;
        }

        var connection = new ApiConnection([uri], tokenText.Trim());

        using var channel = connection.CreateChannel();
        var client = new SupervisorService.SupervisorServiceClient(channel);
        return await RpcErrors.GuardAsync(error, async () =>
        {
            var request = new GetQueueReportRequest
            {
                From = Timestamp.FromDateTimeOffset(period.Start),
                To = Timestamp.FromDateTimeOffset(period.End),
                Grouping = grouping switch
                {
                    ReportGrouping.Hour => Api.Supervisor.V1.ReportGrouping.Hour,
                    ReportGrouping.Week => Api.Supervisor.V1.ReportGrouping.Week,
                    _ => Api.Supervisor.V1.ReportGrouping.Day,
                },
            };
            var response = await client.GetQueueReportAsync(request, connection.Headers(), cancellationToken: cancellationToken);
            ReportTable.Write(parse.InvocationConfiguration.Output, response.Rows.Select(r => ReportTable.Row(r, grouping, zone)).ToList(), csv);
            return 0;
        });
    }

    private static bool TryDate(string text, string option, TextWriter error, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        error.WriteLine($"sbctl: bad {option} '{text}' (expected YYYY-MM-DD)");
        return false;
    }
}
