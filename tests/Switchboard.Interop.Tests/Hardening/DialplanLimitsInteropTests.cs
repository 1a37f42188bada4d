using System.Text;
using Grpc.Core;
using Switchboard.Api.Agent.V1;
using Switchboard.Api.Supervisor.V1;
using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Hardening;

/// <summary>Hostile dialplan documents sent to the running node are refused while a bridged call on it carries on.</summary>
[Collection(SecurityCollection.Name)]
public sealed class DialplanLimitsInteropTests
{
    [Fact]
    public async Task ValidateAndPublish_DeepNestingAndBillionLaughsDuringACall_InvalidArgumentAndTheCallCarriesOn()
    {
        await using var harness = await CallFlowHarness.StartAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0706666666" }).DefaultTimeout();
        var offer = await harness.ConnectCallerToAgentAsync(caller, events, stop.Token);

        var deep = "name: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var laughs = new StringBuilder("name: test\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            laughs.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
        }

        foreach (var yaml in new[] { deep, laughs.ToString() })
        {
            var validate = await Assert.ThrowsAsync<RpcException>(() => harness.Supervisor.ValidateDialplanAsync(
                new ValidateDialplanRequest { Yaml = yaml }, harness.SupervisorHeaders).ResponseAsync.DefaultTimeout());
            var publish = await Assert.ThrowsAsync<RpcException>(() => harness.Supervisor.PublishDialplanAsync(
                new PublishDialplanRequest { Yaml = yaml }, harness.SupervisorHeaders).ResponseAsync.DefaultTimeout());
            Assert.Equal(StatusCode.InvalidArgument, validate.StatusCode);
            Assert.Equal(StatusCode.InvalidArgument, publish.StatusCode);
            Assert.Matches(@"^published\.yaml:\d+:\d+: input limit: ", validate.Status.Detail);
        }

        // The node is alive and the bridged call is still up: the agent ends it over the API and both phones hear the BYE.
        Assert.False(harness.Server.HasExited, harness.Server.StandardError);
        Assert.DoesNotContain(caller.Events, e => e.Type == BaresipEventType.CallClosed);
        await harness.Agent.HangUpAsync(new HangUpRequest { AgentId = CallFlowHarness.AgentId, CallId = offer.CallId }, harness.AgentHeaders).ResponseAsync.DefaultTimeout();
        await caller.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
        await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
    }
}
