using System.Net;
using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>Real SIPp on 127.0.0.1 against the stack.</summary>
public sealed class SippInteropTests
{
    private static SipEndpoint StartEndpoint() =>
        SipEndpoint.Start(new SipEndpointOptions { Transport = new SipTransportOptions { BindAddress = IPAddress.Loopback, Port = 0 } });

    [Fact]
    public async Task SippUac_100CallsAt50PerSecond_AllSucceed()
    {
        await using var endpoint = StartEndpoint();
        await using var machine = new AnsweringMachine(endpoint.UserAgent);

        var result = await SippRunner.RunAsync(new SippOptions
        {
            Scenario = "uac",
            Remote = new IPEndPoint(IPAddress.Loopback, endpoint.Port),
            Calls = 100,
            CallRate = 50,
            Timeout = TimeSpan.FromSeconds(60),
        }).WaitAsync(TimeSpan.FromSeconds(90));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(100, result.Statistics.SuccessfulCalls);
        Assert.Equal(0, result.Statistics.FailedCalls);
        Assert.True(100 == machine.Answered, string.Join("\n", machine.Errors));

        // SIPp got 200 for each BYE, so every dialog of ours ended and the counters saw 100 INVITE and BYE transactions.
        await machine.WaitForEndedAsync(100).DefaultTimeout();
        Assert.Equal(0, endpoint.UserAgent.DialogCount);
        var metrics = endpoint.Metrics;
        Assert.Equal(100, metrics.Count(SipTransactionMetrics.ServerSide, SipMethods.Invite, "2xx"));
        Assert.Equal(100, metrics.Count(SipTransactionMetrics.ServerSide, SipMethods.Bye, "2xx"));
        Assert.Equal(0, metrics.MessagesMalformed);
        Assert.Equal(0, metrics.AckTimeouts);
    }

    [Fact]
    public async Task SippUac_OverTcp_CallsSucceed()
    {
        await using var endpoint = StartEndpoint();
        await using var machine = new AnsweringMachine(endpoint.UserAgent);

        var result = await SippRunner.RunAsync(new SippOptions
        {
            Scenario = "uac",
            Remote = new IPEndPoint(IPAddress.Loopback, endpoint.Port),
            Calls = 10,
            CallRate = 10,
            Transport = "t1",
            Timeout = TimeSpan.FromSeconds(30),
        }).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(10, result.Statistics.SuccessfulCalls);
    }

    [Fact]
    public async Task InviteAsync_SippUas_AnswersAndByeEndsCall()
    {
        await using var endpoint = StartEndpoint();
        await using var uas = SippRunner.Start(new SippOptions { Scenario = "uas", Timeout = TimeSpan.FromSeconds(30) });
        await uas.WaitUntilListeningAsync().DefaultTimeout();
        var provisional = new List<int>();

        var result = await endpoint.UserAgent.InviteAsync(
            SipUri.Parse($"sip:service@127.0.0.1:{uas.LocalPort}"), TestSdp.ContentType, TestSdp.Create(),
            new() { OnProvisional = r => { lock (provisional) { provisional.Add(r.StatusCode); } } }).DefaultTimeout();

        Assert.True(result.Answered, result.FinalResponse.ToString());
        Assert.Equal(200, result.StatusCode);
        Assert.False(result.AnswerBody.IsEmpty);
        var bye = await result.Dialog!.ByeAsync().DefaultTimeout();
        Assert.Equal(200, bye.StatusCode);
        var end = await result.Dialog.Terminated.DefaultTimeout();
        Assert.False(end.ByRemote);
        await uas.StopAsync().DefaultTimeout();
    }
}
