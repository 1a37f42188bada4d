using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Codecs;
using Switchboard.Media.Playback;
using Switchboard.Media.Rtp;
using Switchboard.Media.Security;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Receiving: the engine's receiver calls <see cref="HandleDatagram"/> for each datagram at the RTP port, on a media
/// receive thread (Linux) or the socket's receive loop, with a reused SocketAddress (no allocation per packet).
/// </summary>
public sealed partial class MediaSession
{
    private short[]? _decoded; // made on the first packet that needs decoding (in-band DTMF, a sink), on the receive thread
    private const int MaxDecodedSamples = 1500;

    private MediaBridge? _bridge;
    private long _lastActivity;
    private long _packetsReceived;
    private long _wrongSourcePackets;
    private IAudioSink? _sink;

    /// <summary>Takes every audio packet this leg receives, decoded (e.g. a recorder); null: none.</summary>
    public IAudioSink? Sink
    {
        get => Volatile.Read(ref _sink);
        set => Volatile.Write(ref _sink, value);
    }

    internal void SetBridge(MediaBridge? bridge)
    {
        Volatile.Write(ref _bridge, bridge);
        ResetRelay();
    }

    /// <summary>One datagram at the RTP port: strict source check, then RTP, RTCP on the RTP port, DTMF, relay.</summary>
    internal void HandleDatagram(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        // Strict RTP: the source is checked before a byte of the datagram is read.
        var now = _engine.TimeProvider.GetTimestamp();
        var verdict = _rtpSource.Check(from, now);
        if (verdict == MediaSourceVerdict.WrongSource)
        {
            _engine.Security.WrongSource(_rtpWrongSource, rtcp: false, from, _port, now);
            Interlocked.Increment(ref _wrongSourcePackets);
            return;
        }

        if (verdict == MediaSourceVerdict.NotExpected)
        {
            return;
        }

        if (verdict == MediaSourceVerdict.Learnt && _engine.Options.SymmetricRtp)
        {
            Volatile.Write(ref _remote, _rtpSource.Learnt);
        }

        if (RtpPacket.LooksLikeRtcp(datagram))
        {
            Interlocked.Exchange(ref _lastActivity, now);
            return;
        }

        if (!RtpPacket.TryParse(datagram, out var packet))
        {
            return;
        }

        var media = Media;
        if (media is null)
        {
            return;
        }

        var pt = packet.Header.PayloadType;
        var isAudio = pt == media.PayloadType || (pt is 0 or 8 && media.PayloadType is 0 or 8);
        var isEvent = !isAudio && (Contains(media.TelephoneEventPayloadTypes, pt) || Contains(_engine.Options.ExtraTelephoneEventPayloadTypes, pt));
        if (!isAudio && !isEvent)
        {
            return; // comfort noise, filler of unknown types, video...
        }

        Interlocked.Exchange(ref _lastActivity, now);
        Interlocked.Increment(ref _packetsReceived);
        RecordStatistics(packet.Header);
        var partner = Bridge?.Other(this);
        if (isEvent)
        {
            lock (_dtmfLock)
            {
                _telephoneEvents.Process(packet.Header.Ssrc, packet.Header.Timestamp, packet.Payload);
            }

            partner?.RelayTelephoneEvent(packet.Header, packet.Payload);
            return;
        }

        var codec = pt == 8 ? AudioCodec.Pcma : AudioCodec.Pcmu;
        var sink = Sink;
        if ((_inBand is not null || sink is not null) && packet.Payload.Length <= MaxDecodedSamples)
        {
            var samples = (_decoded ??= new short[MaxDecodedSamples]).AsSpan(0, packet.Payload.Length);
            G711.Decode(codec, packet.Payload, samples);
            _inBand?.Process(samples);
            sink?.Write(samples);
        }

        partner?.RelayAudio(packet.Header, packet.Payload, codec);
    }

    private static bool Contains(IReadOnlyList<int> values, int value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return true;
            }
        }

        return false;
    }
}
