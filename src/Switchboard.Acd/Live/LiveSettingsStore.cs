using System.Runtime.CompilerServices;
using StackExchange.Redis;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Live;

/// <summary>
/// Supervisor settings that apply live on every node: an opening-hours override and the emergency message.
/// Stored in Redis as JSON (<see cref="KeySchema.Hours"/>, <see cref="KeySchema.Emergency"/>); each change is
/// announced on <see cref="KeySchema.LiveChanged"/> (payload <see cref="HoursChanged"/> or <see cref="EmergencyChanged"/>)
/// so nodes reload without a restart. Throws <see cref="StoreUnavailableException"/> when Redis cannot be reached.
/// </summary>
public sealed class LiveSettingsStore(IConnectionMultiplexer redis, KeySchema keys, TimeProvider timeProvider)
{
    /// <summary>Pub/sub payload when the hours override changed.</summary>
    public const string HoursChanged = "hours";

    /// <summary>Pub/sub payload when the emergency message changed.</summary>
    public const string EmergencyChanged = "emergency";

    private const string Store = "live settings store";

    /// <summary>The live hours override, or null when the dialplan's own hours apply.</summary>
    public Task<LiveHours?> GetHoursAsync(CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var json = await redis.GetDatabase().StringGetAsync(keys.Hours).ConfigureAwait(false);
            return json.IsNullOrEmpty || LiveSettingsJson.Read<LiveHours>(json.ToString()) is not { } hours
                ? null
                : hours with
                {
                    Weekly = hours.Weekly ?? [],
                    Lunch = hours.Lunch ?? "",
                    Exceptions = [.. (hours.Exceptions ?? []).Select(e => e with { Hours = e.Hours ?? [], Prompts = e.Prompts ?? [], Note = e.Note ?? "" })],
                    UpdatedBy = hours.UpdatedBy ?? "",
                };
        });

    /// <summary>Stores an hours override (validated by the caller), stamped with <paramref name="who"/> and the time, and announces it.</summary>
    public Task<LiveHours> SetHoursAsync(LiveHours hours, string who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = hours with { UpdatedBy = who, UpdatedAt = timeProvider.GetUtcNow() };
            var db = redis.GetDatabase();
            await db.StringSetAsync(keys.Hours, LiveSettingsJson.Write(stored)).ConfigureAwait(false);
            await db.PublishAsync(keys.LiveChanged, HoursChanged).ConfigureAwait(false);
            return stored;
        });
    }

    /// <summary>Removes the hours override (the dialplan's hours apply again) and announces it.</summary>
    public Task ClearHoursAsync(CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var db = redis.GetDatabase();
            await db.KeyDeleteAsync(keys.Hours).ConfigureAwait(false);
            await db.PublishAsync(keys.LiveChanged, HoursChanged).ConfigureAwait(false);
        });

    /// <summary>The emergency message setting (<see cref="LiveEmergency.NeverSet"/> when never set).</summary>
    public Task<LiveEmergency> GetEmergencyAsync(CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var json = await redis.GetDatabase().StringGetAsync(keys.Emergency).ConfigureAwait(false);
            return json.IsNullOrEmpty || LiveSettingsJson.Read<LiveEmergency>(json.ToString()) is not { } message
                ? LiveEmergency.NeverSet
                : message with { Prompts = message.Prompts ?? [], UpdatedBy = message.UpdatedBy ?? "" };
        });

    /// <summary>Switches the emergency message, stamped with <paramref name="who"/> and the time, and announces it.</summary>
    public Task<LiveEmergency> SetEmergencyAsync(bool enabled, IEnumerable<string> prompts, bool closed, string who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        return StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var message = new LiveEmergency(enabled, [.. prompts], closed, who, timeProvider.GetUtcNow());
            var db = redis.GetDatabase();
            await db.StringSetAsync(keys.Emergency, LiveSettingsJson.Write(message)).ConfigureAwait(false);
            await db.PublishAsync(keys.LiveChanged, EmergencyChanged).ConfigureAwait(false);
            return message;
        });
    }

    /// <summary>
    /// Change notifications from any node: <see cref="HoursChanged"/>, <see cref="EmergencyChanged"/> or
    /// <c>dialplan:&lt;sequence&gt;</c>. Re-read the store on each.
    /// </summary>
    public async IAsyncEnumerable<string> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var value in RedisSubscription.ReadAsync(redis, keys.LiveChanged, Store, cancellationToken).ConfigureAwait(false))
        {
            yield return value.ToString();
        }
    }
}
