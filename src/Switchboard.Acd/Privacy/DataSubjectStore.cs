using StackExchange.Redis;
using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Privacy;

/// <summary>
/// A data subject's request (GDPR art. 15 and 17) for one phone number: finds every key of a tenant that holds the number
/// (the keys docs/privacy.md lists: the per-number callback keys, callback hashes, waiting calls) and deletes what may be
/// deleted. The event stream, the statistics and the per-caller limit hold only the keyed hash; the audit trail holds no
/// number. Scans with SCAN (bounded batches), so it is for an operator's occasional request, not a hot path.
/// </summary>
public sealed class DataSubjectStore(IConnectionMultiplexer redis, KeySchema keys)
{
    private const string Store = "data subject search";
    private static readonly PhoneNumberPolicy Normalisation = PhoneNumberPolicy.Default with { AllowForeign = true };

    /// <summary>The E.164 form of <paramref name="number"/>, or null when it is not a phone number.</summary>
    public static string? Normalise(string? number) => PhoneNumberValidator.Validate(number, Normalisation).E164;

    /// <summary>Every key of the tenant holding <paramref name="e164"/>.</summary>
    public Task<IReadOnlyList<DataSubjectKey>> FindAsync(string e164, CancellationToken cancellationToken = default) =>
        StoreCalls.RunAsync<IReadOnlyList<DataSubjectKey>>(Store, async () =>
        {
            var db = redis.GetDatabase();
            var server = redis.GetServers().First(s => !s.IsReplica);
            var found = new List<DataSubjectKey>();
            await foreach (var key in server.KeysAsync(pattern: keys.Prefix + "cb*:*|" + e164, pageSize: 500).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                found.Add(new DataSubjectKey(key.ToString(), "key name"));
            }

            await foreach (var key in server.KeysAsync(pattern: keys.Prefix + "cb:*", pageSize: 500).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var fields = await db.HashGetAsync(key, ["number", "caller", "state"]).ConfigureAwait(false);
                if (Matches(fields[0], e164) || Matches(fields[1], e164))
                {
                    found.Add(new DataSubjectKey(key.ToString(), "callback", fields[2] != "Closed"));
                }
            }

            await foreach (var key in server.KeysAsync(pattern: keys.Prefix + "call:*", pageSize: 500).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var fields = await db.HashGetAsync(key, ["caller", "cbnum"]).ConfigureAwait(false);
                if (Matches(fields[0], e164) || Matches(fields[1], e164))
                {
                    found.Add(new DataSubjectKey(key.ToString(), "call"));
                }
            }

            return found;
        });

    /// <summary>
    /// Deletes <paramref name="found"/>'s number: the per-number keys are removed, closed callbacks lose their
    /// <c>number</c> and <c>caller</c> fields. Returns how many keys were changed.
    /// </summary>
    /// <exception cref="InvalidOperationException">An open callback or a call still holds the number: cancel the
    /// callback first (audited); a call ends by itself. Nothing is deleted then.</exception>
    public Task<int> DeleteAsync(IReadOnlyList<DataSubjectKey> found, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (found.FirstOrDefault(f => f.Open || f.Kind == "call") is { } busy)
        {
            throw new InvalidOperationException($"{busy.Key} is an open callback or a call: cancel it first (or let the call end), then delete");
        }

        return StoreCalls.RunAsync(Store, async () =>
        {
            var db = redis.GetDatabase();
            var changed = 0;
            foreach (var item in found)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (item.Kind == "key name")
                {
                    changed += await db.KeyDeleteAsync(item.Key).ConfigureAwait(false) ? 1 : 0;
                }
                else if (item.Kind == "callback" && !item.Open)
                {
                    changed += await db.HashDeleteAsync(item.Key, ["number", "caller"]).ConfigureAwait(false) > 0 ? 1 : 0;
                }
            }

            return changed;
        });
    }

    private static bool Matches(RedisValue field, string e164) =>
        !field.IsNullOrEmpty && (field == e164 || Normalise(field.ToString()) == e164);
}
