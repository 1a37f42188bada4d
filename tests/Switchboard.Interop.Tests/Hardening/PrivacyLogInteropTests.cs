using Switchboard.Acd.Events;
using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Hardening;

/// <summary>
/// The node's whole log, at Debug level, during a full call (caller connected to an agent, then hung up) and a callback
/// request (number read back and confirmed) holds no caller's phone number in any form.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class PrivacyLogInteropTests
{
    private const string Caller = "0703141592";
    private const string CallbackCaller = "0702718281";

    [Fact]
    public async Task Log_FullCallAndCallbackRequestAtDebugLevel_NoPhoneNumber()
    {
        await using var harness = await CallFlowHarness.StartAsync(dialplan: CallFlowHarness.TransfersDialplan,
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);

        await using (var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = Caller }).DefaultTimeout())
        {
            await harness.ConnectCallerToAgentAsync(caller, events, stop.Token);
            await caller.HangupAsync().DefaultTimeout();
            await harness.AgentPhone.WaitForEventAsync(BaresipEventType.CallClosed).DefaultTimeout();
        }

        // Key 2 leads to bbmt, where nobody is signed in and no_agents is callback: the number is read back, 1 confirms.
        await using var second = await BaresipPhone.StartAsync(new BaresipOptions { User = CallbackCaller, Record = true }).DefaultTimeout();
        await second.DialAsync(harness.IvrUri).DefaultTimeout();
        await second.WaitForEventAsync(BaresipEventType.CallEstablished).DefaultTimeout();
        await HeardAudio.WaitForMoreAudioAsync(second, 0, TimeSpan.FromSeconds(0.5)).DefaultTimeout(); // the IVR's media runs: a key is taken, not dropped
        await second.SendDtmfAsync("2").DefaultTimeout();
        await harness.PressUntilAsync(second, "1", e => e.Type == AcdEventType.CallbackRequested);
        await second.WaitForEventAsync(BaresipEventType.CallClosed).WaitAsync(TimeSpan.FromSeconds(30));

        var log = harness.Server.StandardOutput + harness.Server.StandardError;
        Assert.Contains("callback to +467xxxxxxxx in bbmt", log, StringComparison.Ordinal); // the masked form is what is logged
        foreach (var number in new[] { Caller, CallbackCaller })
        {
            // The national significant number (without the trunk 0) catches 070..., +4670... and 004670... alike.
            var nsn = number[1..];
            var at = log.IndexOf(nsn, StringComparison.Ordinal);
            Assert.True(at < 0, $"the log holds {number}: ...{(at < 0 ? "" : log.Substring(Math.Max(0, at - 120), Math.Min(240, log.Length - Math.Max(0, at - 120))))}...");
        }
    }
}
