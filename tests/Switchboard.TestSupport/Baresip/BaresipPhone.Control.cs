using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Switchboard.TestSupport;

/// <summary>The ctrl_tcp side of <see cref="BaresipPhone"/>: commands, responses and events.</summary>
public sealed partial class BaresipPhone
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _pending = new(StringComparer.Ordinal);
    private readonly List<BaresipEvent> _events = [];
    private readonly List<EventWaiter> _waiters = [];
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly StringBuilder _digits = new();
    private TcpClient? _connection;
    private Task? _readLoop;
    private long _nextToken;
    private Exception? _closedError;

    /// <summary>How many events arrived so far: pass it as <c>since</c> to wait only for later ones.</summary>
    public long EventCount
    {
        get
        {
            lock (_events)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>All events so far, oldest first.</summary>
    public IReadOnlyList<BaresipEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>The type of the latest call event (CALL_INCOMING, CALL_ESTABLISHED, CALL_CLOSED, ...), or null.</summary>
    public string? CallState { get; private set; }

    /// <summary>DTMF digits this phone received (CALL_DTMF_START), in order.</summary>
    public string ReceivedDigits
    {
        get
        {
            lock (_events)
            {
                return _digits.ToString();
            }
        }
    }

    /// <summary>Dials <paramref name="uri"/> (e.g. <c>sip:ivr@127.0.0.1:5060</c>).</summary>
    public Task DialAsync(string uri, CancellationToken cancellationToken = default) =>
        SendCommandAsync("dial", uri, cancellationToken);

    /// <summary>Answers the ringing incoming call.</summary>
    public Task AcceptAsync(CancellationToken cancellationToken = default) =>
        SendCommandAsync("accept", null, cancellationToken);

    /// <summary>Sends DTMF digits (0-9, *, #, A-D) on the current call, RFC 4733 events in the audio stream.</summary>
    public Task SendDtmfAsync(string digits, CancellationToken cancellationToken = default) =>
        SendCommandAsync("sndcode", digits, cancellationToken);

    /// <summary>Hangs up the current call.</summary>
    public Task HangupAsync(CancellationToken cancellationToken = default) =>
        SendCommandAsync("hangup", null, cancellationToken);

    /// <summary>
    /// Sends any ctrl_tcp command and returns its response's <c>data</c>; throws <see cref="InvalidOperationException"/>
    /// when baresip answers <c>ok: false</c>.
    /// </summary>
    public async Task<string> SendCommandAsync(string command, string? parameters, CancellationToken cancellationToken = default)
    {
        var connection = _connection ?? throw new InvalidOperationException("baresip is not connected");
        var token = "t" + Interlocked.Increment(ref _nextToken).ToString(CultureInfo.InvariantCulture);
        var response = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[token] = response;
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["command"] = command,
            ["params"] = parameters ?? string.Empty,
            ["token"] = token,
        });

        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.GetStream().WriteAsync(Netstring.Encode(json), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }

        using (cancellationToken.Register(() => response.TrySetCanceled(cancellationToken)))
        {
            return await response.Task.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits for an event of <paramref name="type"/> with sequence number at least <paramref name="since"/>
    /// (events already received count too) that also matches <paramref name="predicate"/>.
    /// </summary>
    public Task<BaresipEvent> WaitForEventAsync(string type, long since = 0, Func<BaresipEvent, bool>? predicate = null, CancellationToken cancellationToken = default) =>
        WaitForAsync(e => e.Type == type && (predicate is null || predicate(e)), since, cancellationToken);

    /// <summary>Waits until this phone has received at least <paramref name="count"/> DTMF digits; returns them all.</summary>
    public async Task<string> WaitForDigitsAsync(int count, CancellationToken cancellationToken = default)
    {
        long since = 0;
        while (true)
        {
            var digits = ReceivedDigits;
            if (digits.Length >= count)
            {
                return digits;
            }

            var next = await WaitForEventAsync(BaresipEventType.CallDtmfStart, since, cancellationToken: cancellationToken).ConfigureAwait(false);
            since = next.Sequence + 1;
        }
    }

    /// <summary>Every event from <paramref name="since"/> on, as it arrives.</summary>
    public async IAsyncEnumerable<BaresipEvent> ReadEventsAsync(long since = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var next = await WaitForAsync(_ => true, since, cancellationToken).ConfigureAwait(false);
            since = next.Sequence + 1;
            yield return next;
        }
    }

    private Task<BaresipEvent> WaitForAsync(Func<BaresipEvent, bool> match, long since, CancellationToken cancellationToken)
    {
        var waiter = new EventWaiter(match, since);
        lock (_events)
        {
            for (var i = (int)Math.Max(0, since); i < _events.Count; i++)
            {
                if (match(_events[i]))
                {
                    return Task.FromResult(_events[i]);
                }
            }

            if (_closedError is not null)
            {
                return Task.FromException<BaresipEvent>(_closedError);
            }

            _waiters.Add(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                lock (_events)
                {
                    _waiters.Remove(waiter);
                }

                waiter.Completion.TrySetCanceled(cancellationToken);
            });
            _ = waiter.Completion.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }

        return waiter.Completion.Task;
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        await client.ConnectAsync(new IPEndPoint(IPAddress.Loopback, ControlPort), cancellationToken).ConfigureAwait(false);
        _connection = client;
        // Take the stream now: a phone disposed before the loop's first turn has already closed the client.
        var stream = client.GetStream();
        _readLoop = Task.Run(() => ReadLoopAsync(stream), CancellationToken.None);
    }

    private async Task ReadLoopAsync(NetworkStream stream)
    {
        var buffer = new byte[64 * 1024];
        var count = 0;
        Exception error = new InvalidOperationException("baresip closed its control connection");
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = await stream.ReadAsync(buffer.AsMemory(count)).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                count += read;
                var sequence = new ReadOnlySequence<byte>(buffer, 0, count);
                while (Netstring.TryRead(ref sequence, out var payload))
                {
                    Dispatch(payload);
                }

                var consumed = count - (int)sequence.Length;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, count - consumed);
                count -= consumed;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or FormatException or JsonException)
        {
            error = new InvalidOperationException("baresip control connection failed: " + e.Message, e);
        }

        Close(error);
    }

    private void Dispatch(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        if (root.TryGetProperty("response", out _))
        {
            var token = root.TryGetProperty("token", out var t) ? t.GetString() : null;
            if (token is not null && _pending.TryRemove(token, out var response))
            {
                var ok = root.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
                var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() ?? string.Empty : string.Empty;
                if (ok)
                {
                    response.TrySetResult(data);
                }
                else
                {
                    response.TrySetException(new InvalidOperationException($"baresip refused the command: {data}"));
                }
            }

            return;
        }

        if (!root.TryGetProperty("event", out _))
        {
            return;
        }

        AddEvent(sequence => BaresipEvent.FromJson(sequence, root));
    }

    /// <summary>
    /// baresip prints "user@host: {0/UDP/v4} 200 OK () [1 binding]" when a registration succeeds. Its first
    /// registration can finish before our control connection is up, and ctrl_tcp does not replay the
    /// REGISTER_OK it sent to nobody, so the console line counts as that event too.
    /// </summary>
    private void OnConsoleLine(string? line)
    {
        if (line is not null && IsRegistrationLine(line))
        {
            AddEvent(sequence => new BaresipEvent(sequence, BaresipEventType.RegisterOk, null, null, null, "console"));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" 200 OK \(.*\) \[[1-9][0-9]* bindings?\]")]
    private static partial System.Text.RegularExpressions.Regex RegisteredLine();

    /// <summary>True for baresip's console line of a successful registration with at least one binding.</summary>
    internal static bool IsRegistrationLine(string line) => RegisteredLine().IsMatch(line);

    private void AddEvent(Func<long, BaresipEvent> create)
    {
        List<EventWaiter> completed = [];
        BaresipEvent added;
        lock (_events)
        {
            added = create(_events.Count);
            _events.Add(added);
            if (added.Type == BaresipEventType.CallDtmfStart && added.Param is { Length: > 0 } digit)
            {
                _digits.Append(digit);
            }

            if (added.Type is BaresipEventType.CallIncoming or BaresipEventType.CallRinging or BaresipEventType.CallProgress
                or BaresipEventType.CallEstablished or BaresipEventType.CallClosed)
            {
                CallState = added.Type;
            }

            foreach (var waiter in _waiters)
            {
                if (added.Sequence >= waiter.Since && waiter.Match(added))
                {
                    completed.Add(waiter);
                }
            }

            _waiters.RemoveAll(completed.Contains);
        }

        foreach (var waiter in completed)
        {
            waiter.Completion.TrySetResult(added);
        }
    }

    private void Close(Exception error)
    {
        List<EventWaiter> waiters;
        lock (_events)
        {
            _closedError = error;
            waiters = [.. _waiters];
            _waiters.Clear();
        }

        foreach (var waiter in waiters)
        {
            waiter.Completion.TrySetException(error);
        }

        foreach (var token in _pending.Keys)
        {
            if (_pending.TryRemove(token, out var response))
            {
                response.TrySetException(error);
            }
        }
    }

    private sealed class EventWaiter(Func<BaresipEvent, bool> match, long since)
    {
        public Func<BaresipEvent, bool> Match { get; } = match;

        public long Since { get; } = since;

        public TaskCompletionSource<BaresipEvent> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
