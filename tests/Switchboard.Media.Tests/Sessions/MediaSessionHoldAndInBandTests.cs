using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;
using Switchboard.TestSupport;

namespace Switchboard.Media.Tests.Sessions;

public sealed class MediaSessionHoldAndInBandTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly MediaEngine _engine;

    public MediaSessionHoldAndInBandTests() =>
        _engine = new MediaEngine(new MediaOptions { PortRangeStart = 30000, PortRangeEnd = 39998, InBandDtmfDetection = true }, _time);

    [Fact]
    public async Task AcceptOffer_HoldThenResume_StopsThenResumesSendingOnSameStream()
    {
        using var phone = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0"));
        _engine.Clock.RunDueTicks();
        Tick();
        var before = await phone.ReceiveAsync();

        var hold = session.AcceptOffer(phone.Offer("0", direction: "sendonly"));
        Assert.Equal(SdpDirection.RecvOnly, hold.Answer!.Media[0].Direction);
        var sent = session.PacketsSent;
        for (var i = 0; i < 10; i++)
        {
            Tick();
        }

        Assert.Equal(sent, session.PacketsSent);

        session.AcceptOffer(phone.Offer("0"));
        Tick();
        var after = await phone.ReceiveAsync();
        Assert.Equal(before.Header.Ssrc, after.Header.Ssrc);
        Assert.Equal((ushort)(before.Header.SequenceNumber + 1), after.Header.SequenceNumber);
        Assert.Equal(before.Header.Timestamp + (11 * 160), after.Header.Timestamp);
        Assert.True(long.Parse(hold.Answer.Origin.SessionVersion, System.Globalization.CultureInfo.InvariantCulture) > 1);
    }

    [Fact]
    public async Task Receive_DtmfToneInAudio_ReportsInBandDigitOnce()
    {
        using var phone = new TestPhone();
        await using var session = _engine.CreateSession(startClock: false);
        session.AcceptOffer(phone.Offer("0 101"));
        var digits = new List<DtmfDigit>();
        var sentinel = new TaskCompletionSource();
        session.DigitReceived += (_, d) =>
        {
            lock (digits)
            {
                digits.Add(d);
            }

            if (d.Source == DtmfSource.Rfc4733)
            {
                sentinel.TrySetResult();
            }
        };

        var frame = new short[160];
        var payload = new byte[160];
        ushort sequence = 0;
        for (var n = 0; n < 20; n++)
        {
            for (var i = 0; i < frame.Length; i++)
            {
                var t = ((n * 160) + i) / 8000.0;
                frame[i] = n < 6 ? (short)((5000 * Math.Sin(2 * Math.PI * 852 * t)) + (4000 * Math.Sin(2 * Math.PI * 1209 * t))) : (short)0;
            }

            G711.EncodeMuLaw(frame, payload);
            phone.Send(session.LocalEndPoint, new RtpHeader(0, sequence++, (uint)(n * 160), 0x99), payload);
        }

        // An RFC 4733 press after the audio: one receive loop handles packets in order, so when it is reported the audio was analysed.
        var end = new byte[4];
        new TelephoneEvent(1, true, 10, 800).Write(end);
        phone.Send(session.LocalEndPoint, new RtpHeader(101, sequence, 20 * 160, 0x99, Marker: true), end);
        await sentinel.Task.DefaultTimeout();

        lock (digits)
        {
            Assert.Equal([('7', DtmfSource.InBand), ('1', DtmfSource.Rfc4733)], digits.Select(d => (d.Digit, d.Source)));
        }
    }

    private void Tick()
    {
        _time.Advance(TimeSpan.FromMilliseconds(20));
        _engine.Clock.RunDueTicks();
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();
}
