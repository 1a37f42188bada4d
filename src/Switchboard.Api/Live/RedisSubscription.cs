using System.Runtime.CompilerServices;
using System.Threading.Channels;
using StackExchange.Redis;

namespace Switchboard.Api.Live;

/// <summary>Turns a Redis pub/sub channel into an <see cref="IAsyncEnumerable{T}"/> that unsubscribes when enumeration ends.</summary>
internal static class RedisSubscription
{
    public static async IAsyncEnumerable<RedisValue> ReadAsync(
        IConnectionMultiplexer redis, RedisChannel channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(channel).ConfigureAwait(false);
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
            await queue.UnsubscribeAsync().ConfigureAwait(false);
        }
    }
}
