using Microsoft.Extensions.Time.Testing;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Dtmf;

public sealed class TelephoneEventReceiverTests
{
    private readonly List<DtmfDigit> _digits = [];
    private readonly FakeTimeProvider _time = new();
    private readonly TelephoneEventReceiver _receiver;

    public TelephoneEventReceiverTests() => _receiver = new TelephoneEventReceiver(_digits.Add, _time, TimeSpan.FromMilliseconds(500));

    [Theory]
    [InlineData("0", '0')]
    [InlineData("1", '1')]
    [InlineData("2", '2')]
    [InlineData("3", '3')]
    [InlineData("4", '4')]
    [InlineData("5", '5')]
    [InlineData("6", '6')]
    [InlineData("7", '7')]
    [InlineData("8", '8')]
    [InlineData("9", '9')]
    [InlineData("star", '*')]
    [InlineData("pound", '#')]
    public void Process_SippPcapWithRepeatedEndPackets_ReportsTheDigitOnce(string name, char expected)
    {
        var path = $"/usr/share/sip-tester/dtmf_2833_{name}.pcap";
        Assert.True(File.Exists(path), $"{path} missing: install sip-tester (eng/install-deps.sh)");
        var payloads = PcapReader.ReadUdpPayloads(path);
        Assert.NotEmpty(payloads);

        foreach (var datagram in payloads)
        {
            Assert.True(RtpPacket.TryParse(datagram, out var packet));
            Assert.Equal(101, packet.Header.PayloadType);
            _receiver.Process(packet.Header.Ssrc, packet.Header.Timestamp, packet.Payload);
        }

        _time.Advance(TimeSpan.FromSeconds(5));
        _receiver.CheckTimeout();
        var digit = Assert.Single(_digits);
        Assert.Equal(expected, digit.Digit);
        Assert.Equal(DtmfSource.Rfc4733, digit.Source);
        Assert.Equal(TimeSpan.FromMilliseconds(280), digit.Duration);
    }

    [Fact]
    public void Process_LongPress_ReportsOnceWithFullDuration()
    {
        for (ushort duration = 400; duration < 40000; duration += 400)
        {
            Send(1, 1000, 5, end: false, duration);
        }

        Assert.Empty(_digits);
        Send(1, 1000, 5, end: true, 40000);
        Send(1, 1000, 5, end: true, 40000);
        Send(1, 1000, 5, end: true, 40000);

        var digit = Assert.Single(_digits);
        Assert.Equal('5', digit.Digit);
        Assert.Equal(TimeSpan.FromSeconds(5), digit.Duration);
    }

    [Fact]
    public void Process_EndPacketsLost_ReportsWhenNextEventStarts()
    {
        Send(1, 1000, 1, end: false, 160);
        Send(1, 1000, 1, end: false, 320);
        Send(1, 3000, 2, end: false, 160);

        Assert.Equal(['1'], _digits.Select(d => d.Digit));
        Send(1, 3000, 2, end: true, 320);
        Assert.Equal(['1', '2'], _digits.Select(d => d.Digit));
    }

    [Fact]
    public void CheckTimeout_EndPacketsLost_ReportsAfterTimeoutOnly()
    {
        Send(1, 1000, 9, end: false, 160);
        _time.Advance(TimeSpan.FromMilliseconds(400));
        _receiver.CheckTimeout();
        Assert.Empty(_digits);

        _time.Advance(TimeSpan.FromMilliseconds(100));
        _receiver.CheckTimeout();
        Assert.Equal('9', Assert.Single(_digits).Digit);

        // A late packet of the same event must not report it again.
        Send(1, 1000, 9, end: true, 800);
        _receiver.CheckTimeout();
        Assert.Single(_digits);
    }

    [Fact]
    public void Process_SameDigitTwice_ReportsTwoPresses()
    {
        Send(1, 1000, 4, end: true, 800);
        Send(1, 1000, 4, end: true, 800);
        Send(1, 2600, 4, end: false, 160);
        Send(1, 2600, 4, end: true, 800);

        Assert.Equal(['4', '4'], _digits.Select(d => d.Digit));
    }

    [Fact]
    public void Process_EventsOnDifferentSsrcs_AcceptsBoth()
    {
        Send(0x1111, 500, 1, end: true, 800);
        Send(0x2222, 500, 2, end: true, 800);

        Assert.Equal(['1', '2'], _digits.Select(d => d.Digit));
    }

    [Fact]
    public void Process_MalformedAndNonDtmfEvents_Ignored()
    {
        _receiver.Process(1, 1, [1, 0x80]);
        _receiver.Process(1, 2, []);
        Send(1, 3, 16, end: true, 800); // flash
        Send(1, 4, 200, end: true, 800);

        Assert.Empty(_digits);
    }

    private void Send(uint ssrc, uint timestamp, byte code, bool end, ushort duration)
    {
        Span<byte> payload = stackalloc byte[4];
        new TelephoneEvent(code, end, 10, duration).Write(payload);
        _receiver.Process(ssrc, timestamp, payload);
    }
}
