using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using StackExchange.Redis;
using Switchboard.Acd.Queues;
using Switchboard.Acd.Resilience;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Callbacks;

/// <summary>
/// Callback requests (återuppringning), durable in Redis under the ACD tenant's hash tag (<c>sb:{tenant}:cb...</c>).
/// A callback waits in its ACD queue as an entry of kind <see cref="QueueEntryKind.Callback"/> (same id), keeping the
/// caller's place; this store adds the guards (validation, one open callback per number per queue, daily limit,
/// expiry), the attempt/retry bookkeeping and the retention purge. Every step is an event in the ACD stream.
/// Throws <see cref="StoreUnavailableException"/> when Redis cannot be reached.
/// </summary>
public sealed partial class CallbackStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly AcdStore _acd;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeZoneInfo _timeZone;
    private readonly string _prefix;
    private readonly RedisKey[] _keys;

    public CallbackStore(IConnectionMultiplexer redis, AcdStore acd, CallbackOptions options, TimeProvider timeProvider, ILogger<CallbackStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(acd);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (options.MaxAttempts < 1 || options.DailyLimitPerNumber < 1 || options.RetryInterval < TimeSpan.Zero || options.Retention < TimeSpan.Zero)
        {
            throw new ArgumentException("Callbacks: MaxAttempts and DailyLimitPerNumber must be at least 1; RetryInterval and Retention not negative.", nameof(options));
        }

        _redis = redis;
        _acd = acd;
        Options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _pipeline = AcdResilience.Create(acd.Options, acd.Options.ResilienceTimeProvider ?? timeProvider);
        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _prefix = acd.KeyPrefix;
        _keys = [_prefix + "cbexp"];
    }

    public CallbackOptions Options { get; }

    /// <summary>Validates a number under this store's policy (the toll-fraud guard for dialling too).</summary>
    public PhoneNumberValidation Validate(string? number) => PhoneNumberValidator.Validate(number, Options.NumberPolicy);

    /// <summary>
    /// Records a callback request and queues it: with <see cref="CallbackRequest.ReplacesCallId"/> it takes the waiting
    /// call's place (and the call leaves the queue); otherwise (e.g. outside opening hours) it goes to the back now and
    /// is worked oldest first once agents log in. A second request for the same number and queue updates the first.
    /// Answered only once a replica holds the request (<see cref="AcdStore.ReplicateAsync"/>); idempotent with
    /// <see cref="CallbackRequest.OperationId"/>.
    /// </summary>
    public async Task<CallbackRequestResult> RequestAsync(CallbackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        AcdNames.Check(request.Queue, "queue");
        var validation = Validate(request.Number);
        if (!validation.IsValid)
        {
            await EmitAsync(["type", "callback_refused", "queue", request.Queue, "reason", validation.Refusal.ToString()], cancellationToken).ConfigureAwait(false);
            return new CallbackRequestResult(CallbackRequestOutcome.InvalidNumber, null, validation, null);
        }

        QueueEntry? replaced = null;
        if (request.ReplacesCallId is { } callId)
        {
            replaced = await _acd.GetEntryAsync(callId, cancellationToken).ConfigureAwait(false);
        }

        return await RequestAsync(request, validation, replaced, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records and queues a validated request; <paramref name="replaced"/> gives the place, skills, language and priority.</summary>
    private async Task<CallbackRequestResult> RequestAsync(CallbackRequest request, PhoneNumberValidation validation, QueueEntry? replaced, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var place = replaced?.EnqueuedAt ?? now;
        var id = "cb-" + (AcdNames.CheckOptional(request.OperationId, "operation id") ?? Guid.NewGuid().ToString("N"));
        var local = TimeZoneInfo.ConvertTime(now, _timeZone);
        // The per-caller limit counts under the caller's keyed hash (the event stream's), so no key names a number.
        var callerHash = string.IsNullOrEmpty(request.CallerNumber) ? string.Empty
            : (await _acd.GetCallerHasherAsync(cancellationToken).ConfigureAwait(false)).Hash(request.CallerNumber);
        string[] args =
        [
            id,
            request.Queue,
            validation.E164!,
            AcdNames.Text(request.CallerNumber, "caller number"),
            Millis(place),
            Millis(ExpiryFor(now)),
            Options.DailyLimitPerNumber.ToString(CultureInfo.InvariantCulture),
            local.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            Options.MaxAttempts.ToString(CultureInfo.InvariantCulture),
            callerHash,
            Options.DailyLimitPerCaller.ToString(CultureInfo.InvariantCulture),
            Options.DailyLimitTotal.ToString(CultureInfo.InvariantCulture),
        ];
        var r = (RedisResult[])(await EvalAsync(CallbackScripts.Request, args, cancellationToken).ConfigureAwait(false))!;
        var outcome = Enum.Parse<CallbackRequestOutcome>((string)r[0]!);
        if (outcome is not (CallbackRequestOutcome.Created or CallbackRequestOutcome.Updated))
        {
            return new CallbackRequestResult(outcome, null, validation, null);
        }

        var callbackId = (string)r[1]!;
        var keptPlace = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((string)r[2]!, CultureInfo.InvariantCulture));
        if (outcome == CallbackRequestOutcome.Created && (string?)r[3] == nameof(CallbackState.Pending))
        {
            // Queued (again, after a retry: idempotent per id) only while nobody has taken it yet. The enqueue waits
            // for a replica, so the confirmation the caller hears survives a failover.
            await EnqueueAsync(callbackId, request.Queue, validation.E164!, request.CallerNumber, keptPlace, replaced, request, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _acd.ReplicateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (replaced is not null)
        {
            await _acd.AbandonAsync(replaced.CallId, cancellationToken).ConfigureAwait(false);
        }

        CallbackLog.Requested(_logger, callbackId, request.Queue, outcome);
        return new CallbackRequestResult(outcome, callbackId, validation, keptPlace);
    }

    /// <summary>Reads a callback; null when unknown.</summary>
    public async Task<CallbackEntry?> GetAsync(string callbackId, CancellationToken cancellationToken = default)
    {
        var key = _prefix + "cb:" + AcdNames.Check(callbackId, "callback id");
        var h = await RunAsync(token => _redis.GetDatabase().HashGetAllAsync(key).WaitAsync(token), cancellationToken).ConfigureAwait(false);
        return h.Length == 0 ? null : ToEntry(callbackId, h.ToStringDictionary());
    }

    /// <summary>Open callbacks of a queue (null: all queues), oldest place first.</summary>
    public async Task<IReadOnlyList<CallbackEntry>> ListOpenAsync(string? queue = null, int limit = 200, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var db = _redis.GetDatabase();
        var queues = queue is null
            ? (await RunAsync(token => db.SetMembersAsync(_prefix + "cbqueues").WaitAsync(token), cancellationToken).ConfigureAwait(false)).Select(v => v.ToString()).ToArray()
            : [AcdNames.Check(queue, "queue")];
        var result = new List<CallbackEntry>();
        foreach (var q in queues)
        {
            var ids = await RunAsync(token => db.SortedSetRangeByRankAsync(_prefix + "cbq:" + q, 0, limit - 1).WaitAsync(token), cancellationToken).ConfigureAwait(false);
            foreach (var id in ids)
            {
                if (await GetAsync(id.ToString(), cancellationToken).ConfigureAwait(false) is { } entry)
                {
                    result.Add(entry);
                }
            }
        }

        return [.. result.OrderBy(e => e.Place).Take(limit)];
    }

    /// <summary>The default expiry: end of the next working day (Mon-Fri) in <see cref="CallbackOptions.TimeZone"/>.</summary>
    internal DateTimeOffset ExpiryFor(DateTimeOffset now)
    {
        if (Options.Expiry is { } expiry)
        {
            return now + expiry;
        }

        var day = TimeZoneInfo.ConvertTime(now, _timeZone).Date.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var end = DateTime.SpecifyKind(day.AddDays(1), DateTimeKind.Unspecified);
        return new DateTimeOffset(end, _timeZone.GetUtcOffset(end));
    }

    private Task<EnqueueResult> EnqueueAsync(
        string id, string queue, string number, string? caller, DateTimeOffset place, QueueEntry? replaced, CallbackRequest request, CancellationToken cancellationToken) =>
        _acd.EnqueueAsync(
            new EnqueueRequest(
                id,
                queue,
                replaced?.Skills ?? [],
                replaced?.Language ?? request.Language,
                replaced?.Priority ?? request.Priority,
                caller ?? number,
                QueueEntryKind.Callback,
                number,
                place),
            cancellationToken);

    private static string Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static CallbackEntry ToEntry(string id, Dictionary<string, string> d)
    {
        string? Optional(string name) => string.IsNullOrEmpty(d.GetValueOrDefault(name)) ? null : d[name];
        DateTimeOffset? OptionalTime(string name) => Optional(name) is { } v ? AcdEncoding.Time(v) : null;
        return new CallbackEntry(
            id,
            d.GetValueOrDefault("queue") ?? string.Empty,
            Optional("number"),
            Optional("caller"),
            Enum.TryParse<CallbackState>(d.GetValueOrDefault("state"), out var state) ? state : CallbackState.Pending,
            Enum.TryParse<CallbackOutcome>(d.GetValueOrDefault("outcome"), out var outcome) ? outcome : CallbackOutcome.None,
            AcdEncoding.Time(d.GetValueOrDefault("requested")),
            AcdEncoding.Time(d.GetValueOrDefault("place")),
            AcdEncoding.Time(d.GetValueOrDefault("expires")),
            AcdEncoding.Int(d.GetValueOrDefault("attempts")),
            AcdEncoding.Int(d.GetValueOrDefault("maxattempts")),
            OptionalTime("nextat"),
            Optional("agent"),
            OptionalTime("closed"),
            AcdEncoding.Int(d.GetValueOrDefault("requests")));
    }
}
