using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Codecs;
using Switchboard.Media.Playback;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;

namespace Switchboard.Server.Telephony;

/// <summary>
/// One call leg's RTP stream (RFC 3550 §5, G.711 per RFC 3551, DTMF per RFC 4733): a UDP socket read by an async
/// loop, audio sent on the shared <see cref="MediaClock"/> from the current <see cref="IAudioSource"/>, received
/// telephone-events and in-band tones reported as digits, and, when bridged, received audio relayed to the other leg.
/// </summary>
public sealed partial class RtpLeg : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly MediaClock _clock;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _sendLock = new();
    private readonly byte[] _frame = new byte[G711.FrameSamples];
    private readonly byte[] _packet = new byte[RtpHeader.Size + 512];
    private readonly CancellationTokenSource _stop = new();
    private readonly uint _ssrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
    private ushort _sequence = (ushort)Random.Shared.Next(ushort.MaxValue);
    private uint _timestamp = (uint)Random.Shared.NextInt64(uint.MaxValue);
    private NegotiatedMedia? _media;
    private EndPoint? _remote;
    private IAudioSource? _source;
    private RtpLeg? _bridge;
    private Task? _receiveLoop;
    private long _packetsReceived;
    private long _packetsSent;

    internal RtpLeg(IPAddress bindAddress, string advertisedAddress, MediaClock clock, TimeProvider timeProvider)
    {
        _socket = new Socket(bindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(bindAddress, 0));
        LocalPort = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        AdvertisedAddress = advertisedAddress;
        _clock = clock;
        _timeProvider = timeProvider;
        SessionId = Random.Shared.NextInt64(1, int.MaxValue);
    }

    /// <summary>Our RTP port (written into our SDP).</summary>
    public int LocalPort { get; }

    /// <summary>The address written into our SDP.</summary>
    public string AdvertisedAddress { get; }

    /// <summary>The SDP origin's session id (RFC 4566 §5.2).</summary>
    public long SessionId { get; }

    /// <summary>What our SDP says about us.</summary>
    public SdpLocalEndpoint LocalEndpoint => new(AdvertisedAddress, LocalPort, SessionId, 1);

    /// <summary>The negotiated stream, once <see cref="Start"/> ran.</summary>
    public NegotiatedMedia? Media => _media;

    /// <summary>RTP packets received (any payload type).</summary>
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>RTP packets sent.</summary>
    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>A key press (RFC 4733 event or in-band tone); raised on the receive loop.</summary>
    public event Action<char>? DigitReceived;

    /// <summary>The current source ran out; raised on the clock with the source that finished.</summary>
    public event Action<IAudioSource>? SourceFinished;

    /// <summary>Starts receiving and sending towards the negotiated remote address.</summary>
    public void Start(NegotiatedMedia media)
    {
        ArgumentNullException.ThrowIfNull(media);
        _media = media;
        _remote = IPAddress.TryParse(media.RemoteAddress, out var ip) && media.RemotePort > 0 ? new IPEndPoint(ip, media.RemotePort) : null;
        _receiveLoop ??= ReceiveLoopAsync(_stop.Token);
        _clock.Add(this);
    }

    /// <summary>Plays <paramref name="source"/> from the next tick, replacing what played; null plays silence.</summary>
    public void Play(IAudioSource? source) => Volatile.Write(ref _source, source);

    /// <summary>The source playing now, if any.</summary>
    public IAudioSource? CurrentSource => Volatile.Read(ref _source);

    /// <summary>Relays audio both ways between this leg and <paramref name="other"/> (null ends the bridge on both).</summary>
    public static void Bridge(RtpLeg a, RtpLeg b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a.Play(null);
        b.Play(null);
        Volatile.Write(ref a._bridge, b);
        Volatile.Write(ref b._bridge, a);
    }

    /// <summary>Ends a bridge this leg is part of.</summary>
    public void Unbridge()
    {
        if (Interlocked.Exchange(ref _bridge, null) is { } other)
        {
            Volatile.Write(ref other._bridge, null);
        }
    }

    /// <summary>True while bridged to another leg.</summary>
    public bool IsBridged => Volatile.Read(ref _bridge) is not null;

    /// <summary>One 20 ms tick of the media clock: send the next frame of the source (or silence) unless bridged.</summary>
    internal void Tick()
    {
        var media = _media;
        if (media is null || _remote is null || !media.Direction.Sends() || IsBridged)
        {
            return;
        }

        var source = Volatile.Read(ref _source);
        if (source is null || !source.TryReadFrame(media.Codec, _frame))
        {
            _frame.AsSpan().Fill(G711.Silence(media.Codec));
            if (source is not null && Interlocked.CompareExchange(ref _source, null, source) == source)
            {
                SourceFinished?.Invoke(source);
            }
        }

        SendAudio(_frame, media);
    }

    private void SendAudio(ReadOnlySpan<byte> payload, NegotiatedMedia media)
    {
        lock (_sendLock)
        {
            var header = new RtpHeader((byte)media.PayloadType, _sequence++, _timestamp, _ssrc);
            _timestamp += (uint)payload.Length;
            var length = RtpPacket.Write(header, payload, _packet);
            try
            {
                _socket.SendTo(_packet.AsSpan(0, length), SocketFlags.None, _remote!);
                Interlocked.Increment(ref _packetsSent);
            }
            catch (SocketException)
            {
                // ICMP port unreachable from a peer that went away: keep going, the dialog ends the leg.
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Unbridge();
        _clock.Remove(this);
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        if (_receiveLoop is not null)
        {
            try
            {
                await _receiveLoop.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }

        _stop.Dispose();
    }
}
