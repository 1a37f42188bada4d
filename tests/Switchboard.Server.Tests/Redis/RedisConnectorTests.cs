using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Switchboard.Server.Configuration;
using Switchboard.Server.Redis;
using Switchboard.TestSupport;

namespace Switchboard.Server.Tests.Redis;

public sealed class RedisConnectorTests
{
    [Fact]
    public async Task ConnectAsync_RedisStartsLate_ConnectsAfterRetries()
    {
        await using var redis = await RedisServer.StartAsync().DefaultTimeout();
        redis.Kill();
        var logger = new RecordingLogger();
        var options = new RedisOptions { Configuration = redis.Configuration, ConnectAttempts = 30, ConnectRetryDelay = TimeSpan.FromMilliseconds(100) };

        var connecting = RedisConnector.ConnectAsync(options, TimeProvider.System, logger);
        await logger.FirstWarning.DefaultTimeout();
        Assert.False(connecting.IsCompleted);
        await redis.RestartAsync().DefaultTimeout();
        await using var connection = await connecting.DefaultTimeout();

        Assert.True(connection.IsConnected);
        Assert.Contains(logger.Messages, m => m.Contains("not reachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_ThrowsNamingRedisConfiguration()
    {
        var options = new RedisOptions
        {
            Configuration = $"127.0.0.1:{RedisServer.FreeTcpPort()},connectTimeout=1000",
            ConnectAttempts = 3,
            ConnectRetryDelay = TimeSpan.FromMilliseconds(10),
        };
        var logger = new RecordingLogger();

        var error = await Assert.ThrowsAsync<ConfigurationErrorException>(() => RedisConnector.ConnectAsync(options, TimeProvider.System, logger)).DefaultTimeout();

        Assert.Equal("Redis:Configuration", error.Setting);
        Assert.Contains("after 3 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, logger.Messages.Count(m => m.Contains("not reachable", StringComparison.Ordinal)));
    }

    private sealed class RecordingLogger : ILogger
    {
        private readonly TaskCompletionSource _firstWarning = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string> Messages { get; } = new();

        public Task FirstWarning => _firstWarning.Task;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Messages.Enqueue(formatter(state, exception));
            if (logLevel == LogLevel.Warning)
            {
                _firstWarning.TrySetResult();
            }
        }
    }
}
