using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Support;
using Switchboard.TestSupport;

namespace Switchboard.Media.Tests.Sessions;

public sealed class MediaBridgeTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly MediaEngine _engine;

    public MediaBridgeTests() => _engine = new MediaEngine(new MediaOptions { PortRangeStart = 30000, PortRangeEnd = 39998 }, _time);

    [Fact]
    public async Task Join_PcmuCallerPcmaAgent_RelaysBothWaysRewrittenAndTranscoded()
    {
        using var callerPhone = new TestPhone();
        using var agentPhone = new TestPhone();
        await using var caller = _engine.CreateSession(startClock: false);
        await using var agent = _engine.CreateSession(startClock: false);
        caller.AcceptOffer(callerPhone.Offer("0 101"));
        agent.AcceptOffer(agentPhone.Offer("8 96"));

        // The caller hears a two-frame prompt first.
        caller.Play(new FrameSource(2));
        _engine.Clock.RunDueTicks();
        var prompt = new List<RtpHeader>();
        for (var i = 0; i < 3; i++) // two prompt frames, then the tick that finds the prompt finished sends silence
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            _engine.Clock.RunDueTicks();
            prompt.Add((await callerPhone.ReceiveAsync()).Header);
            await agentPhone.ReceiveAsync(); // the agent leg sends silence meanwhile
        }

        Assert.False(caller.IsPlaying);
        using var bridge = MediaBridge.Join(caller, agent);

        // Agent speaks A-law on its own SSRC/sequence/timestamp: the caller gets μ-law in the prompt's stream.
        var alaw = new byte[160];
        alaw.AsSpan().Fill(G711.ALawEncode(1000));
        agentPhone.Send(agent.LocalEndPoint, new RtpHeader(8, 1000, 50_000, 0x5555), alaw);
        agentPhone.Send(agent.LocalEndPoint, new RtpHeader(8, 1001, 50_160, 0x5555), alaw);
        var first = await callerPhone.ReceiveAsync();
        var second = await callerPhone.ReceiveAsync();

        Assert.Equal(caller.Ssrc, first.Header.Ssrc);
        Assert.Equal(0, first.Header.PayloadType);
        Assert.True(first.Header.Marker);
        Assert.Equal((ushort)(prompt[2].SequenceNumber + 1), first.Header.SequenceNumber);
        Assert.Equal(prompt[2].Timestamp + 160, first.Header.Timestamp);
        Assert.Equal((ushort)(prompt[2].SequenceNumber + 2), second.Header.SequenceNumber);
        Assert.Equal(prompt[2].Timestamp + 320, second.Header.Timestamp);
        Assert.False(second.Header.Marker);
        Assert.All(first.Payload, b => Assert.Equal(G711.MuLawEncode(1000), b));

        // Caller speaks μ-law: the agent gets A-law on the agent leg's SSRC.
        var ulaw = new byte[160];
        ulaw.AsSpan().Fill(G711.MuLawEncode(-2000));
        callerPhone.Send(caller.LocalEndPoint, new RtpHeader(0, 7, 70_000, 0x7777), ulaw);
        var toAgent = await agentPhone.ReceiveAsync();
        Assert.Equal(agent.Ssrc, toAgent.Header.Ssrc);
        Assert.Equal(8, toAgent.Header.PayloadType);
        Assert.All(toAgent.Payload, b => Assert.Equal(G711.ALawEncode(G711.MuLawDecode(G711.MuLawEncode(-2000))), b));

        // While bridged, the clock sends no silence over the relayed audio.
        _time.Advance(TimeSpan.FromMilliseconds(20));
        _engine.Clock.RunDueTicks();

        // DTMF from the caller (PT 101) reaches the agent as its telephone-event type (96) and is reported.
        var digit = new TaskCompletionSource<DtmfDigit>();
        caller.DigitReceived += (_, d) => digit.TrySetResult(d);
        var payload = new byte[4];
        new TelephoneEvent(11, true, 10, 800).Write(payload);
        callerPhone.Send(caller.LocalEndPoint, new RtpHeader(101, 8, 70_160, 0x7777, Marker: true), payload);
        var dtmf = await agentPhone.ReceiveAsync();
        Assert.Equal(96, dtmf.Header.PayloadType);
        Assert.Equal(agent.Ssrc, dtmf.Header.Ssrc);
        Assert.Equal(payload, dtmf.Payload);
        Assert.Equal('#', (await digit.Task.DefaultTimeout()).Digit);
    }

    [Fact]
    public async Task Dispose_Bridge_LegsGoBackToSilence()
    {
        using var callerPhone = new TestPhone();
        using var agentPhone = new TestPhone();
        await using var caller = _engine.CreateSession(startClock: false);
        await using var agent = _engine.CreateSession(startClock: false);
        caller.AcceptOffer(callerPhone.Offer("0"));
        agent.AcceptOffer(agentPhone.Offer("0"));
        var bridge = MediaBridge.Join(caller, agent);

        Assert.Throws<InvalidOperationException>(() => MediaBridge.Join(caller, agent));
        bridge.Dispose();
        _engine.Clock.RunDueTicks();
        _time.Advance(TimeSpan.FromMilliseconds(20));
        _engine.Clock.RunDueTicks();

        Assert.Null(caller.Bridge);
        Assert.All((await callerPhone.ReceiveAsync()).Payload, b => Assert.Equal(0xFF, b));
        Assert.All((await agentPhone.ReceiveAsync()).Payload, b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public async Task Join_SippG711aPcapFromPcmaCaller_PcmuAgentGetsEveryPacketTranscodedInOrder()
    {
        using var callerPhone = new TestPhone();
        using var agentPhone = new TestPhone();
        await using var caller = _engine.CreateSession(startClock: false);
        await using var agent = _engine.CreateSession(startClock: false);
        caller.AcceptOffer(callerPhone.Offer("8 101"));
        agent.AcceptOffer(agentPhone.Offer("0 101"));
        using var bridge = MediaBridge.Join(caller, agent);
        var datagrams = PcapReader.ReadUdpPayloads("/usr/share/sip-tester/g711a.pcap");
        Assert.True(datagrams.Count > 200);

        var received = new List<(RtpHeader Header, byte[] Payload)>();
        foreach (var datagram in datagrams)
        {
            callerPhone.SendRaw(caller.LocalEndPoint, datagram);
            received.Add(await agentPhone.ReceiveAsync());
        }

        for (var i = 0; i < datagrams.Count; i++)
        {
            Assert.True(RtpPacket.TryParse(datagrams[i], out var original));
            var expected = new byte[original.Payload.Length];
            G711.Transcode(AudioCodec.Pcma, AudioCodec.Pcmu, original.Payload, expected);
            Assert.Equal(expected, received[i].Payload);
            Assert.Equal(agent.Ssrc, received[i].Header.Ssrc);
            Assert.Equal(0, received[i].Header.PayloadType);
            if (i > 0)
            {
                Assert.Equal((ushort)(received[i - 1].Header.SequenceNumber + 1), received[i].Header.SequenceNumber);
                Assert.Equal(received[i - 1].Header.Timestamp + 240, received[i].Header.Timestamp);
            }
        }
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();
}
