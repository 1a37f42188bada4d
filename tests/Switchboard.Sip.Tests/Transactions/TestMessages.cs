using System.Net;
using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Transactions;

internal static class TestMessages
{
    public static readonly SipEndPoint PeerUdp = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5070));
    public static readonly SipEndPoint PeerTcp = new(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Loopback, 5070));

    public static SipMessage Parse(string text) => SipMessageParser.Parse(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))).Message
        ?? throw new InvalidOperationException("test message does not parse");

    public static SipRequest Request(string method, string branch = "z9hG4bKabc1", string transport = "UDP", long cseq = 1) => (SipRequest)Parse(
        $"""
        {method} sip:bob@127.0.0.1:5060 SIP/2.0
        Via: SIP/2.0/{transport} 127.0.0.1:5070;branch={branch};rport
        Max-Forwards: 70
        From: <sip:alice@127.0.0.1>;tag=fromtag
        To: <sip:bob@127.0.0.1>
        Call-ID: call-1@test
        CSeq: {cseq} {method}
        Contact: <sip:alice@127.0.0.1:5070>
        Content-Length: 0


        """);

    /// <summary>A new outgoing request without Via (the transaction layer adds it).</summary>
    public static SipRequest Outgoing(string method) => Request(method) with { Headers = Request(method).Headers.Without(SipHeaderNames.Via) };

    public static SipResponse ResponseTo(SipRequest request, int status, string? toTag = "totag") =>
        SipResponseFactory.Create(request, status, null, toTag);
}
