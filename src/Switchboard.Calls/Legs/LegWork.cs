using Microsoft.Extensions.Logging;

namespace Switchboard.Calls.Legs;

/// <summary>
/// The lifetime of one leg and every task it starts: each is tracked and awaited (bounded) when the leg is disposed, and
/// each request it sends is bounded by <see cref="RequestTimeout"/> on the call's clock, a failure logged rather than thrown.
/// </summary>
internal sealed class LegWork : IAsyncDisposable
{
    /// <summary>How long one request (BYE, REFER, NOTIFY) or the release of the whole leg may take.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(35);

    private readonly CancellationTokenSource _life = new();
    private readonly List<Task> _tasks = [];
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _callId;
    private readonly string _leg;

    public LegWork(string callId, string leg, TimeProvider timeProvider, ILogger logger)
    {
        _callId = callId;
        _leg = leg;
        _time = timeProvider;
        _logger = logger;
    }

    /// <summary>Cancelled when the leg is disposed.</summary>
    public CancellationToken Life => _life.Token;

    /// <summary>Keeps <paramref name="task"/> to await at dispose.</summary>
    public void Track(Task task)
    {
        lock (_tasks)
        {
            _tasks.RemoveAll(t => t.IsCompleted);
            _tasks.Add(task);
        }
    }

    /// <summary>Sends one request within <see cref="RequestTimeout"/>; a timeout or a dialog that is gone is logged.</summary>
    public async Task SendAsync(string what, Func<CancellationToken, Task> send)
    {
        try
        {
            using var timeout = new CancellationTokenSource(RequestTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _life.Token);
            await send(linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            CallLegLog.RequestFailed(_logger, _callId, _leg, what, ex.GetType().Name); // never the message: it may quote a URI
        }
    }

    /// <summary>Waits (bounded) for everything tracked, then cancels <see cref="Life"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] tasks;
        lock (_tasks)
        {
            tasks = [.. _tasks];
        }

        try
        {
            await Task.WhenAll(tasks).WaitAsync(RequestTimeout, _time).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            CallLegLog.RequestFailed(_logger, _callId, _leg, "release", ex.GetType().Name);
        }

        await _life.CancelAsync().ConfigureAwait(false);
        _life.Dispose();
    }
}
