using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Acd.Tests.Resilience;

/// <summary>
/// A TCP relay on loopback in front of a real redis-server that can make a client time out on a script that did run:
/// once armed, it holds back Redis's replies from the next <c>EVAL</c>/<c>EVALSHA</c> on (the script runs on the
/// server, its answer does not reach the client) until the client has sent a second one (its retry), then lets
/// everything through in order. Without a retry the hold ends after <see cref="MaxHold"/>.
/// </summary>
internal sealed class ReplyHoldingRelay : IAsyncDisposable
{
    public static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(10);
    private static readonly byte[] Eval = Encoding.ASCII.GetBytes("EVAL");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _redis;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _sockets = [];
    private readonly object _lock = new();
    private TaskCompletionSource _open = NewGate(open: true);
    private Task? _accepting;
    private bool _armed;
    private int _evalsWhileHeld;

    private ReplyHoldingRelay(IPEndPoint redis) => _redis = redis;

    /// <summary>Where clients connect (a StackExchange.Redis configuration string).</summary>
    public string Configuration => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port},abortConnect=false,connectTimeout=2000,syncTimeout=5000";

    /// <summary>True once a hold was released by the client's second script (a retry), not by <see cref="MaxHold"/>.</summary>
    public bool ReleasedByRetry { get; private set; }

    public static ReplyHoldingRelay Start(int redisPort)
    {
        var relay = new ReplyHoldingRelay(new IPEndPoint(IPAddress.Loopback, redisPort));
        relay._listener.Start();
        relay._accepting = relay.AcceptAsync();
        return relay;
    }

    /// <summary>Holds the replies from the next script on, until the client sends its retry.</summary>
    public void Arm()
    {
        lock (_lock)
        {
            _armed = true;
        }
    }

    private static TaskCompletionSource NewGate(bool open)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open)
        {
            gate.SetResult();
        }

        return gate;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var server = new TcpClient();
            await server.ConnectAsync(_redis, _stop.Token);
            lock (_lock)
            {
                _sockets.Add(client);
                _sockets.Add(server);
            }

            _ = PumpRequestsAsync(client.GetStream(), server.GetStream());
            _ = PumpRepliesAsync(server.GetStream(), client.GetStream());
        }
    }

    private async Task PumpRequestsAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                var evals = Count(buffer.AsSpan(0, n));
                if (evals > 0)
                {
                    OnScripts(evals);
                }

                await to.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Closes the gate at the armed script (before it reaches Redis), opens it at the retry.</summary>
    private void OnScripts(int evals)
    {
        lock (_lock)
        {
            if (_armed)
            {
                _armed = false;
                _open = NewGate(open: false);
                _evalsWhileHeld = evals;
                var held = _open;
                _ = Task.Delay(MaxHold, _stop.Token).ContinueWith(_ => held.TrySetResult(), TaskScheduler.Default);
            }
            else if (!_open.Task.IsCompleted)
            {
                _evalsWhileHeld += evals;
            }

            if (!_open.Task.IsCompleted && _evalsWhileHeld >= 2)
            {
                ReleasedByRetry = true;
                _open.TrySetResult();
            }
        }
    }

    private async Task PumpRepliesAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                Task gate;
                lock (_lock)
                {
                    gate = _open.Task;
                }

                await gate.WaitAsync(_stop.Token);
                await to.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static int Count(ReadOnlySpan<byte> data)
    {
        var count = 0;
        for (var i = data.IndexOf(Eval); i >= 0; i = data.IndexOf(Eval))
        {
            count++;
            data = data[(i + Eval.Length)..];
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_accepting is not null)
        {
            await _accepting;
        }

        lock (_lock)
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }
        }

        _stop.Dispose();
    }
}
