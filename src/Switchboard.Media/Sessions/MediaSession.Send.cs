using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;

namespace Switchboard.Media.Sessions;

/// <summary>Sending: one frame per clock tick (RFC 3550 §5.1 sequence/timestamp rules) and bridge relaying.</summary>
public sealed partial class MediaSession
{
    private const int SamplesPerFrame = G711.FrameSamples;

    private readonly byte[] _sendBuffer = new byte[RtpHeader.Size + 1500];
    private SocketAddress? _sdpRemote;
    private ushort _sequence;
    private uint _timestamp;
    private long _lastTick = -1;
    private bool _sentFirst;
    private bool _rtpTimeoutRaised;
    private long _packetsSent;

    /// <inheritdoc />
    void Switchboard.Media.Clock.IMediaClockStream.OnTick(long tick)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        CheckTimers();
        var media = Media;
        var remote = Volatile.Read(ref _remote);
        lock (_sendLock)
        {
            var advance = _lastTick < 0 ? 0 : tick - _lastTick;
            _lastTick = tick;
            _timestamp += (uint)(advance * SamplesPerFrame);
            if (media is null || remote is null || !media.Direction.Sends())
            {
                return;
            }

            if (media.TelephoneEventPayloadType is { } eventPayloadType && TrySendTelephoneEvent(eventPayloadType, remote))
            {
                return;
            }

            var payload = _sendBuffer.AsSpan(RtpHeader.Size, SamplesPerFrame);
            var source = Volatile.Read(ref _source);
            var produced = false;
            if (source is not null)
            {
                produced = source.TryReadFrame(media.Codec, payload);
                if (!produced && Interlocked.CompareExchange(ref _source, null, source) == source)
                {
                    RaisePlaybackFinished();
                }
            }

            if (!produced)
            {
                if (Bridge is not null)
                {
                    return; // the other leg's audio is relayed instead
                }

                payload.Fill(G711.Silence(media.Codec));
            }

            var header = new RtpHeader((byte)media.PayloadType, _sequence++, _timestamp, Ssrc, Marker: !_sentFirst);
            _sentFirst = true;
            header.Write(_sendBuffer);
            Send(_sendBuffer.AsSpan(0, RtpHeader.Size + SamplesPerFrame), remote);
        }
    }

    /// <summary>Relays a bridged peer's audio into this leg with our SSRC, sequence and timestamp (transcoding if needed).</summary>
    internal void RelayAudio(in RtpHeader source, ReadOnlySpan<byte> payload, AudioCodec sourceCodec)
    {
        var media = Media;
        var remote = Volatile.Read(ref _remote);
        if (media is null || remote is null || !media.Direction.Sends() || IsPlaying || payload.Length > 1400)
        {
            return;
        }

        lock (_sendLock)
        {
            var timestamp = MapTimestamp(source);
            G711.Transcode(sourceCodec, media.Codec, payload, _relayBuffer.AsSpan(RtpHeader.Size));
            var header = new RtpHeader((byte)media.PayloadType, _sequence++, timestamp, Ssrc, source.Marker || _relayRestarted);
            _relayRestarted = false;
            header.Write(_relayBuffer);
            Send(_relayBuffer.AsSpan(0, RtpHeader.Size + payload.Length), remote);
        }
    }

    /// <summary>Relays a telephone-event packet (RFC 4733) with our payload type, SSRC, sequence and mapped timestamp.</summary>
    internal void RelayTelephoneEvent(in RtpHeader source, ReadOnlySpan<byte> payload)
    {
        var media = Media;
        var remote = Volatile.Read(ref _remote);
        if (media?.TelephoneEventPayloadType is not { } pt || remote is null || !media.Direction.Sends() || payload.Length > 1400)
        {
            return;
        }

        lock (_sendLock)
        {
            var timestamp = MapTimestamp(source);
            payload.CopyTo(_relayBuffer.AsSpan(RtpHeader.Size));
            new RtpHeader((byte)pt, _sequence++, timestamp, Ssrc, source.Marker).Write(_relayBuffer);
            Send(_relayBuffer.AsSpan(0, RtpHeader.Size + payload.Length), remote);
        }
    }

    /// <summary>Called when a bridge starts: the next relayed packet re-bases the timestamp and carries the marker bit.</summary>
    internal void ResetRelay()
    {
        lock (_sendLock)
        {
            _relayRestarted = true;
            _relayMapped = false;
        }
    }

    private readonly byte[] _relayBuffer = new byte[RtpHeader.Size + 1500];
    private bool _relayRestarted;
    private bool _relayMapped;
    private uint _relaySourceSsrc;
    private uint _relayOffset;

    private uint MapTimestamp(in RtpHeader source)
    {
        if (!_relayMapped || source.Ssrc != _relaySourceSsrc)
        {
            // Continue our own timeline: the first relayed packet follows the last frame we sent.
            _relayOffset = _timestamp + SamplesPerFrame - source.Timestamp;
            _relaySourceSsrc = source.Ssrc;
            _relayMapped = true;
        }

        var mapped = source.Timestamp + _relayOffset;
        _timestamp = mapped;
        return mapped;
    }

    private void Send(ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        try
        {
            _socket.SendTo(datagram, SocketFlags.None, remote);
            Interlocked.Increment(ref _packetsSent);
            Interlocked.Add(ref _octetsSent, datagram.Length - RtpHeader.Size);
        }
        catch (SocketException)
        {
            // ICMP port unreachable and the like: the inactivity timeout decides whether the call is dead.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void CheckTimers()
    {
        MaybeSendRtcp();

        lock (_dtmfLock)
        {
            _telephoneEvents.CheckTimeout();
        }

        var timeout = _engine.Options.RtpInactivityTimeout;
        var media = Media;
        if (timeout <= TimeSpan.Zero || _rtpTimeoutRaised || media is null || media.Direction is SdpDirection.Inactive or SdpDirection.SendOnly)
        {
            return;
        }

        if (_engine.TimeProvider.GetElapsedTime(Interlocked.Read(ref _lastActivity)) >= timeout)
        {
            _rtpTimeoutRaised = true;
            RtpTimeout?.Invoke(this, EventArgs.Empty);
        }
    }

    private static IPEndPoint ToEndPoint(SocketAddress address) => (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(address);
}
