using System.Net;
using System.Net.Sockets;
using Switchboard.Api.Agent.V1;
using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Security;

/// <summary>
/// Strict RTP against the running server (issue 14): during a bridged baresip call, an attacker on another loopback
/// address sprays the server's RTP and RTCP ports with loud audio and RFC 4733 key presses. The attacker must receive
/// nothing, the digits must reach nobody, and caller and agent must keep hearing each other.
/// </summary>
public sealed partial class HostileNetworkTests
{
    private const string RtpAttacker = "127.0.0.66";
    private const int Rounds = 50; // 50 rounds x 20 ms: one second of spray, bounded in count and time

    [Fact]
    public async Task RtpSpray_FromOtherAddressDuringBridgedCall_DroppedCallKeepsTwoWayAudio()
    {
        var harness = Harness;
        var droppedBefore = (long)(SecurityHarness.Metric(await SecurityHarness.MetricsAsync(harness.Server), "switchboard_media_wrong_source_packets_total", "protocol=\"rtp\"") ?? 0);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await harness.SignInAsync();
        using var events = harness.OpenEvents(stop.Token);
        await using var caller = await BaresipPhone.StartAsync(new BaresipOptions { User = "0701110066", SineFrequency = CallFlowHarness.CallerTone, Record = true }).DefaultTimeout();
        var agentRecordings = harness.AgentPhone.HeardRecordings().Count;
        await harness.ConnectCallerToAgentAsync(caller, events, stop.Token);
        var agentHeard = await SecurityHarness.NewRecordingAsync(harness.AgentPhone, agentRecordings, TimeSpan.FromSeconds(1));

        // Every UDP port of the server except SIP: the caller's and the agent's RTP and RTCP.
        var targets = ProcessUdpPorts.Of(harness.Server.ProcessId).Where(p => p != harness.Server.SipPort).ToList();
        Assert.True(targets.Count >= 4, $"the server should hold two RTP/RTCP pairs, holds UDP {string.Join(",", targets)}");
        using var attacker = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        attacker.Bind(new IPEndPoint(IPAddress.Parse(RtpAttacker), 0));
        var sent = await SprayAsync(attacker, targets, stop.Token);

        // Both phones keep hearing each other (not the attacker's noise) for a while after the spray.
        var callerMark = HeardAudio.CurrentLength(caller);
        var agentMark = new FileInfo(agentHeard).Length;
        await HeardAudio.WaitForMoreAudioAsync(caller, callerMark, TimeSpan.FromSeconds(1.5)).DefaultTimeout();
        await HeardAudio.WaitForMoreAudioAsync(harness.AgentPhone, agentMark, TimeSpan.FromSeconds(1.5)).DefaultTimeout();
        var atCaller = HeardAudio.Tail(PcmRecording.Read(caller.HeardRecordings()[^1]), TimeSpan.FromSeconds(1));
        var atAgent = HeardAudio.Tail(PcmRecording.Read(agentHeard), TimeSpan.FromSeconds(1));
        Assert.True(atCaller.ToneRatio(CallFlowHarness.AgentTone) > 0.3, $"caller hears agent's tone share {atCaller.ToneRatio(CallFlowHarness.AgentTone):0.00}");
        Assert.True(atAgent.ToneRatio(CallFlowHarness.CallerTone) > 0.3, $"agent hears caller's tone share {atAgent.ToneRatio(CallFlowHarness.CallerTone):0.00}");

        // Nothing was sent to the attacker (75 clock ticks have passed since), and the injected key presses reached nobody.
        Assert.Equal(0, attacker.Available);
        Assert.Equal(string.Empty, harness.AgentPhone.ReceivedDigits);
        Assert.Equal(string.Empty, caller.ReceivedDigits);
        Assert.Equal(BaresipEventType.CallEstablished, caller.CallState);

        // The server counted the drops (strict RTP), on /metrics.
        var metrics = await SecurityHarness.MetricsAsync(harness.Server);
        var dropped = (long)(SecurityHarness.Metric(metrics, "switchboard_media_wrong_source_packets_total", "protocol=\"rtp\"") ?? 0) - droppedBefore;
        Assert.InRange(dropped, 1, sent);
        await SecurityHarness.HangUpAndWrapUpAsync(harness, caller, events, stop.Token);
    }

    /// <summary>Each round: a loud 3 kHz audio frame (PT 0 and 8) and RFC 4733 presses of '9' (PT 101) to every port.</summary>
    private static async Task<long> SprayAsync(Socket attacker, IReadOnlyList<int> ports, CancellationToken cancellationToken)
    {
        var audio = new byte[12 + 160];
        var digit = new byte[12 + 4];
        var sent = 0L;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var port in ports)
            {
                var to = new IPEndPoint(IPAddress.Loopback, port);
                foreach (var pt in new byte[] { 0, 8 })
                {
                    Header(audio, pt, round, marker: false);
                    for (var i = 12; i < audio.Length; i++)
                    {
                        audio[i] = (byte)(i % 3 == 0 ? 0x00 : 0x80); // near full scale at about 2.7 kHz
                    }

                    await attacker.SendToAsync(audio, to, cancellationToken);
                    sent++;
                }

                Header(digit, 101, round, marker: round % 10 == 0);
                digit[12] = 9;
                digit[13] = (byte)(round % 10 == 9 ? 0x8A : 0x0A);
                digit[14] = 0;
                digit[15] = (byte)((round % 10 + 1) * 16);
                await attacker.SendToAsync(digit, to, cancellationToken);
                sent++;
            }

            await Task.Delay(20, cancellationToken); // pacing of the attack itself, not a wait for the server
        }

        return sent;
    }

    private static void Header(byte[] packet, byte payloadType, int round, bool marker)
    {
        packet[0] = 0x80;
        packet[1] = (byte)(payloadType | (marker ? 0x80 : 0));
        packet[2] = (byte)(round >> 8);
        packet[3] = (byte)round;
        var timestamp = (uint)(round / 10 * 1600);
        packet[4] = (byte)(timestamp >> 24);
        packet[5] = (byte)(timestamp >> 16);
        packet[6] = (byte)(timestamp >> 8);
        packet[7] = (byte)timestamp;
        packet[8] = 0x0B;
        packet[9] = 0xAD;
        packet[10] = 0xF0;
        packet[11] = 0x0D;
    }
}
