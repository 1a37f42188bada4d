using System.Text;

namespace Switchboard.Fuzzing.Targets;

/// <summary>Syntax tokens of SIP, SDP and digest headers for the mutator's dictionary.</summary>
internal static class TextTokens
{
    public static readonly IReadOnlyList<byte[]> Sip = Encode(
        "\r\n", "\r\n\r\n", "\n", " ", "\t", "\r\n ", ":", ";", ",", "=", "\"", "<", ">", "@", "\\", "%", "%00", "%zz", "[", "]",
        "sip:", "sips:", "tel:", "SIP/2.0", "SIP/2.0 ", " SIP/2.0\r\n", "SIP/3.0", "INVITE ", "REGISTER ", "ACK ", "BYE ", "CANCEL ", "OPTIONS ",
        "INFO ", "REFER ", "Via: SIP/2.0/UDP ", "Via: SIP/2.0/TCP ", "v: ", ";branch=z9hG4bK", ";rport", ";received=", ";maddr=", ";ttl=",
        "Content-Length: ", "l: ", "Content-Type: application/sdp", "c: ", "CSeq: ", "Call-ID: ", "i: ", "From: ", "f: ", "To: ", "t: ",
        ";tag=", "Contact: ", "m: ", "*", "Max-Forwards: ", "Expires: ", ";expires=", "Route: ", "Record-Route: ", ";lr",
        "Authorization: Digest ", "WWW-Authenticate: Digest ", "Proxy-Authorization: ", "Refer-To: ", "Require: ", "Supported: ",
        "username=", "realm=", "nonce=", "uri=", "response=", "qop=auth", "qop=\"auth,auth-int\"", "nc=00000001", "cnonce=", "opaque=",
        "algorithm=MD5", "algorithm=SHA-256", "[2001:db8::1]", "[::1]:5060", "127.0.0.1:5060", ":65536", ":-1", "\u00e4\u00f6",
        "application/dtmf-relay", "Signal=5\r\nDuration=160", "\0", "\u00ff");

    public static readonly IReadOnlyList<byte[]> Sdp = Encode(
        "\r\n", "\n", " ", "=", ":", "/", "v=0\r\n", "o=- 1 1 IN IP4 127.0.0.1\r\n", "s=-\r\n", "c=IN IP4 127.0.0.1\r\n", "c=IN IP6 ::1\r\n",
        "c=IN IP4 0.0.0.0\r\n", "c=IN IP4 host.example\r\n", "t=0 0\r\n", "m=audio 4000 RTP/AVP 0 8 101\r\n", "m=audio 0 RTP/AVP 0\r\n",
        "m=video 5000 RTP/AVP 96\r\n", "m=audio 65536 RTP/AVP 0\r\n", "m=audio 4000/2 RTP/AVP 0\r\n", "m=audio 4000 RTP/SAVP 0\r\n",
        "a=rtpmap:101 telephone-event/8000\r\n", "a=rtpmap:0 PCMU/8000\r\n", "a=rtpmap:8 PCMA/8000/1\r\n", "a=rtpmap:96 opus/48000/2\r\n",
        "a=fmtp:101 0-15\r\n", "a=ptime:20\r\n", "a=sendonly\r\n", "a=recvonly\r\n", "a=inactive\r\n", "a=sendrecv\r\n", "a=rtcp:4001\r\n",
        "b=AS:64\r\n", "127", "255", "-1", "4294967296");

    public static readonly IReadOnlyList<byte[]> Digest = Encode(
        "Digest ", "Basic ", ",", ", ", "=", "\"", "\\\"", "\\", " ", "\t", "\r\n", "username=", "realm=", "nonce=", "uri=", "response=",
        "qop=auth", "qop=\"auth\"", "qop=\"auth,auth-int\"", "nc=", "00000001", "ffffffff", "100000000", "cnonce=", "opaque=", "stale=true",
        "algorithm=MD5", "algorithm=MD5-sess", "algorithm=SHA-256", "algorithm=\"SHA-256\"", "domain=", "\"sip:127.0.0.1\"", "\"\"");

    private static List<byte[]> Encode(params string[] tokens) => [.. tokens.Select(Encoding.UTF8.GetBytes)];
}
