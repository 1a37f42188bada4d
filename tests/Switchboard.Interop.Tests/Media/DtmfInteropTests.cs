using Switchboard.Acd.Events;
using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Media;

/// <summary>
/// RFC 4733 telephone-events from a real SIPp (pcap playback of the Debian sip-tester recordings) into the running
/// server: the digits the server reports are observed through where its IVR routes the call (a chain of menus in
/// Fixtures/digit-chain.yaml: 1, 2, 3 each exactly once lead to queue "exact"; a repeated digit to "dup"; a lost one
/// to "lost"), read back from the ACD event stream.
/// </summary>
[Collection(CallFlowCollection.Name)]
public sealed class DtmfInteropTests
{
    private static readonly TimeSpan SippLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TelephoneEvents_SippPlaysPcapDigitsWithRepeatedEndPackets_EachDigitReportedExactlyOnce()
    {
        await using var server = await MediaInteropServer.StartAsync(MediaInteropServer.Fixture("digit-chain.yaml"));
        var scenario = Path.Combine(RepositoryPaths.Root, "tests", "Switchboard.Interop.Tests", "Media", "Scenarios", "dtmf-pcap-after-greeting.xml");

        var result = await SippRunner.RunAsync(new SippOptions
        {
            ScenarioFile = scenario,
            Remote = server.Process.SipEndPoint,
            Service = "ivr",
            Calls = 1,
            MediaPort = LoopbackPorts.FreeUdpAndTcp(),
            Timeout = TimeSpan.FromSeconds(25),
        }).WaitAsync(SippLimit);
        Assert.True(result.Succeeded, result + Environment.NewLine + result.StandardOutput[^Math.Min(2000, result.StandardOutput.Length)..]);

        var events = await server.WaitForEventAsync(AcdEventType.Enqueued, TimeSpan.FromSeconds(5)).DefaultTimeout();
        var enqueued = events.Where(e => e.Type == AcdEventType.Enqueued).ToList();
        var story = string.Join(", ", events.Select(e => $"{e.Type}({e.Queue})"));
        var only = Assert.Single(enqueued);
        Assert.True(only.Queue == "exact", $"digits 1, 2, 3 should route to queue 'exact' ('dup' = a digit reported twice, 'lost' = one missing); ACD stream: {story}");

        // SIPp hung up while waiting: the call leaves the queue, and nothing else was enqueued on the way.
        events = await server.WaitForEventAsync(AcdEventType.Abandoned, TimeSpan.FromSeconds(5)).DefaultTimeout();
        Assert.Contains(events, e => e.Type == AcdEventType.Abandoned && e.CallId == only.CallId);
        Assert.DoesNotContain(events, e => e.Queue is "dup" or "lost");
    }
}
