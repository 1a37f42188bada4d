using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Support;
using Switchboard.TestSupport;

namespace Switchboard.Media.Tests.Sessions;

public sealed class MediaSessionTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly MediaEngine _engine;

    public MediaSessionTests() =>
        _engine = new MediaEngine(new MediaOptions { PortRangeStart = 30000, PortRangeEnd = 39998, RtpInactivityTimeout = TimeSpan.FromSeconds(30) }, _time);

    [Fact]
    public async Task Play_FrameSource_SendsPacedFramesThenFinishesThenSilence()
    {
        using var phone = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);
        var answer = session.AcceptOffer(phone.Offer("0 101"));
        Assert.True(answer.IsAccepted);
        var finished = 0;
        session.PlaybackFinished += (_, _) => finished++;
        session.Play(new FrameSource(3));
        _engine.Clock.RunDueTicks();

        var packets = new List<(RtpHeader Header, byte[] Payload)>();
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            _engine.Clock.RunDueTicks();
            packets.Add(await phone.ReceiveAsync());
        }

        Assert.All(packets, p => Assert.Equal(session.Ssrc, p.Header.Ssrc));
        Assert.All(packets, p => Assert.Equal(0, p.Header.PayloadType));
        Assert.All(packets, p => Assert.Equal(160, p.Payload.Length));
        Assert.True(packets[0].Header.Marker);
        for (var i = 1; i < packets.Count; i++)
        {
            Assert.Equal((ushort)(packets[i - 1].Header.SequenceNumber + 1), packets[i].Header.SequenceNumber);
            Assert.Equal(packets[i - 1].Header.Timestamp + 160, packets[i].Header.Timestamp);
        }

        Assert.Equal([1, 2, 3, 0xFF, 0xFF], packets.Select(p => (int)p.Payload[0]));
        Assert.Equal(1, finished);
        Assert.False(session.IsPlaying);
    }

    [Fact]
    public async Task AcceptOffer_PcmaTrunk_AnswersWithSessionPortAndSendsAlawSilence()
    {
        using var phone = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);

        var result = session.AcceptOffer(phone.Offer("8 101"));
        var answer = SdpSessionDescription.Parse(result.Answer!.ToString());
        _engine.Clock.RunDueTicks();
        _time.Advance(TimeSpan.FromMilliseconds(20));
        _engine.Clock.RunDueTicks();
        var packet = await phone.ReceiveAsync();

        Assert.Equal(session.LocalEndPoint.Port, answer.Media[0].Port);
        Assert.Equal(0, session.LocalEndPoint.Port % 2);
        Assert.Equal(AudioCodec.Pcma, session.Media!.Codec);
        Assert.Equal(8, packet.Header.PayloadType);
        Assert.All(packet.Payload, b => Assert.Equal(0xD5, b));
    }

    [Fact]
    public async Task AcceptOffer_NoCommonCodec_FailsFor488()
    {
        using var phone = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);

        var result = session.AcceptOffer(phone.Offer("18"));

        Assert.False(result.IsAccepted);
        Assert.Null(session.Media);
    }

    [Fact]
    public async Task Receive_SippDtmfPcap_RaisesDigitOnce()
    {
        using var phone = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("8 101"));
        var digits = new List<DtmfDigit>();
        var two = new TaskCompletionSource();
        session.DigitReceived += (_, d) =>
        {
            lock (digits)
            {
                digits.Add(d);
                if (digits.Count == 2)
                {
                    two.TrySetResult();
                }
            }
        };

        foreach (var name in new[] { "5", "pound" })
        {
            foreach (var datagram in PcapReader.ReadUdpPayloads($"/usr/share/sip-tester/dtmf_2833_{name}.pcap"))
            {
                phone.SendRaw(session.LocalEndPoint, datagram);
            }
        }

        await two.Task.DefaultTimeout();
        Assert.Equal(['5', '#'], digits.Select(d => d.Digit));
        Assert.All(digits, d => Assert.Equal(DtmfSource.Rfc4733, d.Source));
    }

    [Fact]
    public async Task Receive_UnknownPayloadTypeThenEventOnNewSsrc_IgnoresFillerAcceptsEvent()
    {
        using var phone = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0 96"));
        var digit = new TaskCompletionSource<DtmfDigit>();
        session.DigitReceived += (_, d) => digit.TrySetResult(d);

        for (ushort i = 0; i < 20; i++)
        {
            phone.Send(session.LocalEndPoint, new RtpHeader(97, i, i * 160u, 0xAAAA), [1, 0x8A, 0, 160]);
        }

        var payload = new byte[4];
        new TelephoneEvent(3, true, 10, 800).Write(payload);
        phone.Send(session.LocalEndPoint, new RtpHeader(96, 7, 9999, 0xBBBB, Marker: true), payload);

        Assert.Equal('3', (await digit.Task.DefaultTimeout()).Digit);
    }

    [Fact]
    public async Task Receive_ExtraTelephoneEventTypeNotInSdp_AcceptedWhenConfigured()
    {
        await using var engine = new MediaEngine(new MediaOptions { PortRangeStart = 30000, PortRangeEnd = 39998, ExtraTelephoneEventPayloadTypes = [96] }, _time);
        using var phone = new TestPhone();
        await using var session = engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0 101"));
        var digit = new TaskCompletionSource<DtmfDigit>();
        session.DigitReceived += (_, d) => digit.TrySetResult(d);

        var payload = new byte[4];
        new TelephoneEvent(11, true, 10, 800).Write(payload);
        phone.Send(session.LocalEndPoint, new RtpHeader(96, 7, 9999, 0xBBBB, Marker: true), payload);

        Assert.Equal('#', (await digit.Task.DefaultTimeout()).Digit);
    }

    [Fact]
    public async Task Receive_FromOtherPortThanSdp_SendsThereSymmetrically()
    {
        using var sdpTarget = new TestPhone();
        using var natted = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(natted.Offer("0 101", port: sdpTarget.Port));
        var digit = new TaskCompletionSource<DtmfDigit>();
        session.DigitReceived += (_, d) => digit.TrySetResult(d);
        Assert.Equal(sdpTarget.Port, session.RemoteEndPoint!.Port);

        // An end-of-event packet: when its digit is reported, the packet (and its source address) has been handled.
        natted.Send(session.LocalEndPoint, new RtpHeader(101, 1, 160, 0x1234, Marker: true), [1, 0x8A, 3, 32]);
        await digit.Task.DefaultTimeout();

        _engine.Clock.RunDueTicks();
        _time.Advance(TimeSpan.FromMilliseconds(20));
        _engine.Clock.RunDueTicks();
        var packet = await natted.ReceiveAsync();

        Assert.Equal(session.Ssrc, packet.Header.Ssrc);
        Assert.Equal(natted.Port, session.RemoteEndPoint!.Port);
    }

    [Fact]
    public async Task OnTick_NoRtpForTimeout_RaisesRtpTimeoutOnce()
    {
        using var phone = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0"));
        var timeouts = 0;
        session.RtpTimeout += (_, _) => timeouts++;
        _engine.Clock.RunDueTicks();

        _time.Advance(TimeSpan.FromSeconds(29));
        _engine.Clock.RunDueTicks();
        Assert.Equal(0, timeouts);
        _time.Advance(TimeSpan.FromSeconds(1));
        _engine.Clock.RunDueTicks();
        _time.Advance(TimeSpan.FromSeconds(5));
        _engine.Clock.RunDueTicks();

        Assert.Equal(1, timeouts);
    }

    [Fact]
    public async Task OnTick_PeerPutUsOnHoldInactive_NoTimeoutAndNoSending()
    {
        using var phone = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0", direction: "inactive"));
        var timeouts = 0;
        session.RtpTimeout += (_, _) => timeouts++;
        _engine.Clock.RunDueTicks();

        _time.Advance(TimeSpan.FromMinutes(2));
        _engine.Clock.RunDueTicks();

        Assert.Equal(0, timeouts);
        Assert.Equal(0, session.PacketsSent);
    }

    [Fact]
    public async Task HandleSipInfo_DtmfRelay_RaisesDigit()
    {
        await using var session = _engine.CreateSession(startClock: false);
        var digits = new List<DtmfDigit>();
        session.DigitReceived += (_, d) => digits.Add(d);

        Assert.True(session.HandleSipInfo("application/dtmf-relay", "Signal=7\r\nDuration=160\r\n"));
        Assert.False(session.HandleSipInfo("text/plain", "7"));

        Assert.Equal(new DtmfDigit('7', DtmfSource.SipInfo, TimeSpan.FromMilliseconds(160)), Assert.Single(digits));
    }

    [Fact]
    public async Task CreateOffer_ThenAcceptAnswer_SendsToAnsweredPort()
    {
        using var phone = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);

        var offer = session.CreateOffer();
        var peer = new SdpNegotiator(new SdpNegotiatorOptions { Codecs = [AudioCodec.Pcma] });
        var answer = peer.Answer(offer, new SdpLocalEndpoint("127.0.0.1", phone.Port, 9, 1));
        var result = session.AcceptAnswer(answer.Answer!.ToString());
        _engine.Clock.RunDueTicks();
        _time.Advance(TimeSpan.FromMilliseconds(20));
        _engine.Clock.RunDueTicks();

        Assert.True(result.IsAccepted);
        Assert.Equal(8, (await phone.ReceiveAsync()).Header.PayloadType);
    }

    [Fact]
    public async Task CreateSession_RangeExhausted_ThrowsThenFreesOnDispose()
    {
        var basePort = 41000 + (Random.Shared.Next(0, 400) * 10);
        await using var engine = new MediaEngine(new MediaOptions { PortRangeStart = basePort, PortRangeEnd = basePort + 2 }, _time);
        var first = engine.CreateSession(startClock: false);
        await using var second = engine.CreateSession(startClock: false);

        Assert.Throws<InvalidOperationException>(() => engine.CreateSession(startClock: false));
        Assert.Equal(2, engine.ActiveSessions);
        var freed = first.LocalEndPoint.Port;
        await first.DisposeAsync();
        await using var third = engine.CreateSession(startClock: false);
        Assert.Equal(freed, third.LocalEndPoint.Port);
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();
}
