using System.Text;
using BenchmarkDotNet.Attributes;
using Switchboard.Media.Sdp;

namespace Switchboard.Benchmarks.Media;

/// <summary>SDP (RFC 4566) parse of a typical softphone offer, and the offer/answer step (RFC 3264) that answers it.</summary>
[MemoryDiagnoser]
public class SdpBenchmarks
{
    private const string Offer =
        "v=0\r\n" +
        "o=caller 53655765 2353687637 IN IP4 127.0.0.1\r\n" +
        "s=-\r\n" +
        "c=IN IP4 127.0.0.1\r\n" +
        "t=0 0\r\n" +
        "m=audio 16000 RTP/AVP 0 8 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n";

    private readonly byte[] _utf8 = Encoding.UTF8.GetBytes(Offer);
    private readonly SdpNegotiator _negotiator = new();
    private readonly SdpLocalEndpoint _local = new("127.0.0.1", 40000, 1234, 1);

    [Benchmark(Baseline = true)]
    public SdpSessionDescription ParseOffer() => SdpSessionDescription.Parse(Offer);

    [Benchmark]
    public SdpSessionDescription ParseOfferUtf8() => SdpSessionDescription.Parse(_utf8);

    [Benchmark]
    public string ParseAndSerialize() => SdpSessionDescription.Parse(Offer).ToString();

    [Benchmark]
    public SdpNegotiationResult Answer() => _negotiator.Answer(Offer, _local);
}
