using System.Net.Sockets;
using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Security;

/// <summary>The SIP messages the attacks send (built by hand, as an attacker would) and the reading of the answers.</summary>
internal static class AttackMessages
{
    /// <summary>
    /// An INVITE starting a call from <paramref name="source"/>:<paramref name="sourcePort"/> (Via and Contact, so
    /// responses and a BYE come back there) whose SDP asks for media at <paramref name="source"/>:<paramref name="rtpPort"/>.
    /// </summary>
    public static byte[] Invite(string source, int sourcePort, int serverPort, string id, int rtpPort)
    {
        var sdp = $"v=0\r\no=- 1 1 IN IP4 {source}\r\ns=-\r\nc=IN IP4 {source}\r\nt=0 0\r\nm=audio {rtpPort} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        return Encoding.ASCII.GetBytes(
            $"INVITE sip:ivr@127.0.0.1:{serverPort} SIP/2.0\r\nVia: SIP/2.0/UDP {source}:{sourcePort};branch=z9hG4bKinv{id};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:x{id}@{source}>;tag=a{id}\r\nTo: <sip:ivr@127.0.0.1>\r\nCall-ID: flood{id}@{source}\r\nCSeq: 1 INVITE\r\n" +
            $"Contact: <sip:x@{source}:{sourcePort}>\r\nContent-Type: application/sdp\r\nContent-Length: {sdp.Length}\r\n\r\n{sdp}");
    }

    public static byte[] Options(int port, string branch, string padding, string transport = "UDP") => Encoding.ASCII.GetBytes(
        $"OPTIONS sip:ivr@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/{transport} 127.0.0.1:9;branch={branch};rport\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:f@127.0.0.1>;tag=1\r\nTo: <sip:ivr@127.0.0.1>\r\nCall-ID: {branch}@flood\r\nCSeq: 1 OPTIONS\r\n" +
        (padding.Length > 0 ? $"X-Padding: {padding}\r\n" : "") + "Content-Length: 0\r\n\r\n");

    public static byte[] Register(int port, string contact, int cseq, string? authorization) => Encoding.ASCII.GetBytes(
        $"REGISTER sip:127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bKrp{cseq}{Guid.NewGuid():N};rport\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:anna@127.0.0.1>;tag=rp\r\nTo: <sip:anna@127.0.0.1>\r\nCall-ID: replay@test\r\nCSeq: {cseq} REGISTER\r\nContact: {contact}\r\nExpires: 600\r\n" +
        (authorization is null ? "" : $"Authorization: {authorization}\r\n") + "Content-Length: 0\r\n\r\n");

    /// <summary>The SIP messages among <paramref name="datagrams"/>, in order.</summary>
    public static List<SipMessage> Parse(IEnumerable<byte[]> datagrams) =>
        [.. datagrams.Select(d => SipMessageParser.Parse(d).Message).OfType<SipMessage>()];

    /// <summary>The next SIP response on the socket.</summary>
    public static async Task<SipResponse> ReceiveAsync(UdpClient client)
    {
        while (true)
        {
            var datagram = await client.ReceiveAsync().DefaultTimeout();
            if (SipMessageParser.Parse(datagram.Buffer).Message is SipResponse response)
            {
                return response;
            }
        }
    }

    /// <summary>Sends <paramref name="request"/> and returns the first final response.</summary>
    public static async Task<SipResponse> ExchangeAsync(UdpClient client, System.Net.IPEndPoint target, byte[] request)
    {
        await client.SendAsync(request, target).DefaultTimeout();
        while (true)
        {
            if (await ReceiveAsync(client) is { StatusCode: >= 200 } response)
            {
                return response;
            }
        }
    }

    public static async Task<SipResponse> ReadResponseAsync(NetworkStream stream)
    {
        var buffer = new byte[4096];
        var filled = 0;
        while (true)
        {
            filled += await stream.ReadAsync(buffer.AsMemory(filled)).AsTask().DefaultTimeout();
            if (SipMessageParser.Parse(buffer.AsSpan(0, filled)).Message is SipResponse response)
            {
                return response;
            }
        }
    }
}
