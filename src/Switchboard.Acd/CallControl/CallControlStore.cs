using System.Runtime.CompilerServices;
using System.Text.Json;
using StackExchange.Redis;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.CallControl;

/// <summary>
/// <see cref="ICallControl"/> over Redis pub/sub (<see cref="KeySchema.CallControl"/>, JSON): every node's call host
/// subscribes with <see cref="SubscribeAsync"/> and executes the commands for calls it owns. With the ACD store given,
/// a hang-up is sent at least once (<see cref="AcdStore.RequestHangUpAsync"/>: published again until the call ends).
/// Throws <see cref="StoreUnavailableException"/> when Redis cannot be reached.
/// </summary>
public sealed class CallControlStore(IConnectionMultiplexer redis, KeySchema keys, AcdStore? acd = null) : ICallControl
{
    private const string Store = "call-control channel";

    /// <inheritdoc />
    public Task<bool> SendAsync(CallControlCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (acd is not null && command.Kind == CallControlCommand.HangUp)
        {
            return HangUpAsync(acd, command, cancellationToken);
        }

        return StoreCalls.RunAsync(Store, async () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var receivers = await redis.GetDatabase().PublishAsync(keys.CallControl, JsonSerializer.Serialize(command)).ConfigureAwait(false);
            return receivers > 0;
        });
    }

    private async Task<bool> HangUpAsync(AcdStore store, CallControlCommand command, CancellationToken cancellationToken) =>
        await store.RequestHangUpAsync(command.CallId, command.AgentId, keys.CallControl.ToString(), JsonSerializer.Serialize(command), cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>Commands from any node; malformed payloads are skipped.</summary>
    public async IAsyncEnumerable<CallControlCommand> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var value in RedisSubscription.ReadAsync(redis, keys.CallControl, Store, cancellationToken).ConfigureAwait(false))
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
