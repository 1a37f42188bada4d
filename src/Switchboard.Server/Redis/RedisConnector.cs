using System.Net.Sockets;
using Polly;
using Polly.Retry;
using StackExchange.Redis;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Redis;

/// <summary>
/// Opens the process's one <see cref="ConnectionMultiplexer"/> at start-up, retrying with exponential back-off and
/// jitter (Polly) while Redis is not reachable yet. Once connected, StackExchange.Redis reconnects by itself.
/// </summary>
public static class RedisConnector
{
    /// <summary>
    /// Connects, or throws <see cref="ConfigurationErrorException"/> for <c>Redis:Configuration</c> after
    /// <see cref="RedisOptions.ConnectAttempts"/> failed attempts.
    /// </summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync(RedisOptions options, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = ConfigurationOptions.Parse(options.Configuration ?? string.Empty);
        // Fail each attempt instead of handing back a multiplexer that is still trying in the background.
        configuration.AbortOnConnectFail = true;
        var endpoints = string.Join(", ", configuration.EndPoints.Select(e => e.ToString()));

        var pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, options.ConnectAttempts - 1),
                Delay = options.ConnectRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<RedisConnectionException>().Handle<RedisTimeoutException>().Handle<SocketException>(),
                OnRetry = arguments =>
                {
                    RedisLog.ConnectRetry(logger, endpoints, arguments.AttemptNumber + 1, arguments.RetryDelay, arguments.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        try
        {
            var connection = await pipeline.ExecuteAsync(
                static async (config, _) => await ConnectionMultiplexer.ConnectAsync(config).ConfigureAwait(false),
                configuration,
                cancellationToken).ConfigureAwait(false);
            RedisLog.Connected(logger, endpoints);
            return connection;
        }
        catch (Exception error) when (error is RedisConnectionException or RedisTimeoutException or SocketException)
        {
            throw new ConfigurationErrorException(
                "Redis:Configuration",
                $"cannot connect to {endpoints} after {options.ConnectAttempts} attempt(s): {FirstLine(error.Message)}",
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
