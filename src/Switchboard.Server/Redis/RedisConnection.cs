using StackExchange.Redis;
using Switchboard.Acd.Store;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Redis;

/// <summary>
/// The process's Redis connection, opened by <see cref="ConnectAsync"/> during start-up (before the host starts
/// serving) and closed when the host is disposed. Services inject <see cref="IConnectionMultiplexer"/>.
/// </summary>
public sealed class RedisConnection(RedisOptions options, TimeProvider timeProvider, ILogger<RedisConnection> logger) : IAsyncDisposable
{
    private ConnectionMultiplexer? _multiplexer;

    public IConnectionMultiplexer Multiplexer =>
        _multiplexer ?? throw new InvalidOperationException("Redis is not connected yet: SwitchboardHost connects it during start-up.");

    public bool IsOpen => _multiplexer is not null;

    /// <summary>
    /// Connects with retries (<see cref="RedisConnector"/>); throws <see cref="ConfigurationErrorException"/> for
    /// <c>Redis:Configuration</c> when Redis stays unreachable.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            _multiplexer ??= await RedisConnector.ConnectAsync(
                options.Configuration ?? string.Empty, options.ConnectAttempts, options.ConnectRetryDelay, timeProvider, logger, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException error)
        {
            throw new ConfigurationErrorException("Redis:Configuration", error.Message, error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.CloseAsync(allowCommandsToComplete: true).ConfigureAwait(false);
            await _multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
