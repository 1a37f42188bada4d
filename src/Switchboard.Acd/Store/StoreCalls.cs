using System.Runtime.CompilerServices;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace Switchboard.Acd.Store;

/// <summary>Turns the Redis client's "cannot reach the server" exceptions into <see cref="StoreUnavailableException"/>.</summary>
internal static class StoreCalls
{
    /// <summary>
    /// True when Redis could not carry out a command: unreachable or too slow (connection, timeout, the resilience
    /// pipeline's timeout or open circuit), or it answered with an error (READONLY or LOADING during a fail-over, OOM, ...).
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException or RedisServerException or TimeoutRejectedException or BrokenCircuitException;

    /// <summary>The exception a store throws for <paramref name="exception"/> (see <see cref="IsUnavailable"/>).</summary>
    public static StoreUnavailableException Unavailable(string store, Exception exception) =>
        new($"The {store} (Redis) is unavailable: {exception.Message}", exception);

    /// <summary>Runs one store operation, translating unavailability; a span inside a trace (<see cref="RedisTracing"/>).</summary>
    public static async Task<T> RunAsync<T>(string store, Func<Task<T>> operation, [CallerMemberName] string name = "")
    {
        using var span = RedisTracing.StartStore(store, name);
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            RedisTracing.Failed(span, ex);
            throw Unavailable(store, ex);
        }
    }

    /// <summary>Runs one store operation without a result, translating unavailability; a span inside a trace.</summary>
    public static async Task RunAsync(string store, Func<Task> operation, [CallerMemberName] string name = "")
    {
        using var span = RedisTracing.StartStore(store, name);
        try
        {
            await operation().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            RedisTracing.Failed(span, ex);
            throw Unavailable(store, ex);
        }
    }
}
