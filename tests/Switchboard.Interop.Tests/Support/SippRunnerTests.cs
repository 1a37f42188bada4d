using System.Net;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Support;

public sealed class SippRunnerTests
{
    [Fact]
    public async Task RunAsync_UacAgainstUas_TenCallsSucceed()
    {
        await using var uas = SippRunner.Start(new SippOptions { Scenario = "uas", Timeout = TimeSpan.FromSeconds(30) });
        await uas.WaitUntilListeningAsync().DefaultTimeout();

        var result = await SippRunner.RunAsync(new SippOptions
        {
            Scenario = "uac",
            Remote = new IPEndPoint(IPAddress.Loopback, uas.LocalPort),
            Calls = 10,
            CallRate = 50,
            Timeout = TimeSpan.FromSeconds(20),
        }).DefaultTimeout();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(10, result.Statistics.SuccessfulCalls);
        Assert.Equal(0, result.Statistics.FailedCalls);
        Assert.Equal(10, result.Statistics.OutgoingCalls);

        var answered = await uas.StopAsync().DefaultTimeout();
        Assert.Equal(10, answered.Statistics.IncomingCalls);
    }

    [Fact]
    public async Task RunAsync_ScenarioFileWithResponseTimer_ReportsResponseTime()
    {
        await using var uas = SippRunner.Start(new SippOptions { Scenario = "uas", Timeout = TimeSpan.FromSeconds(30) });
        await uas.WaitUntilListeningAsync().DefaultTimeout();
        var scenario = SippScenarioFile.Write(TimedOptionsScenario);

        var result = await SippRunner.RunAsync(new SippOptions
        {
            ScenarioFile = scenario,
            Remote = new IPEndPoint(IPAddress.Loopback, uas.LocalPort),
            Calls = 3,
            Timeout = TimeSpan.FromSeconds(20),
        }).DefaultTimeout();

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(3, result.Statistics.SuccessfulCalls);
        Assert.NotNull(result.Statistics.ResponseTime);
        Assert.True(result.Statistics.ResponseTime < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task RunAsync_NobodyAnswers_FailsWithinTimeout()
    {
        var result = await SippRunner.RunAsync(new SippOptions
        {
            Scenario = "uac",
            Remote = new IPEndPoint(IPAddress.Loopback, RedisServer.FreeUdpPort()),
            Calls = 1,
            Timeout = TimeSpan.FromSeconds(2),
        }).DefaultTimeout();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(0, result.Statistics.SuccessfulCalls);
    }

    [Fact]
    public void Start_RemoteNotLoopback_Refused()
    {
        var options = new SippOptions { Scenario = "uac", Remote = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5060) };

        var error = Assert.Throws<ArgumentException>(() => SippRunner.Start(options));

        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_BothScenarioKinds_Refused()
    {
        var options = new SippOptions { Scenario = "uac", ScenarioFile = "/tmp/x.xml" };

        Assert.Throws<ArgumentException>(() => SippRunner.Start(options));
    }

    [Fact]
    public void Parse_SippCsv_ReadsLastLine()
    {
        const string csv = "StartTime;SuccessfulCall(C);FailedCall(C);ResponseTime1(C);\n"
            + "2026-11-23\t09:04:01;0;0;00:00:00:000000;\n"
            + "2026-11-23\t09:04:02;7;2;00:00:01:250000;\n";

        var statistics = SippStatistics.Parse(csv);

        Assert.Equal(7, statistics.SuccessfulCalls);
        Assert.Equal(2, statistics.FailedCalls);
        Assert.Equal(TimeSpan.FromMilliseconds(1250), statistics.ResponseTime);
    }

    [Fact]
    public void Write_NotAScenario_Throws()
    {
        Assert.Throws<ArgumentException>(() => SippScenarioFile.Write("<html/>"));
    }

    private const string TimedOptionsScenario = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="timed invite">
          <send retrans="500" start_rtd="1">
            <![CDATA[
              INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[call_number]
              To: sut <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 INVITE
              Contact: sip:sipp@[local_ip]:[local_port]
              Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
              s=-
              c=IN IP[media_ip_type] [media_ip]
              t=0 0
              m=audio [media_port] RTP/AVP 0
              a=rtpmap:0 PCMU/8000
            ]]>
          </send>
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rtd="1"/>
          <send>
            <![CDATA[
              ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[call_number]
              To: sut <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              CSeq: 1 ACK
              Contact: sip:sipp@[local_ip]:[local_port]
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          <send retrans="500">
            <![CDATA[
              BYE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[call_number]
              To: sut <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              CSeq: 2 BYE
              Contact: sip:sipp@[local_ip]:[local_port]
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          <recv response="200"/>
        </scenario>
        """;
}
