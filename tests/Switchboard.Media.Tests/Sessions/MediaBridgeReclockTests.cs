using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;
using Switchboard.TestSupport;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>
/// <see cref="MediaBridgeOptions.Reclock"/>: a jittery, bursty, reordered and lossy caller leaves toward the agent one
/// frame per clock tick, in sequence order, with timestamps 160 apart per tick. The clock is driven by
/// <see cref="FakeTimeProvider"/>; both receivers (epoll threads with direct sendto, and the portable loops).
/// </summary>
public sealed class MediaBridgeReclockTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);
    private readonly FakeTimeProvider _time = new();

    public static TheoryData<int> ReceiveThreads => new() { 0, 1 };

    [Theory]
    [MemberData(nameof(ReceiveThreads))]
    public async Task JitteryCaller_LeavesTowardTheAgentPacedInOrder_LossAndLateHandled(int threads)
    {
        await using var call = new BridgedCall(Engine(threads, reclock: true), "0 101", "8 101");
        var (engine, callerPhone, agentPhone, caller, agent) = (call.Engine, call.CallerPhone, call.AgentPhone, call.Caller, call.Agent);
        engine.Clock.RunDueTicks();

        // A burst, out of order: nothing leaves before a tick, and the held frames are in sequence order.
        SendFrames(callerPhone, caller, 102, 100, 101, 103);
        await Eventually.UntilAsync(() => agent.ReclockFigures.Held == 4, "four frames held");
        Assert.Equal(0, agentPhone.Available);

        var sent = new List<RtpHeader>();
        for (var i = 0; i < 4; i++)
        {
            sent.Add(await NextTickAsync(engine, agentPhone, expected: 100 + i));
        }

        Assert.True(sent[0].Marker);
        Assert.All(sent, h => Assert.Equal(agent.Ssrc, h.Ssrc));
        Assert.All(sent, h => Assert.Equal(8, h.PayloadType)); // transcoded to the agent's A-law
        for (var i = 1; i < sent.Count; i++)
        {
            Assert.Equal((ushort)(sent[i - 1].SequenceNumber + 1), sent[i].SequenceNumber);
            Assert.Equal(sent[i - 1].Timestamp + 160, sent[i].Timestamp);
            Assert.False(sent[i].Marker);
        }

        // 104 is lost: its tick sends nothing and the timeline goes on; when it turns up late it is dropped.
        SendFrames(callerPhone, caller, 105, 106);
        await Eventually.UntilAsync(() => agent.ReclockFigures.Held == 2, "two more frames held");
        _time.Advance(Tick);
        engine.Clock.RunDueTicks();
        Assert.Equal(0, agentPhone.Available);
        Assert.Equal(1, agent.ReclockFigures.Lost);
        SendFrames(callerPhone, caller, 104);
        await Eventually.UntilAsync(() => agent.ReclockFigures.Late == 1, "the late frame dropped");

        var after = await NextTickAsync(engine, agentPhone, expected: 105);
        Assert.Equal((ushort)(sent[3].SequenceNumber + 1), after.SequenceNumber);
        Assert.Equal(sent[3].Timestamp + 320, after.Timestamp); // two ticks after 103: the lost frame's 20 ms stay in the timeline
        await NextTickAsync(engine, agentPhone, expected: 106);
    }

    [Theory]
    [MemberData(nameof(ReceiveThreads))]
    public async Task Reclocked_TelephoneEventsPassAtOnce_WithOneTimestampPerEvent(int threads)
    {
        await using var call = new BridgedCall(Engine(threads, reclock: true), "0 101", "0 96");
        var (_, callerPhone, agentPhone, caller, agent) = (call.Engine, call.CallerPhone, call.AgentPhone, call.Caller, call.Agent);
        var digit = new TaskCompletionSource<DtmfDigit>();
        caller.DigitReceived += (_, d) => digit.TrySetResult(d);

        var payload = new byte[4];
        new TelephoneEvent(5, false, 10, 160).Write(payload);
        callerPhone.Send(caller.LocalEndPoint, new RtpHeader(101, 1, 9_000, 0x7777, Marker: true), payload);
        var first = await agentPhone.ReceiveAsync();
        new TelephoneEvent(5, true, 10, 800).Write(payload);
        callerPhone.Send(caller.LocalEndPoint, new RtpHeader(101, 2, 9_000, 0x7777), payload);
        var end = await agentPhone.ReceiveAsync();

        Assert.Equal(96, first.Header.PayloadType);
        Assert.Equal(first.Header.Timestamp, end.Header.Timestamp);
        Assert.Equal((ushort)(first.Header.SequenceNumber + 1), end.Header.SequenceNumber);
        Assert.Equal('5', (await digit.Task.DefaultTimeout()).Digit);
    }

    [Fact]
    public async Task ReclockOff_RelaysAsItArrives_WithoutATick()
    {
        await using var call = new BridgedCall(Engine(threads: 1, reclock: false), "0", "0");
        var (_, callerPhone, agentPhone, caller, agent) = (call.Engine, call.CallerPhone, call.AgentPhone, call.Caller, call.Agent);

        SendFrames(callerPhone, caller, 102, 100);
        Assert.Equal(102, (await agentPhone.ReceiveAsync()).Payload[0]); // as it came, no re-ordering, no clock
        Assert.Equal(100, (await agentPhone.ReceiveAsync()).Payload[0]);
        Assert.Equal(default, agent.ReclockFigures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void ReclockDepth_OutOfRange_IsRefused(int depth)
    {
        var options = new MediaOptions { Bridge = new MediaBridgeOptions { Reclock = true, ReclockDepth = depth } };
        var error = Assert.Throws<ArgumentException>(() => new MediaEngine(options, _time));
        Assert.Contains("ReclockDepth", error.Message, StringComparison.Ordinal);
    }

    private MediaEngine Engine(int threads, bool reclock) => new(
        new MediaOptions
        {
            PortRangeStart = 30000,
            PortRangeEnd = 39998,
            ReceiveThreads = threads,
            Bridge = new MediaBridgeOptions { Reclock = reclock, ReclockDepth = 3 },
        },
        _time);

    /// <summary>An engine with a caller and an agent leg, each answering a <see cref="TestPhone"/>, bridged.</summary>
    private sealed class BridgedCall : IAsyncDisposable
    {
        private readonly MediaBridge _bridge;

        public BridgedCall(MediaEngine engine, string callerFormats, string agentFormats)
        {
            Engine = engine;
            Caller = engine.CreateSession(startClock: false);
            Agent = engine.CreateSession(startClock: false);
            Caller.AcceptOffer(CallerPhone.Offer(callerFormats));
            Agent.AcceptOffer(AgentPhone.Offer(agentFormats));
            _bridge = MediaBridge.Join(Caller, Agent);
        }

        public MediaEngine Engine { get; }

        public TestPhone CallerPhone { get; } = new();

        public TestPhone AgentPhone { get; } = new();

        public MediaSession Caller { get; }

        public MediaSession Agent { get; }

        public async ValueTask DisposeAsync()
        {
            _bridge.Dispose();
            await Caller.DisposeAsync();
            await Agent.DisposeAsync();
            await Engine.DisposeAsync();
            CallerPhone.Dispose();
            AgentPhone.Dispose();
        }
    }

    /// <summary>Sends μ-law frames whose bytes all hold their sequence number (low byte), as the caller's phone.</summary>
    private static void SendFrames(TestPhone phone, MediaSession leg, params int[] sequences)
    {
        foreach (var sequence in sequences)
        {
            var frame = new byte[G711.FrameSamples];
            frame.AsSpan().Fill((byte)sequence);
            phone.Send(leg.LocalEndPoint, new RtpHeader(0, (ushort)sequence, (uint)(sequence * 160), 0x7777), frame);
        }
    }

    /// <summary>One tick: exactly one packet leaves toward the agent, carrying frame <paramref name="expected"/> (A-law of its μ-law bytes).</summary>
    private async Task<RtpHeader> NextTickAsync(MediaEngine engine, TestPhone agentPhone, int expected)
    {
        _time.Advance(Tick);
        engine.Clock.RunDueTicks();
        var (header, payload) = await agentPhone.ReceiveAsync();
        Assert.Equal(0, agentPhone.Available); // one per tick
        var alaw = G711.ALawEncode(G711.MuLawDecode((byte)expected));
        Assert.All(payload, b => Assert.Equal(alaw, b));
        return header;
    }
}
