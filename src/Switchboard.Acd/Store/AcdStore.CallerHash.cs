using System.Security.Cryptography;
using StackExchange.Redis;
using Switchboard.Acd.Callbacks;

namespace Switchboard.Acd.Store;

public sealed partial class AcdStore
{
    private CallerHasher? _callerHasher;

    /// <summary>
    /// The hasher for <c>caller_hash</c> in the event stream: keyed with <see cref="AcdOptions.CallerHashKey"/>, or else
    /// with a random per-installation key created once in Redis (<c>sb:{tenant}:callerkey</c>, shared by all nodes).
    /// </summary>
    public async Task<CallerHasher> GetCallerHasherAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _callerHasher) is { } hasher)
        {
            return hasher;
        }

        if (!string.IsNullOrWhiteSpace(Options.CallerHashKey))
        {
            hasher = CallerHasher.FromSecret(Options.CallerHashKey);
        }
        else
        {
            var key = (RedisKey)(_prefix + "callerkey");
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var stored = await RunAsync(async token =>
            {
                var db = _redis.GetDatabase();
                await db.StringSetAsync(key, fresh, when: When.NotExists).WaitAsync(token).ConfigureAwait(false);
                return (string?)await db.StringGetAsync(key).WaitAsync(token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            hasher = new CallerHasher(Convert.FromBase64String(stored ?? fresh));
        }

        Volatile.Write(ref _callerHasher, hasher);
        return hasher;
    }
}
