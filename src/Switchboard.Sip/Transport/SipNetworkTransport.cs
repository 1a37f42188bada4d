using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Security;

namespace Switchboard.Sip.Transport;

/// <summary>
/// UDP and TCP transports on one address/port (RFC 3261 §18): UDP received on a dedicated thread (blocking recvfrom,
/// no hop per datagram), TCP in async loops, outbound TCP connection reuse,
/// malformed requests answered with 400 to their source where addressable (RFC 4475), everything else dropped.
/// Every datagram or TCP frame first passes the per-source <see cref="RateLimiter"/>; the TCP connections (caps in total
/// and per source, idle timeout, accept back-off) are kept by a <see cref="SipTcpConnectionPool"/>.
/// </summary>
public sealed class SipNetworkTransport : ISipTransport, IAsyncDisposable
{
    private readonly SipTransportOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _cts = new();
    private readonly List<Task> _loops = [];
    private Socket? _udp;
    private Socket? _tcpListener;
    private SipTcpConnectionPool? _tcp;
    private Action<SipMessage, SipEndPoint> _onMessage = static (_, _) => { };

    public SipNetworkTransport(SipTransportOptions options, ILogger? logger = null)
    {
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The bound port (UDP and TCP).</summary>
    public int Port { get; private set; }

    public IPEndPoint LocalEndPoint => new(_options.BindAddress, Port);

    /// <summary>Counts messages dropped or rejected as malformed (for tests and metrics).</summary>
    public long MalformedCount => Metrics.MessagesMalformed;

    /// <summary>
    /// Counters of this stack: the transport counts messages parsed and malformed; a <see cref="Transactions.SipTransactionLayer"/>
    /// built on this transport counts its transactions into the same instance.
    /// </summary>
    public SipTransactionMetrics Metrics { get; init; } = new();

    /// <summary>The per-source rate limit applied before parsing; null limits nothing.</summary>
    public SourceRateLimiter? RateLimiter { get; init; }

    /// <summary>Where bans and refused connections are reported; null reports nothing.</summary>
    public SipSecurityEvents? SecurityEvents { get; init; }

    /// <summary>Clock of the TCP idle timeout.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>TCP connections open now, in and out.</summary>
    public int TcpConnectionCount => _tcp?.Count ?? 0;

    /// <summary>Binds UDP and TCP to the same port and starts the receive loops.</summary>
    public void Start(Action<SipMessage, SipEndPoint> onMessage)
    {
        _onMessage = onMessage;
        for (var attempt = 0; ; attempt++)
        {
            var udp = new Socket(_options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                udp.Bind(new IPEndPoint(_options.BindAddress, _options.Port));
                var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
                Socket? tcp = null;
                if (_options.EnableTcp)
                {
                    tcp = new Socket(_options.BindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                    try
                    {
                        tcp.Bind(new IPEndPoint(_options.BindAddress, port));
                        tcp.Listen(512);
                    }
                    catch (SocketException) when (_options.Port == 0 && attempt < 20)
                    {
                        tcp.Dispose();
                        udp.Dispose();
                        continue;
                    }
                }

                _udp = udp;
                _tcpListener = tcp;
                Port = port;
                break;
            }
            catch
            {
                udp.Dispose();
                throw;
            }
        }

        _tcp = new SipTcpConnectionPool(this, _options, _tcpListener, _logger,
            (frame, connection) => HandleBytes(frame.Span, new SipEndPoint(SipTransportKind.Tcp, connection.Remote)));
        _loops.Add(StartUdpReceiveThread());
        _loops.Add(_tcp.Start(_cts.Token));
    }

    public (string Host, int Port) GetSentBy(SipTransportKind transport) =>
        (_options.PublicHost ?? _options.BindAddress.ToString(), _options.PublicPort ?? Port);

    public async ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        var bytes = message.ToArray();
        await SendRawAsync(bytes, destination, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask SendRawAsync(ReadOnlyMemory<byte> bytes, SipEndPoint destination, CancellationToken cancellationToken)
    {
        if (destination.Transport == SipTransportKind.Udp)
        {
            // Synchronous: a UDP send does not wait, and a socket never used asynchronously stays a blocking one, so the
            // receive thread sleeps in recvfrom itself (no epoll thread or thread-pool hop per datagram).
            cancellationToken.ThrowIfCancellationRequested();
            _udp!.SendTo(bytes.Span, SocketFlags.None, destination.Address);
            return;
        }

        var tcp = _tcp ?? throw new InvalidOperationException("The transport is not started.");
        var connection = await tcp.GetAsync(destination.Address, cancellationToken).ConfigureAwait(false);
        await connection.SendAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// UDP on a dedicated thread (<c>sip-udp-receive</c>) blocked in recvfrom: each datagram is parsed and handed to the
    /// transaction layer on this thread, with no epoll thread and no thread-pool dispatch in between (a REGISTER or an
    /// INVITE's 100 is answered before the thread reads the next datagram, as the async loop did). Disposing the socket
    /// ends it. The task completes when the thread has stopped.
    /// </summary>
    private Task StartUdpReceiveThread()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                UdpReceiveLoop(_cts.Token);
            }
            finally
            {
                stopped.TrySetResult();
            }
        })
        { IsBackground = true, Name = "sip-udp-receive" };
        thread.Start();
        return stopped.Task;
    }

    private void UdpReceiveLoop(CancellationToken cancellationToken)
    {
        var buffer = GC.AllocateArray<byte>(65536, pinned: true);
        var address = new SocketAddress(_options.BindAddress.AddressFamily);
        var template = new IPEndPoint(_options.BindAddress.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            int n;
            try
            {
                n = _udp!.ReceiveFrom(buffer, SocketFlags.None, address);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                SipLog.UdpReceiveFailed(_logger, LocalEndPoint, ex.SocketErrorCode);
                continue; // e.g. ICMP port unreachable reported on the socket
            }

            var remote = (IPEndPoint)template.Create(address);
            try
            {
                HandleBytes(buffer.AsSpan(0, n), new SipEndPoint(SipTransportKind.Udp, remote));
            }
#pragma warning disable CA1031 // One datagram's failure must not stop SIP over UDP for everybody.
            catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                SipLog.ParserFailed(_logger, ex, new SipEndPoint(SipTransportKind.Udp, remote));
            }
        }
    }

    /// <summary>Parses and delivers one datagram or frame; false when its source is over its rate (a TCP connection is then closed).</summary>
    private bool HandleBytes(ReadOnlySpan<byte> bytes, SipEndPoint remote)
    {
        if (RateLimiter is { } limiter && !Admit(limiter, bytes, remote))
        {
            return false;
        }

        SipMessage? message = null;
        try
        {
            var result = SipMessageParser.Parse(bytes, _options.Parser);
            if (result.IsKeepAlive)
            {
                Metrics.KeepAlive();
                return true;
            }

            if (!result.Success)
            {
                Metrics.MessageMalformed();
                if (result.IsRequest && SipResponseFactory.CreateForInvalid(result.PartialHeaders, result.ErrorStatus, result.ErrorReason!) is { } reply)
                {
                    SipLog.MalformedAnswered(_logger, remote, reply.StatusCode, result.ErrorReason!);
                    Reply(reply, remote);
                }
                else
                {
                    SipLog.MalformedDropped(_logger, remote, result.ErrorStatus, result.ErrorReason!);
                }

                return true;
            }

            message = result.Message!;
            if (SipMessageValidator.Validate(message) is { } error)
            {
                Metrics.MessageMalformed();
                if (SipResponseFactory.CreateForInvalid(message, error) is { } reply)
                {
                    SipLog.MalformedAnswered(_logger, remote, reply.StatusCode, error.Reason);
                    Reply(reply, remote);
                }
                else
                {
                    SipLog.MalformedDropped(_logger, remote, error.StatusCode, error.Reason);
                }

                return true;
            }

            Metrics.MessageParsed();
            if (message is SipResponse && message.TopVia is { } via && via.Host == "255.255.255.255")
            {
                return true; // RFC 4475 bcast: never act on a broadcast Via
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Metrics.MessageMalformed();
            SipLog.ParserFailed(_logger, ex, remote);
            return true;
        }

        _onMessage(message, remote);
        return true;
    }

    /// <summary>
    /// Takes a token from the source's bucket. Over the rate: the first message bans the source (reported once), every
    /// refused message is counted and dropped, or answered 503 + Retry-After when the refusal is <see cref="SipRefusal.Reject"/>.
    /// </summary>
    private bool Admit(SourceRateLimiter limiter, ReadOnlySpan<byte> bytes, SipEndPoint remote)
    {
        var verdict = limiter.Check(remote.Address.Address);
        if (verdict == SourceVerdict.Allow)
        {
            return true;
        }

        if (verdict == SourceVerdict.Banned)
        {
            SecurityEvents?.SourceBanned(remote.Address.Address, limiter.Options);
        }

        SecurityEvents?.Increment(SipSecurityEvent.FloodDropped);
        if (limiter.Options.Refusal == SipRefusal.Reject && SipMessageParser.Parse(bytes, _options.Parser).Message is SipRequest { Method: not SipMethods.Ack } request)
        {
            Reply(Transactions.SipTransactionLayer.ServiceUnavailable(request, limiter.Options.BanDuration), remote);
        }

        return false;
    }

    private void Reply(SipResponse response, SipEndPoint remote)
    {
        var pending = SendRawAsync(response.ToArray(), remote, CancellationToken.None);
        if (!pending.IsCompletedSuccessfully)
        {
            _ = ObserveReplyAsync(pending, remote);
        }
    }

    private async Task ObserveReplyAsync(ValueTask pending, SipEndPoint remote)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipLog.ReplyFailed(_logger, ex, remote);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync().ConfigureAwait(false);
        _udp?.Dispose();
        _tcpListener?.Dispose();
        if (_tcp is not null)
        {
            await _tcp.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _cts.Dispose();
    }
}
