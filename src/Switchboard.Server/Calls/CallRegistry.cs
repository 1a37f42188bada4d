using System.Collections.Concurrent;
using Switchboard.Calls.States;

namespace Switchboard.Server.Calls;

/// <summary>
/// The calls running on this node (inbound calls and callbacks alike), by call id: starts each executor's loop, keeps
/// its task, and at shutdown ends every call cleanly and waits for them.
/// </summary>
public sealed class CallRegistry : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, CallExecutor> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<CallExecutor, Task> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Calls in progress on this node.</summary>
    public int Count => _calls.Count;

    /// <summary>Calls now in <paramref name="phase"/> (for /metrics).</summary>
    public int CountIn(CallPhase phase) => _calls.Values.Count(c => c.Phase == phase);

    /// <summary>The call with this id on this node, if any.</summary>
    public CallExecutor? Find(string callId) => _calls.TryGetValue(callId, out var call) ? call : null;

    /// <summary>Starts the call's loop; false when a call with that id already runs here (or the node stops).</summary>
    public bool TryStart(CallExecutor call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (_stopping.IsCancellationRequested || !_calls.TryAdd(call.CallId, call))
        {
            return false;
        }

        _running[call] = RunAsync(call);
        return true;
    }

    private async Task RunAsync(CallExecutor call)
    {
        await Task.Yield(); // registered in _running before it can finish
        try
        {
            await call.RunAsync(_stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            _calls.TryRemove(new KeyValuePair<string, CallExecutor>(call.CallId, call));
            await call.DisposeAsync().ConfigureAwait(false);
            _running.TryRemove(call, out _);
        }
    }

    /// <summary>Ends every call (BYE, the ACD told) and waits for them.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running.Values).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
