namespace Switchboard.Interop.Tests.Calls;

/// <summary>SIPp scenarios shared by the end-to-end tests (written to a file with <c>SippScenarioFile.Write</c>).</summary>
internal static class SippScenarios
{
    /// <summary>
    /// A UAS that answers every INVITE with one final error response (e.g. "486 Busy Here", "480 Temporarily
    /// Unavailable") and waits for the ACK.
    /// </summary>
    public static string Rejecting(string status, string name) => $"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="{name}">
          <recv request="INVITE" crlf="true"/>
          <send><![CDATA[
        SIP/2.0 {status}
        [last_Via:]
        [last_From:]
        [last_To:];tag=[pid]SIPpTag01[call_number]
        [last_Call-ID:]
        [last_CSeq:]
        Content-Length: 0

          ]]></send>
          <recv request="ACK"/>
        </scenario>
        """;

    /// <summary>
    /// The caller's side of an answered call, to be continued inside the dialog: INVITE from <paramref name="user"/> with a
    /// PCMU + telephone-event offer (plus <paramref name="extraHeaders"/>), the provisional and 200 responses (route set
    /// recorded), the ACK.
    /// </summary>
    public static string AnsweredCall(string user, string extraHeaders = "") => $"""
          <send retrans="500"><![CDATA[
        INVITE sip:ivr@[remote_ip]:[remote_port] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: <sip:{user}@[local_ip]:[local_port]>;tag=[call_number]
        To: <sip:ivr@[remote_ip]:[remote_port]>
        Call-ID: [call_id]
        CSeq: 1 INVITE
        Contact: sip:{user}@[local_ip]:[local_port]
        {extraHeaders}Max-Forwards: 70
        Content-Type: application/sdp
        Content-Length: [len]

        {Offer(2353687637)}
          ]]></send>
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {Ack(user, 1)}
        """;

    /// <summary>The ACK of the INVITE with CSeq <paramref name="cseq"/> (RFC 3261 §13.2.2.4).</summary>
    public static string Ack(string user, int cseq) => $"""
          <send><![CDATA[
        ACK [next_url] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: <sip:{user}@[local_ip]:[local_port]>;tag=[call_number]
        [last_To:]
        Call-ID: [call_id]
        CSeq: {cseq} ACK
        Max-Forwards: 70
        Content-Length: 0

          ]]></send>
        """;

    /// <summary>A PCMU + telephone-event offer with origin version <paramref name="version"/>.</summary>
    public static string Offer(long version) => $"""
        v=0
        o=user1 53655765 {version} IN IP[local_ip_type] [local_ip]
        s=-
        c=IN IP[media_ip_type] [media_ip]
        t=0 0
        m=audio [media_port] RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000

        """;
}
