using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Support;

/// <summary>
/// Issue 3's "done when" against the real server process (not just the SIP stack in-process): SIPp's built-in uac
/// scenario completes 100 calls with 0 failures, and a garbage/oversized/truncated flood at the SIP port leaves the
/// server answering OPTIONS.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class ServerSipTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SippUac_100CallsAgainstServer_NoFailures()
    {
        await using var server = await SwitchboardProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
        }).WaitAsync(Slow);

        var result = await SippRunner.RunAsync(new SippOptions
        {
            Scenario = "uac",
            Remote = server.SipEndPoint,
            Service = "ivr",
            Calls = 100,
            CallRate = 10,
            Timeout = TimeSpan.FromSeconds(60),
        }).WaitAsync(Slow);

        Assert.True(result.ExitCode == 0, $"{result}\nserver: {server.StandardError}");
        Assert.Equal(100, result.Statistics.SuccessfulCalls);
        Assert.Equal(0, result.Statistics.FailedCalls);
        Assert.False(server.HasExited);
    }

    [Fact]
    public async Task Flood_GarbageOversizedTruncated_ServerStillAnswersOptions()
    {
        await using var server = await SwitchboardProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
        }).WaitAsync(Slow);
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = server.SipEndPoint;
        var random = new Random(3261);
        var valid = Options(target.Port, "z9hG4bKvalid");

        for (var i = 0; i < 2000; i++)
        {
            byte[] datagram = (i % 5) switch
            {
                0 => RandomBytes(random, random.Next(1, 1500)),
                1 => valid[..random.Next(1, valid.Length - 4)],                                                 // truncated
                2 => [.. valid[..^4], .. Encoding.ASCII.GetBytes(new string('A', 60_000)), .. "\r\n\r\n"u8],   // oversized header
                3 => Encoding.ASCII.GetBytes("INVITE sip:a SIP/2.0\r\nContent-Length: 99999999999\r\n\r\n"),
                _ => Mutate(random, valid),
            };
            await client.SendAsync(datagram, target).DefaultTimeout();
        }

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(target).DefaultTimeout();
            try
            {
                await tcp.GetStream().WriteAsync(RandomBytes(random, 100_000)).DefaultTimeout(); // breaks framing: the server closes it
            }
            catch (IOException)
            {
                // the server may close the connection while we are still writing
            }
        }

        // Like a trunk's OPTIONS ping, retransmit (RFC 3261 timer E, 500 ms): the kernel drops datagrams while the socket
        // buffers are still full of the flood, and the flood's 400s arrive first.
        using var deadline = new CancellationTokenSource(TestTimeouts.Default * 3);
        var response = await PingAsync(client, target, deadline.Token);

        Assert.Equal(200, response.StatusCode);
        Assert.Contains(SipMethods.Invite, response.Headers[SipHeaderNames.Allow], StringComparison.Ordinal);
        Assert.False(server.HasExited, server.StandardError);
    }

    private static async Task<SipResponse> PingAsync(UdpClient client, IPEndPoint target, CancellationToken cancellationToken)
    {
        var ping = Options(target.Port, "z9hG4bKafter");
        while (true)
        {
            await client.SendAsync(ping, target, cancellationToken);
            using var interval = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            interval.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                while (true)
                {
                    var datagram = await client.ReceiveAsync(interval.Token);
                    if (SipMessageParser.Parse(datagram.Buffer).Message is SipResponse { CallId: "z9hG4bKafter@flood" } response)
                    {
                        return response;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // no answer within this interval: send again
            }
        }
    }

    private static byte[] Options(int port, string branch) => Encoding.ASCII.GetBytes(
        $"OPTIONS sip:ivr@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch={branch};rport\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:f@127.0.0.1>;tag=1\r\nTo: <sip:ivr@127.0.0.1>\r\nCall-ID: {branch}@flood\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var copy = (byte[])valid.Clone();
        for (var i = 0; i < 5; i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }
}
