using System.Net;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>
/// A caller's trunk refreshing the session (RFC 4028 session timers) keeps the call: a re-INVITE or an UPDATE with the
/// same offer inside the dialog is answered 200 with our answer, and the dialog lives on (a BYE afterwards gets 200,
/// not 481). Before, a refresh re-INVITE got 488 and an UPDATE 405.
/// </summary>
[Collection(CallFlowCollection.Name)]
public sealed class SessionRefreshTests
{
    [Theory]
    [InlineData("INVITE")]
    [InlineData("UPDATE")]
    public async Task Call_CallerRefreshesSession_AnsweredAndCallKept(string method)
    {
        await using var harness = await CallFlowHarness.StartAsync();

        var result = await SippRunner.RunAsync(new SippOptions
        {
            ScenarioFile = SippScenarioFile.Write(RefreshingCaller(method), "refresh-" + method.ToLowerInvariant()),
            Remote = new IPEndPoint(IPAddress.Loopback, harness.Server.SipPort),
            MediaPort = LoopbackPorts.FreeUdpAndTcp(),
            Calls = 1,
            Timeout = TimeSpan.FromSeconds(30),
        }).WaitAsync(TimeSpan.FromSeconds(45));

        // SIPp succeeds only when the refresh got 200 (not 488/405) and the BYE after it got 200 (not 481: the dialog lives).
        Assert.True(result.Succeeded, result.ToString());
    }

    /// <summary>INVITE, ACK, a refresh (<paramref name="method"/>, same media, new o= version, Session-Expires), BYE.</summary>
    private static string RefreshingCaller(string method) => $"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="refreshing caller">
        {SippScenarios.AnsweredCall(User, "Supported: timer\nSession-Expires: 90;refresher=uac\n")}
          <pause milliseconds="500"/>
          <send retrans="500"><![CDATA[
        {method} [next_url] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: <sip:{User}@[local_ip]:[local_port]>;tag=[call_number]
        [last_To:]
        Call-ID: [call_id]
        CSeq: 2 {method}
        Contact: sip:{User}@[local_ip]:[local_port]
        Supported: timer
        Session-Expires: 90;refresher=uac
        Max-Forwards: 70
        Content-Type: application/sdp
        Content-Length: [len]

        {SippScenarios.Offer(2353687638)}
          ]]></send>
          <recv response="100" optional="true"/>
          <recv response="200"/>
        {(method == "INVITE" ? SippScenarios.Ack(User, 2) : string.Empty)}
          <pause milliseconds="500"/>
          <send retrans="500"><![CDATA[
        BYE [next_url] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: <sip:{User}@[local_ip]:[local_port]>;tag=[call_number]
        [last_To:]
        Call-ID: [call_id]
        CSeq: 3 BYE
        Max-Forwards: 70
        Content-Length: 0

          ]]></send>
          <recv response="200"/>
        </scenario>
        """;

    private const string User = "0701239998";
}
