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
}
