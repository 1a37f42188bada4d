using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.Transport;

/// <summary>Hostile input at the real UDP/TCP port: the endpoint keeps answering.</summary>
public sealed class FloodTests
{
    private static string Options(int port, string branch) =>
        $"OPTIONS sip:x@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch={branch};rport\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:f@127.0.0.1>;tag=1\r\nTo: <sip:x@127.0.0.1>\r\nCall-ID: {branch}@flood\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

    private static async Task<SipResponse> ReceiveResponseAsync(UdpClient client)
    {
        var datagram = await client.ReceiveAsync().DefaultTimeout();
        return Assert.IsType<SipResponse>(SipMessageParser.Parse(datagram.Buffer).Message);
    }

    [Fact]
    public async Task Flood_GarbageOversizedTruncated_OptionsStillAnswered200()
    {
        await using var endpoint = SipEndpoint.Start(new SipEndpointOptions { Transport = new SipTransportOptions { Port = 0 } });
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = new IPEndPoint(IPAddress.Loopback, endpoint.Port);
        var random = new Random(4475);
        var valid = Encoding.ASCII.GetBytes(Options(endpoint.Port, "z9hG4bKvalid"));

        for (var i = 0; i < 2000; i++)
        {
            byte[] datagram = (i % 5) switch
            {
                0 => RandomBytes(random, random.Next(1, 1500)),
                1 => valid[..random.Next(1, valid.Length - 4)],                                     // truncated
                2 => [.. valid[..^4], .. Encoding.ASCII.GetBytes(new string('A', 60_000)), .. "\r\n\r\n"u8], // oversized header
                3 => Encoding.ASCII.GetBytes("INVITE sip:a SIP/2.0\r\nContent-Length: 99999999999\r\n\r\n"),
                _ => Mutate(random, valid),
            };
            await client.SendAsync(datagram, target);
        }

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(target).DefaultTimeout();
        await tcp.GetStream().WriteAsync(RandomBytes(random, 100_000)).DefaultTimeout(); // breaks framing: the server closes it

        // Drain whatever 400s the flood produced, then ask.
        while (client.Available > 0)
        {
            await client.ReceiveAsync().DefaultTimeout();
        }

        await client.SendAsync(Encoding.ASCII.GetBytes(Options(endpoint.Port, "z9hG4bKafter")), target);
        SipResponse response;
        do
        {
            response = await ReceiveResponseAsync(client);
        }
        while (response.CallId != "z9hG4bKafter@flood");

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("INVITE", response.Headers[SipHeaderNames.Allow], StringComparison.Ordinal);
        Assert.Equal("application/sdp", response.Headers[SipHeaderNames.Accept]);
        Assert.NotNull(response.Headers[SipHeaderNames.Supported]);
        Assert.True(endpoint.MalformedCount > 100);
    }

    [Fact]
    public async Task MalformedRequest_AddressableVia_400WithReason()
    {
        await using var endpoint = SipEndpoint.Start(new SipEndpointOptions { Transport = new SipTransportOptions { Port = 0 } });
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var bad = Options(endpoint.Port, "z9hG4bKbad").Replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE", StringComparison.Ordinal);

        await client.SendAsync(Encoding.ASCII.GetBytes(bad), new IPEndPoint(IPAddress.Loopback, endpoint.Port));
        var response = await ReceiveResponseAsync(client);

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("CSeq", response.ReasonPhrase, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Max-Forwards: 70", "Max-Forwards: 0", 483)]
    [InlineData("Content-Length: 0", "Require: 100rel, foo\r\nContent-Length: 0", 420)]
    [InlineData("OPTIONS sip:x@", "FOO sip:x@", 501)]
    [InlineData("CSeq: 1 OPTIONS", "CSeq: 1 SUBSCRIBE", 405)]
    public async Task ScreenedRequest_OverUdp_RfcStatus(string from, string to, int expected)
    {
        await using var endpoint = SipEndpoint.Start(new SipEndpointOptions { Transport = new SipTransportOptions { Port = 0 } });
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var text = Options(endpoint.Port, "z9hG4bKscreen").Replace(from, to, StringComparison.Ordinal);
        if (expected == 405)
        {
            text = text.Replace("OPTIONS sip:x@", "SUBSCRIBE sip:x@", StringComparison.Ordinal);
        }
        else if (expected == 501)
        {
            text = text.Replace("CSeq: 1 OPTIONS", "CSeq: 1 FOO", StringComparison.Ordinal);
        }

        await client.SendAsync(Encoding.ASCII.GetBytes(text), new IPEndPoint(IPAddress.Loopback, endpoint.Port));
        var response = await ReceiveResponseAsync(client);

        Assert.Equal(expected, response.StatusCode);
        if (expected == 420)
        {
            Assert.Equal("100rel, foo", response.Headers[SipHeaderNames.Unsupported]);
        }
    }

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
