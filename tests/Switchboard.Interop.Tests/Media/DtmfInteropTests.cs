using Switchboard.Acd.Events;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Media;

/// <summary>
/// DTMF from a real SIPp into the running server. The digits the server reports are observed through where its IVR
/// routes the call: a chain of menus (Fixtures/digit-chain.yaml) sends 1, 2, 3 (each exactly once) to queue "exact",
/// a digit reported twice to "dup" and a lost digit to "lost"; the queue is read back from the ACD event stream.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class DtmfInteropTests
{
    private static readonly TimeSpan SippLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// RFC 4733 telephone-events by pcap playback of the Debian sip-tester recordings (needs root or CAP_NET_RAW):
    /// each digit ends with three identical end packets (same sequence number and timestamp), which must count once.
    /// </summary>
    [Fact]
    public async Task TelephoneEvents_SippPlaysPcapDigitsWithRepeatedEndPackets_EachDigitReportedExactlyOnce()
    {
        var queue = await RunToQueueAsync("dtmf-pcap-after-greeting.xml");
        Assert.True(queue == "exact", $"digits 1, 2, 3 should route to queue 'exact' ('dup' = a digit reported twice, 'lost' = one missing), got '{queue}'");
    }

    /// <summary>Control for the oracle: two real presses of "1" (SIP INFO, application/dtmf-relay) are two digits.</summary>
    [Fact]
    public async Task SipInfo_SameKeyPressedTwice_ReportedTwiceAndRoutedToDup()
    {
        var queue = await RunToQueueAsync("dtmf-info-twice.xml");
        Assert.True(queue == "dup", $"two INFO presses of '1' should route to queue 'dup', got '{queue}'");
    }

    /// <summary>Runs one SIPp call with the scenario against a fresh server and returns the one queue the call entered.</summary>
    private static async Task<string?> RunToQueueAsync(string scenarioName)
    {
        await using var server = await MediaInteropServer.StartAsync(MediaInteropServer.Fixture("digit-chain.yaml"));
        var scenario = Path.Combine(RepositoryPaths.Root, "tests", "Switchboard.Interop.Tests", "Media", "Scenarios", scenarioName);

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

        // SIPp hung up while the call waited in its queue: exactly one Enqueued, then Abandoned for that call.
        var events = await server.WaitForEventAsync(AcdEventType.Abandoned, TimeSpan.FromSeconds(5)).DefaultTimeout();
        var story = string.Join(", ", events.Select(e => $"{e.Type}({e.Queue})"));
        var enqueued = events.Where(e => e.Type == AcdEventType.Enqueued).ToList();
        Assert.True(enqueued.Count == 1, $"exactly one Enqueued expected; ACD stream: {story}");
        Assert.True(events.Any(e => e.Type == AcdEventType.Abandoned && e.CallId == enqueued[0].CallId), $"the call should leave its queue on BYE; ACD stream: {story}");
        return enqueued[0].Queue;
    }
}
