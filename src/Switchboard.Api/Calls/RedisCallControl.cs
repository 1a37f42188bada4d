using System.Runtime.CompilerServices;
using System.Text.Json;
using StackExchange.Redis;
using Switchboard.Api.Live;

namespace Switchboard.Api.Calls;

/// <summary>
/// <see cref="ICallControl"/> over Redis pub/sub: every node's call host subscribes with
/// <see cref="SubscribeAsync"/> and executes the commands for calls it owns.
/// </summary>
public sealed class RedisCallControl(IConnectionMultiplexer redis, ApiKeys keys) : ICallControl
{
    /// <inheritdoc />
    public async Task<bool> SendAsync(CallControlCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        cancellationToken.ThrowIfCancellationRequested();
        var receivers = await redis.GetDatabase().PublishAsync(keys.CallControl, JsonSerializer.Serialize(command)).ConfigureAwait(false);
        return receivers > 0;
    }

    /// <summary>Commands from any node; malformed payloads are skipped.</summary>
    public async IAsyncEnumerable<CallControlCommand> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var value in RedisSubscription.ReadAsync(redis, keys.CallControl, cancellationToken).ConfigureAwait(false))
        {
            CallControlCommand? command;
            try
            {
                command = JsonSerializer.Deserialize<CallControlCommand>(value.ToString());
            }
            catch (JsonException)
            {
                command = null;
            }

            if (command is not null)
            {
                yield return command;
            }
        }
    }
}
