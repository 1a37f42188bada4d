using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using StackExchange.Redis;

namespace Switchboard.Acd.Store;

/// <summary>
/// Opens a process's one <see cref="ConnectionMultiplexer"/>, retrying with exponential back-off and jitter (Polly)
/// while Redis is not reachable yet. Once connected, StackExchange.Redis reconnects by itself.
/// </summary>
public static class RedisConnector
{
    /// <summary>
    /// Connects, or throws <see cref="StoreUnavailableException"/> after <paramref name="attempts"/> failed attempts
    /// (and <see cref="ArgumentException"/> for a configuration string that does not parse).
    /// </summary>
    /// <param name="configuration">A StackExchange.Redis configuration string (<c>127.0.0.1:6380,password=...</c>).</param>
    /// <param name="attempts">How many times to try (at least one).</param>
    /// <param name="retryDelay">The first delay between attempts; it doubles, with jitter.</param>
    /// <param name="timeProvider">The clock of the delays.</param>
    /// <param name="logger">Where each failed attempt and the connection are logged.</param>
    /// <param name="cancellationToken">Stops trying.</param>
    public static async Task<ConnectionMultiplexer> ConnectAsync(
        string configuration, int attempts, TimeSpan retryDelay, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = ConfigurationOptions.Parse(configuration);
        // Fail each attempt instead of handing back a multiplexer that is still trying in the background.
        options.AbortOnConnectFail = true;
        // Replies are completed on the .NET thread pool rather than StackExchange.Redis's own pool of ten dedicated
        // threads: one thread hand-off less per reply, and an idle node has no extra threads waking (issue 20). Nothing
        // in the server blocks thread-pool threads (media and SIP receive run on dedicated threads).
        options.SocketManager = SocketManager.ThreadPool;
        var endpoints = string.Join(", ", options.EndPoints.Select(e => e.ToString()));

        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (attempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = attempts - 1,
                Delay = retryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<RedisConnectionException>().Handle<RedisTimeoutException>().Handle<SocketException>(),
                OnRetry = arguments =>
                {
                    RedisConnectLog.ConnectRetry(logger, endpoints, arguments.AttemptNumber + 1, arguments.RetryDelay, arguments.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            });
        }

        var pipeline = builder.Build();

        try
        {
            var connection = await pipeline.ExecuteAsync(
                static async (config, _) => await ConnectionMultiplexer.ConnectAsync(config).ConfigureAwait(false),
                options,
                cancellationToken).ConfigureAwait(false);
            RedisConnectLog.Connected(logger, endpoints);
            return connection;
        }
        catch (Exception error) when (error is RedisConnectionException or RedisTimeoutException or SocketException)
        {
            throw new StoreUnavailableException(
                $"cannot connect to {endpoints} after {Math.Max(1, attempts)} attempt(s): {FirstLine(error.Message)}",
                error);
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? message : message[..end];
        // StackExchange.Redis appends advice about abortConnect=false, which does not apply to start-up.
        var advice = line.IndexOf(" To allow this multiplexer", StringComparison.Ordinal);
        return advice < 0 ? line : line[..advice];
    }
}
