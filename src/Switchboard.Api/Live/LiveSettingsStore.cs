using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using StackExchange.Redis;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Api.Live;

/// <summary>
/// Supervisor settings that apply live on every node: an opening-hours override and the emergency message.
/// Stored in Redis as protobuf JSON; each change is announced on <see cref="ApiKeys.LiveChanged"/>
/// (payload <see cref="HoursChanged"/> or <see cref="EmergencyChanged"/>) so nodes reload without a restart.
/// </summary>
public sealed class LiveSettingsStore(IConnectionMultiplexer redis, ApiKeys keys, TimeProvider timeProvider)
{
    /// <summary>Pub/sub payload when the hours override changed.</summary>
    public const string HoursChanged = "hours";

    /// <summary>Pub/sub payload when the emergency message changed.</summary>
    public const string EmergencyChanged = "emergency";

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>The live hours override, or null when the dialplan's own hours apply.</summary>
    public async Task<OpeningHours?> GetHoursAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var json = await redis.GetDatabase().StringGetAsync(keys.Hours).ConfigureAwait(false);
        return json.IsNullOrEmpty ? null : Parser.Parse<OpeningHours>(json.ToString());
    }

    /// <summary>Stores a validated hours override, stamped with <paramref name="who"/> and the time, and announces it.</summary>
    public async Task<OpeningHours> SetHoursAsync(OpeningHours hours, string who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hours);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = hours.Clone();
        stored.Source = "live";
        stored.UpdatedBy = who;
        stored.UpdatedAt = Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow());
        var db = redis.GetDatabase();
        await db.StringSetAsync(keys.Hours, Formatter.Format(stored)).ConfigureAwait(false);
        await db.PublishAsync(keys.LiveChanged, HoursChanged).ConfigureAwait(false);
        return stored;
    }

    /// <summary>Removes the hours override (the dialplan's hours apply again) and announces it.</summary>
    public async Task ClearHoursAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = redis.GetDatabase();
        await db.KeyDeleteAsync(keys.Hours).ConfigureAwait(false);
        await db.PublishAsync(keys.LiveChanged, HoursChanged).ConfigureAwait(false);
    }

    /// <summary>The emergency message setting (off when never set).</summary>
    public async Task<EmergencyMessage> GetEmergencyAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var json = await redis.GetDatabase().StringGetAsync(keys.Emergency).ConfigureAwait(false);
        return json.IsNullOrEmpty ? new EmergencyMessage() : Parser.Parse<EmergencyMessage>(json.ToString());
    }

    /// <summary>Switches the emergency message, stamped with <paramref name="who"/> and the time, and announces it.</summary>
    public async Task<EmergencyMessage> SetEmergencyAsync(bool enabled, IEnumerable<string> prompts, bool closed, string who, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var message = new EmergencyMessage
        {
            Enabled = enabled,
            Closed = closed,
            UpdatedBy = who,
            UpdatedAt = Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow()),
        };
        message.Prompts.AddRange(prompts);
        var db = redis.GetDatabase();
        await db.StringSetAsync(keys.Emergency, Formatter.Format(message)).ConfigureAwait(false);
        await db.PublishAsync(keys.LiveChanged, EmergencyChanged).ConfigureAwait(false);
        return message;
    }

    /// <summary>
    /// Change notifications from any node: <see cref="HoursChanged"/>, <see cref="EmergencyChanged"/> or
    /// <c>dialplan:&lt;sequence&gt;</c>. Re-read the store on each.
    /// </summary>
    public async IAsyncEnumerable<string> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var value in RedisSubscription.ReadAsync(redis, keys.LiveChanged, cancellationToken).ConfigureAwait(false))
        {
            yield return value.ToString();
        }
    }
}
