using System.Text;
using BenchmarkDotNet.Attributes;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Benchmarks.Sip;

/// <summary>
/// Parse and serialize typical messages: an INVITE with SDP (baseline), a 200 OK, a REGISTER. The same bytes are in
/// tests/Switchboard.Sip.Tests/Parsing/SampleMessages.cs, whose allocation test keeps the INVITE parse under 1 KB.
/// </summary>
[MemoryDiagnoser]
public class SipParserBenchmarks
{
    private static readonly byte[] Invite = Encoding.ASCII.GetBytes(
        "INVITE sip:ivr@10.0.0.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK-524287-1---abc123;rport\r\n" +
        "Max-Forwards: 70\r\nContact: <sip:caller@10.0.0.2:5060>\r\nTo: <sip:ivr@10.0.0.1>\r\nFrom: \"Caller\" <sip:caller@10.0.0.2>;tag=4f9a1c\r\n" +
        "Call-ID: 8d3e6f0a2b1c@10.0.0.2\r\nCSeq: 1 INVITE\r\nAllow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY\r\n" +
        "Content-Type: application/sdp\r\nUser-Agent: Bench\r\nContent-Length: 171\r\n\r\n" +
        "v=0\r\no=- 1 1 IN IP4 10.0.0.2\r\ns=-\r\nc=IN IP4 10.0.0.2\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n");

    private static readonly byte[] Ok = Encoding.ASCII.GetBytes(
        "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK-524287-1---abc123;rport=5060;received=10.0.0.2\r\n" +
        "To: <sip:ivr@10.0.0.1>;tag=99aa\r\nFrom: \"Caller\" <sip:caller@10.0.0.2>;tag=4f9a1c\r\nCall-ID: 8d3e6f0a2b1c@10.0.0.2\r\n" +
        "CSeq: 1 INVITE\r\nContact: <sip:switchboard@10.0.0.1:5060>\r\nContent-Length: 0\r\n\r\n");

    private static readonly byte[] Register = Encoding.ASCII.GetBytes(
        "REGISTER sip:10.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.7:5062;branch=z9hG4bKreg77;rport\r\nMax-Forwards: 70\r\n" +
        "From: <sip:agent7@10.0.0.1>;tag=r7\r\nTo: <sip:agent7@10.0.0.1>\r\nCall-ID: reg-7@10.0.0.7\r\nCSeq: 2 REGISTER\r\n" +
        "Contact: <sip:agent7@10.0.0.7:5062>;expires=600\r\nAuthorization: Digest username=\"agent7\", realm=\"switchboard\", nonce=\"1.abc\", uri=\"sip:10.0.0.1\", response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5\r\n" +
        "Content-Length: 0\r\n\r\n");

    private readonly SipMessage _invite = SipMessageParser.Parse(Invite).Message!;
    private readonly SipMessage _ok = SipMessageParser.Parse(Ok).Message!;
    private readonly SipMessage _register = SipMessageParser.Parse(Register).Message!;

    [Benchmark(Baseline = true)]
    public SipMessage? ParseInvite() => SipMessageParser.Parse(Invite).Message;

    [Benchmark]
    public SipMessage? ParseOk() => SipMessageParser.Parse(Ok).Message;

    [Benchmark]
    public SipMessage? ParseRegister() => SipMessageParser.Parse(Register).Message;

    /// <summary>Parse plus what the transaction layer and UA core read of every INVITE (lazily decoded headers, Request-URI).</summary>
    [Benchmark]
    public object? ParseInviteAndReadKeys()
    {
        var m = (SipRequest)SipMessageParser.Parse(Invite).Message!;
        return (m.TopVia?.Branch, m.CSeq, m.CallId, m.From?.Tag, m.To?.Tag, m.Uri.User);
    }

    [Benchmark]
    public object? ParseAndValidateInvite()
    {
        var m = SipMessageParser.Parse(Invite).Message!;
        return SipMessageValidator.Validate(m);
    }

    [Benchmark]
    public byte[] SerializeInvite() => _invite.ToArray();

    [Benchmark]
    public byte[] SerializeOk() => _ok.ToArray();

    [Benchmark]
    public byte[] SerializeRegister() => _register.ToArray();
}
