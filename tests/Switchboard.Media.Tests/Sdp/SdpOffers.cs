namespace Switchboard.Media.Tests.Sdp;

/// <summary>Offers as real peers send them (captured shapes of baresip 1.0, Linphone, a PCMA-only trunk, SIPp uac_pcap).</summary>
internal static class SdpOffers
{
    public const string Baresip =
        "v=0\r\no=- 1953297391 3117587516 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\na=tool:baresip 1.0.0\r\n" +
        "m=audio 10170 RTP/AVP 0 8 101\r\nb=AS:87\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\na=label:1\r\na=rtcp-rsize\r\na=ssrc:1422374960 cname:sip:caller@127.0.0.1\r\na=ptime:20\r\n";

    public const string Linphone =
        "v=0\r\no=alice 2743 1496 IN IP4 127.0.0.1\r\ns=Talk\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        "a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics\r\n" +
        "m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100\r\na=rtpmap:96 opus/48000/2\r\na=fmtp:96 useinbandfec=1\r\n" +
        "a=rtpmap:97 speex/16000\r\na=fmtp:97 vbr=on\r\na=rtpmap:98 speex/8000\r\na=fmtp:98 vbr=on\r\na=fmtp:18 annexb=yes\r\n" +
        "a=rtpmap:101 telephone-event/48000\r\na=rtpmap:99 telephone-event/16000\r\na=rtpmap:100 telephone-event/8000\r\n" +
        "a=rtcp-fb:* trr-int 1000\r\na=rtcp-fb:* ccm tmmbr\r\n";

    public const string TrunkPcmaOnly =
        "v=0\n" + "o=SBC 48571 48571 IN IP4 127.0.0.2\n" + "s=SBC\n" + "t=0 0\n" +
        "m=audio 30214 RTP/AVP 8 101\n" + "c=IN IP4 127.0.0.2\n" + "a=rtpmap:8 PCMA/8000\n" + "a=rtpmap:101 telephone-event/8000\n" +
        "a=fmtp:101 0-15\n" + "a=ptime:20\n" + "a=maxptime:40\n";

    public const string SippUacPcap =
        "v=0\r\no=user1 53655765 2353687637 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        "m=audio 6000 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-11,16\r\n";

    public const string G729Only =
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n";

    public const string SrtpOnly =
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/SAVP 0 8\r\n" +
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\n";

    public const string VideoThenAudio =
        "v=0\r\no=- 7 7 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        "m=video 9000 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\nm=audio 9002 RTP/AVP 8 0 96\r\na=rtpmap:96 telephone-event/8000\r\n";

    public static string Hold(string direction) =>
        "v=0\r\no=- 1953297391 3117587517 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        $"m=audio 10170 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na={direction}\r\n";

    public const string OldStyleHold =
        "v=0\r\no=- 5 6 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\nm=audio 10170 RTP/AVP 0\r\n";
}
