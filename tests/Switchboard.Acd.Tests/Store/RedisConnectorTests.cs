using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Acd.Tests.Store;

public sealed class RedisConnectorTests
{
    [Fact]
    public async Task ConnectAsync_RedisStartsLate_ConnectsAfterRetries()
    {
        await using var redis = await RedisServer.StartAsync().DefaultTimeout();
        redis.Kill();
        var logger = new RecordingLogger();
        var connecting = RedisConnector.ConnectAsync(redis.Configuration, 30, TimeSpan.FromMilliseconds(100), TimeProvider.System, logger);
        await logger.FirstWarning.DefaultTimeout();
        Assert.False(connecting.IsCompleted);
        await redis.RestartAsync().DefaultTimeout();
        await using var connection = await connecting.DefaultTimeout();

        Assert.True(connection.IsConnected);
        Assert.Contains(logger.Messages, m => m.Contains("not reachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_ThrowsStoreUnavailableAfterTheAttempts()
    {
        var logger = new RecordingLogger();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => RedisConnector.ConnectAsync(
            $"127.0.0.1:{RedisServer.FreeTcpPort()},connectTimeout=1000", 3, TimeSpan.FromMilliseconds(10), TimeProvider.System, logger)).DefaultTimeout();

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
