using System.CommandLine;
using System.Globalization;
using StackExchange.Redis;
using Switchboard.Acd.Statistics;

namespace Switchboard.Cli.Commands;

/// <summary><c>sbctl report --from DATE [--to DATE] [--by hour|day|week] [--csv] --redis CONF</c>: queue figures per interval.</summary>
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
        var threshold = new Option<int>("--threshold") { Description = "Service-level threshold in seconds", DefaultValueFactory = _ => 60 };
        var command = new Command("report", "Queue statistics from the ACD event stream and its long-term aggregates")
        {
            from, to, by, csv, redis, tenant, threshold,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = new StatisticsOptions { ServiceLevelThreshold = TimeSpan.FromSeconds(parse.GetValue(threshold)) };
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

            try
            {
                var configuration = ConfigurationOptions.Parse(parse.GetRequiredValue(redis));
                configuration.AbortOnConnectFail = true;
                using var connection = await ConnectionMultiplexer.ConnectAsync(configuration).WaitAsync(cancellationToken).ConfigureAwait(false);
                var aggregator = new StatisticsAggregator(connection, parse.GetRequiredValue(tenant), options);
                await aggregator.FoldAsync(cancellationToken).ConfigureAwait(false);
                var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId);
                var start = ReportIntervals.AtMidnight(first.ToDateTime(TimeOnly.MinValue), zone);
                var end = ReportIntervals.AtMidnight(last.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
                var reports = await aggregator.ReadQueueReportsAsync(start, end, grouping, cancellationToken).ConfigureAwait(false);
                ReportTable.Write(output, reports, grouping, parse.GetValue(csv));
                return 0;
            }
            catch (Exception e) when (e is RedisException or TimeoutException or ArgumentException)
            {
                error.WriteLine($"sbctl: cannot read statistics from Redis: {e.Message}");
                return 1;
            }
        });
        return command;
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
