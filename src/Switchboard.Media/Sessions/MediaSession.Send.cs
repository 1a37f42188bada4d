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

    private readonly byte[] _sendBuffer = new byte[RtpHeader.Size + SamplesPerFrame]; // one 20 ms G.711 frame (or a telephone event)
    private SocketAddress? _sdpRemote;
    private ushort _sequence;
    private uint _timestamp;
    private long _lastTick = -1;
    private bool _sentFirst;
    private bool _rtpTimeoutRaised;
    private readonly long _inactivityTicks; // MediaOptions.RtpInactivityTimeout in TimeProvider timestamp units (0: off)
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
                    // The other leg's audio is relayed instead: as it arrives, or re-clocked, one held frame per tick.
                    if (_reclock is { } reclock && reclock.TryTake(payload, out var talkspurt))
                    {
                        new RtpHeader((byte)media.PayloadType, _sequence++, _timestamp, Ssrc, talkspurt).Write(_sendBuffer);
                        Send(_sendBuffer.AsSpan(0, RtpHeader.Size + SamplesPerFrame), remote);
                    }

                    return;
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
            if (_reclock is { } reclock && payload.Length == ReclockBuffer.FrameBytes)
            {
                reclock.TryAdd(source.Ssrc, source.SequenceNumber, payload, sourceCodec, media.Codec); // sent on a tick
                return;
            }

            var buffer = _relayBuffer ??= new byte[RtpHeader.Size + 1500];
            var timestamp = MapTimestamp(source);
            G711.Transcode(sourceCodec, media.Codec, payload, buffer.AsSpan(RtpHeader.Size));
            var header = new RtpHeader((byte)media.PayloadType, _sequence++, timestamp, Ssrc, source.Marker || _relayRestarted);
            _relayRestarted = false;
            header.Write(buffer);
            Send(buffer.AsSpan(0, RtpHeader.Size + payload.Length), remote);
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
            var buffer = _relayBuffer ??= new byte[RtpHeader.Size + 1500];
            var timestamp = _reclock is null ? MapTimestamp(source) : EventTimestamp(source);
            payload.CopyTo(buffer.AsSpan(RtpHeader.Size));
            new RtpHeader((byte)pt, _sequence++, timestamp, Ssrc, source.Marker).Write(buffer);
            Send(buffer.AsSpan(0, RtpHeader.Size + payload.Length), remote);
        }
    }

    /// <summary>Re-clocking figures of this leg (frames held, late, lost, overflow); zeros unless it joined a bridge with re-clocking on.</summary>
    internal (int Held, long Late, long Lost, long Overflow) ReclockFigures
    {
        get
        {
            lock (_sendLock)
            {
                return _reclock is { } r ? (r.Count, r.Late, r.Lost, r.Overflow) : default;
            }
        }
    }

    /// <summary>Called when a bridge starts: the next relayed packet re-bases the timestamp and carries the marker bit.</summary>
    internal void ResetRelay()
    {
        lock (_sendLock)
        {
            _relayRestarted = true;
            _relayMapped = false;
            _relayBuffer ??= new byte[RtpHeader.Size + 1500];
            var depth = _engine.Options.Bridge.Reclock ? _engine.Options.Bridge.ReclockDepth : 0;
            if (depth > 0)
            {
                _reclock ??= new ReclockBuffer(depth);
                _reclock.Clear();
            }
        }
    }

    /// <summary>
    /// A re-clocked leg's timestamp for a relayed telephone event: every packet of one event (same source timestamp,
    /// RFC 4733 §2.5.1.2) gets the tick-paced timeline's value at the event's first packet; the audio timeline is untouched.
    /// </summary>
    private uint EventTimestamp(in RtpHeader source)
    {
        if (!_relayMapped || source.Ssrc != _relaySourceSsrc || source.Timestamp != _eventSourceTimestamp)
        {
            _relaySourceSsrc = source.Ssrc;
            _eventSourceTimestamp = source.Timestamp;
            _eventTimestamp = _timestamp;
            _relayMapped = true;
        }

        return _eventTimestamp;
    }

    private byte[]? _relayBuffer; // made when the leg first joins a bridge: a waiting caller never needs it
    private bool _relayRestarted;
    private bool _relayMapped;
    private uint _relaySourceSsrc;
    private uint _relayOffset;
    private ReclockBuffer? _reclock; // made when the leg joins a bridge with MediaBridgeOptions.Reclock on
    private uint _eventSourceTimestamp;
    private uint _eventTimestamp;

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
        // ICMP port unreachable and the like: not counted; the inactivity timeout decides whether the call is dead.
        if (_rtpSender.TrySend(datagram, remote))
        {
            Interlocked.Increment(ref _packetsSent);
            Interlocked.Add(ref _octetsSent, datagram.Length - RtpHeader.Size);
        }
    }

    /// <summary>Per tick: one clock read, then RTCP, a lost DTMF end and the inactivity timeout only when due.</summary>
    private void CheckTimers()
    {
        var now = _engine.TimeProvider.GetTimestamp();
        if (now >= _nextRtcp)
        {
            SendRtcp(now);
        }

        if (_telephoneEvents.IsActive)
        {
            lock (_dtmfLock)
            {
                _telephoneEvents.CheckTimeout();
            }
        }

        if (_inactivityTicks <= 0 || _rtpTimeoutRaised || now - Interlocked.Read(ref _lastActivity) < _inactivityTicks)
        {
            return;
        }

        var media = Media;
        if (media is null || media.Direction is SdpDirection.Inactive or SdpDirection.SendOnly)
        {
            return;
        }

        _rtpTimeoutRaised = true;
        RtpTimeout?.Invoke(this, EventArgs.Empty);
    }

    private static IPEndPoint ToEndPoint(SocketAddress address) => (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(address);
}
