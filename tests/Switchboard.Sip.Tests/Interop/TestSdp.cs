using System.Text;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>A minimal PCMU SDP (the media layer makes real ones; SIP treats it as opaque bytes).</summary>
internal static class TestSdp
{
    public const string ContentType = "application/sdp";

    public static byte[] Create(int rtpPort = 40000) => Encoding.ASCII.GetBytes(
        $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {rtpPort} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=sendrecv\r\n");
}
