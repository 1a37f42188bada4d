using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Security;

namespace Switchboard.Sip.Transport;

/// <summary>
/// The SIP TCP connections of one <see cref="SipNetworkTransport"/> (RFC 3261 §18): outbound ones opened on first use
/// and reused, inbound ones accepted from the listener (with a back-off when accept fails, e.g. out of file
/// descriptors, instead of spinning), capped in total and per source address (over a cap, or from a banned source, a
/// new connection is reset at once), and closed by a sweep after <see cref="SipTransportOptions.TcpIdleTimeout"/>
/// without traffic. Each frame a connection reads goes to the transport's admission and parsing.
/// </summary>
internal sealed class SipTcpConnectionPool : IAsyncDisposable
{
    private readonly ConcurrentDictionary<IPEndPoint, SipTcpConnection> _connections = new();
    private readonly ConcurrentDictionary<IPAddress, int> _inboundPerSource = new();
    private readonly SipNetworkTransport _transport;
    private readonly SipTransportOptions _options;
    private readonly ILogger _logger;
    private readonly Socket? _listener;
    private readonly Func<ReadOnlyMemory<byte>, SipTcpConnection, bool> _onFrame;
    private ITimer? _idleSweep;

    /// <param name="transport">The owner: clock, rate limiter, security events, metrics and local end point.</param>
    /// <param name="listener">The bound, listening socket; null when inbound TCP is off (outbound connections still work).</param>
    /// <param name="onFrame">Handles one frame; false closes the connection (its source went over its rate).</param>
    public SipTcpConnectionPool(SipNetworkTransport transport, SipTransportOptions options, Socket? listener, ILogger logger,
        Func<ReadOnlyMemory<byte>, SipTcpConnection, bool> onFrame)
    {
        _transport = transport;
        _options = options;
        _listener = listener;
        _logger = logger;
        _onFrame = onFrame;
    }

    /// <summary>Connections open now, in and out.</summary>
    public int Count => _connections.Count;

    private TimeProvider Time => _transport.TimeProvider;

    /// <summary>Starts accepting (when there is a listener) and the idle sweep; the task ends when accepting stops.</summary>
    public Task Start(CancellationToken cancellationToken)
    {
        if (_listener is null)
        {
            return Task.CompletedTask;
        }

        var sweep = TimeSpan.FromTicks(Math.Clamp(_options.TcpIdleTimeout.Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(30).Ticks));
        _idleSweep = Time.CreateTimer(static state => ((SipTcpConnectionPool)state!).CloseIdleConnections(), this, sweep, sweep);
        return Task.Run(() => AcceptLoopAsync(cancellationToken), CancellationToken.None);
    }

    /// <summary>The open connection to <paramref name="remote"/>, or a new outbound one.</summary>
    public async ValueTask<SipTcpConnection> GetAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (_connections.TryGetValue(remote, out var existing))
        {
            return existing;
        }

        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(remote, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new SipTcpConnection(socket, inbound: false, Time);
        if (!_connections.TryAdd(remote, connection))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            return _connections[remote];
        }

        connection.Start(_onFrame, OnClosed, _options.Parser.MaxMessageSize);
        return connection;
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.Zero;
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptAsync(cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.Zero;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // e.g. out of file descriptors: wait before trying again (10 ms doubling to 1 s) instead of spinning.
                backoff = TimeSpan.FromTicks(Math.Clamp(backoff.Ticks * 2, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks));
                SipLog.AcceptFailed(_logger, _transport.LocalEndPoint, ex.SocketErrorCode);
                try
                {
                    await Task.Delay(backoff, Time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            Accept(socket);
        }
    }

    /// <summary>Starts serving an accepted connection, unless it is over the total or per-source cap (then it is reset).</summary>
    private void Accept(Socket socket)
    {
        if (socket.RemoteEndPoint is not IPEndPoint remote)
        {
            socket.Dispose();
            return;
        }

        var source = remote.Address;
        var perSource = _inboundPerSource.AddOrUpdate(source, 1, static (_, n) => n + 1);
        var (cap, limit) = _connections.Count >= _options.MaxTcpConnections ? ("connections", _options.MaxTcpConnections)
            : perSource > _options.MaxTcpConnectionsPerSource ? ("connections per source", _options.MaxTcpConnectionsPerSource)
            : (null, 0);
        if (cap is not null || (_transport.RateLimiter is { } limiter && limiter.IsBanned(source)))
        {
            ReleaseSource(source);
            if (cap is not null)
            {
                _transport.SecurityEvents?.TcpConnectionRefused(source, cap, limit);
            }

            socket.LingerState = new LingerOption(true, 0); // reset: no TIME_WAIT kept for a refused peer
            socket.Dispose();
            return;
        }

        socket.NoDelay = true;
        var connection = new SipTcpConnection(socket, inbound: true, Time);
        _connections[connection.Remote] = connection;
        connection.Start(_onFrame, OnClosed, _options.Parser.MaxMessageSize);
    }

    private void ReleaseSource(IPAddress source)
    {
        while (_inboundPerSource.TryGetValue(source, out var n))
        {
            if (n <= 1 ? _inboundPerSource.TryRemove(new KeyValuePair<IPAddress, int>(source, n)) : _inboundPerSource.TryUpdate(source, n - 1, n))
            {
                return;
            }
        }
    }

    /// <summary>Closes connections idle for longer than <see cref="SipTransportOptions.TcpIdleTimeout"/>.</summary>
    private void CloseIdleConnections()
    {
        foreach (var connection in _connections.Values)
        {
            var idle = connection.IdleFor;
            if (idle >= _options.TcpIdleTimeout)
            {
                // Once (the next sweep can still see it before the read loop removes it), and before the peer sees the close.
                connection.Close(() => _transport.SecurityEvents?.TcpIdleClosed(connection.Remote.Address, idle));
            }
        }
    }

    private void OnClosed(SipTcpConnection connection, string? framingError)
    {
        if (_connections.TryRemove(new KeyValuePair<IPEndPoint, SipTcpConnection>(connection.Remote, connection)) && connection.Inbound)
        {
            ReleaseSource(connection.Remote.Address);
        }

        if (framingError is not null)
        {
            _transport.Metrics.MessageMalformed();
            SipLog.TcpFramingError(_logger, new SipEndPoint(SipTransportKind.Tcp, connection.Remote), framingError);
        }
    }

    /// <summary>Stops the sweep and closes every connection (the listener belongs to the transport).</summary>
    public async ValueTask DisposeAsync()
    {
        _idleSweep?.Dispose();
        foreach (var c in _connections.Values)
        {
            await c.DisposeAsync().ConfigureAwait(false);
        }
    }
}
