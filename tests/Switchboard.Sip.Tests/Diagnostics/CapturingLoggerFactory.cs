using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Switchboard.Sip.Tests.Diagnostics;

/// <summary>An in-memory log sink (a real ILogger implementation) that keeps what the stack logs at or above a level.</summary>
internal sealed class CapturingLoggerFactory(LogLevel minimum) : ILoggerFactory, ILogger
{
    public ConcurrentQueue<(int EventId, LogLevel Level, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Assert.True(IsEnabled(logLevel), "logged below the enabled level");
        Entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
    }

    public void Dispose()
    {
    }
}
