using System.Runtime.CompilerServices;
using System.Threading.Channels;
using StackExchange.Redis;

namespace Switchboard.Acd.Store;

/// <summary>
/// Turns a Redis pub/sub channel into an <see cref="IAsyncEnumerable{T}"/> that unsubscribes when enumeration ends.
/// A failed subscribe throws <see cref="StoreUnavailableException"/>.
/// </summary>
internal static class RedisSubscription
{
    public static async IAsyncEnumerable<RedisValue> ReadAsync(
        IConnectionMultiplexer redis, RedisChannel channel, string store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = await StoreCalls.RunAsync(store, () => redis.GetSubscriber().SubscribeAsync(channel)).ConfigureAwait(false);
        try
        {
            while (true)
            {
                ChannelMessage message;
                try
                {
                    message = await queue.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (ChannelClosedException)
                {
                    yield break;
                }

                yield return message.Message;
            }
        }
        finally
        {
            try
            {
                await queue.UnsubscribeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (StoreCalls.IsUnavailable(ex))
            {
                // Redis went away: the subscription went with it.
            }
        }
    }
}
