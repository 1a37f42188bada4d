using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.TestSupport.Chromium;

/// <summary>
/// A minimal Chrome DevTools Protocol client over one WebSocket (a page target): JSON commands
/// <c>{id, method, params}</c> matched to their replies by id; events are kept so a test can await one.
/// </summary>
public sealed class CdpSession : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly List<(string Method, JsonElement Params)> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private Task _receiveLoop = Task.CompletedTask;
    private int _nextId;

    private CdpSession()
    {
    }

    /// <summary>Connects to a target's <c>webSocketDebuggerUrl</c>.</summary>
    public static async Task<CdpSession> ConnectAsync(Uri webSocketUrl, CancellationToken cancellationToken = default)
    {
        var session = new CdpSession();
        session._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await session._socket.ConnectAsync(webSocketUrl, cancellationToken).ConfigureAwait(false);
        session._receiveLoop = Task.Run(() => session.ReceiveLoopAsync(session._stop.Token), CancellationToken.None);
        return session;
    }

    /// <summary>Sends a command and returns its <c>result</c>; throws <see cref="CdpException"/> on an <c>error</c> reply.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        try
        {
            // One frame per message; ClientWebSocket allows one send at a time.
            await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _sendGate.Release();
            }

            using var registration = cancellationToken.Register(() => reply.TrySetCanceled(cancellationToken));
            var result = await reply.Task.ConfigureAwait(false);
            if (result.TryGetProperty("error", out var error))
            {
                throw new CdpException($"{method}: {error.GetRawText()}");
            }

            return result.TryGetProperty("result", out var value) ? value : default;
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Whether an event named <paramref name="method"/> arrived (e.g. <c>Page.loadEventFired</c>).</summary>
    public bool HasEvent(string method)
    {
        lock (_events)
        {
            return _events.Exists(e => e.Method == method);
        }
    }

    /// <summary>Forgets the events received so far.</summary>
    public void ClearEvents()
    {
        lock (_events)
        {
            _events.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The browser may already be gone.
        }

        try
        {
            await _receiveLoop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Ended by the close above.
        }

        _socket.Dispose();
        _stop.Dispose();
        _sendGate.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!cancellationToken.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                Dispatch(message.ToArray());
                message.SetLength(0);
            }
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new CdpException("the DevTools connection closed"));
            }
        }
    }

    private void Dispatch(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        if (root.TryGetProperty("id", out var id) && _pending.TryGetValue(id.GetInt32(), out var reply))
        {
            reply.TrySetResult(root);
        }
        else if (root.TryGetProperty("method", out var method))
        {
            lock (_events)
            {
                _events.Add((method.GetString() ?? string.Empty, root.TryGetProperty("params", out var p) ? p : default));
            }
        }
    }
}
