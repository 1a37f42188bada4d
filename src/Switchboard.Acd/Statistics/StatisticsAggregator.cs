using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;
using Switchboard.Acd.Agents;
using Switchboard.Acd.Events;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Statistics;

/// <summary>
/// Folds the ACD event stream (<c>sb:{T}:events</c>, read with XRANGE in pages) into long-term hourly aggregates kept in
/// Redis hashes per queue/agent and local day (<c>sb:{T}:stats:q:&lt;queue&gt;:&lt;yyyy-MM-dd&gt;</c>), which outlive the
/// stream's trimming. Idempotent: the last folded stream id and the calculator state are written in the same script as
/// the increments, so a page is folded exactly once even with several nodes folding at once.
/// </summary>
public sealed partial class StatisticsAggregator
{
    private const string ApplyScript = """
        local last = redis.call('HGET', KEYS[1], 'last') or ''
        if last ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'last', ARGV[2], 'state', ARGV[3])
        if redis.call('HEXISTS', KEYS[1], 'thresholds') == 0 then redis.call('HSET', KEYS[1], 'thresholds', ARGV[4]) end
        local i = 5
        while i <= #ARGV do
          local key, field, value, op = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
          if op == 'max' then
            local cur = tonumber(redis.call('HGET', key, field) or '0')
            if tonumber(value) > cur then redis.call('HSET', key, field, value) end
          elseif op == 'set' then
            redis.call('SADD', key, field)
          else
            redis.call('HINCRBY', key, field, value)
          end
          i = i + 4
        end
        return 1
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly StatisticsOptions _options;
    private readonly TimeZoneInfo _zone;
    private const string Store = "statistics store";
    private readonly string _prefix;

    /// <param name="redis">The ACD's Redis.</param>
    /// <param name="tenant">The tenant (keys <c>sb:{tenant}:...</c>, as <c>AcdOptions.Tenant</c>).</param>
    /// <param name="options">Thresholds and time zone.</param>
    public StatisticsAggregator(IConnectionMultiplexer redis, string tenant, StatisticsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        _redis = redis;
        _options = options ?? new StatisticsOptions();
        _zone = _options.TimeZone;
        var keys = new KeySchema(tenant);
        _prefix = keys.Prefix;
        EventStreamKey = keys.Events.ToString();
    }

    public string EventStreamKey { get; }

    public string StateKey => _prefix + "stats:state";

    /// <summary>Events read per XRANGE page.</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>
    /// Folds every stream entry after the last folded one; returns how many were folded. Throws
    /// <see cref="StoreUnavailableException"/> when Redis cannot be reached.
    /// </summary>
    public Task<int> FoldAsync(CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, () => FoldCoreAsync(cancellationToken));

    private async Task<int> FoldCoreAsync(CancellationToken cancellationToken)
    {
        var db = _redis.GetDatabase();
        var total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var saved = await db.HashGetAsync(StateKey, ["last", "state", "thresholds"]).WaitAsync(cancellationToken).ConfigureAwait(false);
            var last = saved[0].IsNullOrEmpty ? string.Empty : saved[0].ToString();
            var options = WithStoredThresholds(saved[2]);
            var state = saved[1].IsNullOrEmpty ? null : JsonSerializer.Deserialize<ReportCalculatorState>(saved[1].ToString());
            var entries = await db.StreamRangeAsync(EventStreamKey, last.Length == 0 ? "-" : "(" + last, "+", PageSize)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            if (entries.Length == 0)
            {
                return total;
            }

            var calculator = new ReportCalculator(options, state);
            foreach (var entry in entries)
            {
                calculator.Add(AcdEventParser.Parse(entry));
            }

            var args = new List<RedisValue> { last, entries[^1].Id.ToString(), JsonSerializer.Serialize(calculator.State), Thresholds(options) };
            AddIncrements(calculator, args);
            var applied = (long)await db.ScriptEvaluateAsync(ApplyScript, [StateKey], [.. args]).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (applied == 1)
            {
                total += entries.Length;
            }
        }
    }

    /// <summary>
    /// The thresholds are fixed when the aggregates are first written (field <c>thresholds</c> of the state hash:
    /// service level, short abandon and repeat window in ms), so every node and <c>sbctl</c> fold with the same ones
    /// even when their own settings differ; changing them needs new aggregates (another tenant or deleted keys).
    /// </summary>
    private StatisticsOptions WithStoredThresholds(RedisValue stored)
    {
        var parts = stored.IsNullOrEmpty ? [] : stored.ToString().Split('|');
        if (parts.Length != 3 || !parts.All(p => long.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
        {
            return _options;
        }

        var ms = parts.Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return _options with
        {
            ServiceLevelThreshold = TimeSpan.FromMilliseconds(ms[0]),
            ShortAbandonThreshold = TimeSpan.FromMilliseconds(ms[1]),
            RepeatCallerWindow = TimeSpan.FromMilliseconds(ms[2]),
        };
    }

    private static string Thresholds(StatisticsOptions options) => string.Join(
        '|',
        new[] { options.ServiceLevelThreshold, options.ShortAbandonThreshold, options.RepeatCallerWindow }
            .Select(t => ((long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)));

    private void AddIncrements(ReportCalculator calculator, List<RedisValue> args)
    {
        foreach (var ((queue, hour), counters) in calculator.QueueBuckets)
        {
            var date = DateKey(hour);
            var key = QueueKey(queue, date);
            Add(args, _prefix + "stats:days", date, 0, "set");
            Add(args, _prefix + "stats:queues", queue, 0, "set");
            for (var i = 0; i < counters.Length; i++)
            {
                if (counters[i] != 0)
                {
                    Add(args, key, Field(hour, ((ReportCounter)i).ToString()), counters[i], i == (int)ReportCounter.LongestWaitMs ? "max" : "incr");
                }
            }
        }

        foreach (var ((agent, hour), ms) in calculator.AgentBuckets)
        {
            var date = DateKey(hour);
            Add(args, _prefix + "stats:days", date, 0, "set");
            Add(args, _prefix + "stats:agents", agent, 0, "set");
            for (var i = 0; i < ms.Length; i++)
            {
                if (ms[i] != 0)
                {
                    Add(args, AgentKey(agent, date), Field(hour, ((AgentState)i).ToString()), ms[i], "incr");
                }
            }
        }
    }

    private static void Add(List<RedisValue> args, string key, string field, long value, string op)
    {
        args.Add(key);
        args.Add(field);
        args.Add(value);
        args.Add(op);
    }

    private static string Field(long hour, string name) => hour.ToString(CultureInfo.InvariantCulture) + ":" + name;

    private string DateKey(long hour) =>
        ReportIntervals.LocalDate(ReportRollup.FromHour(hour), _zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string QueueKey(string queue, string date) => _prefix + "stats:q:" + queue + ":" + date;

    private string AgentKey(string agent, string date) => _prefix + "stats:a:" + agent + ":" + date;
}
