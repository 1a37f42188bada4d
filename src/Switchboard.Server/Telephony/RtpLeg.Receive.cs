using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;

namespace Switchboard.Server.Telephony;

public sealed partial class RtpLeg
{
    private short[]? _pcm;
    private byte[]? _relay;
    private TelephoneEventReceiver? _events;
    private InBandDtmfDetector? _inBand;

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var buffer = new byte[2048];
        _pcm = new short[G711.FrameSamples * 4];
        _relay = new byte[512];
        _events = new TelephoneEventReceiver(d => DigitReceived?.Invoke(d.Digit), _timeProvider);
        _inBand = new InBandDtmfDetector(d => DigitReceived?.Invoke(d.Digit));
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
            {
                continue;
            }

            OnDatagram(buffer.AsSpan(0, received.ReceivedBytes));
        }
    }

    /// <summary>One received datagram: DTMF events to digits; audio relayed to the bridged leg or checked for in-band tones.</summary>
    private void OnDatagram(ReadOnlySpan<byte> datagram)
    {
        var media = _media;
        if (media is null || RtpPacket.LooksLikeRtcp(datagram) || !RtpPacket.TryParse(datagram, out var packet))
        {
            return;
        }

        Interlocked.Increment(ref _packetsReceived);
        var pt = packet.Header.PayloadType;
        if (media.TelephoneEventPayloadTypes.Contains(pt))
        {
            _events!.Process(packet.Header.Ssrc, packet.Header.Timestamp, packet.Payload);
            return;
        }

        var relay = _relay!;
        var pcm = _pcm!;
        if (pt != media.PayloadType || packet.Payload.Length == 0 || packet.Payload.Length > relay.Length)
        {
            return;
        }

        if (Volatile.Read(ref _bridge) is { _media: { } otherMedia } other)
        {
            var payload = packet.Payload;
            if (otherMedia.Codec != media.Codec)
            {
                G711.Transcode(media.Codec, otherMedia.Codec, payload, relay);
                payload = relay.AsSpan(0, payload.Length);
            }

            if (otherMedia.Direction.Sends() && other._remote is not null)
            {
                other.SendAudio(payload, otherMedia);
            }
        }
        else if (packet.Payload.Length <= pcm.Length)
        {
            var samples = pcm.AsSpan(0, packet.Payload.Length);
            G711.Decode(media.Codec, packet.Payload, samples);
            _inBand!.Process(samples);
        }
    }
}
