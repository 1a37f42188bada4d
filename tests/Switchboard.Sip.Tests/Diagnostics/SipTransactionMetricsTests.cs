using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Diagnostics;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Tests.Transactions;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.Diagnostics;

public sealed class SipTransactionMetricsTests
{
    private readonly FakeTimeProvider _time = new();

    private static async Task WaitForMalformedAsync(SipEndpoint endpoint, long count)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        while (endpoint.Metrics.MessagesMalformed < count)
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
    private readonly RecordingTransport _transport = new();
    private readonly RecordingUser _user = new();
    private readonly SipTransactionLayer _layer;

    public SipTransactionMetricsTests()
    {
        _layer = new SipTransactionLayer(_transport, _time) { User = _user };
    }

    [Fact]
    public async Task ClientInvite_486_CountedOnceAs4xx()
    {
        var tx = _layer.SendRequest(TestMessages.Outgoing(SipMethods.Invite), TestMessages.PeerUdp);
        var busy = TestMessages.ResponseTo(tx.Request, 486);
        _layer.Receive(busy, TestMessages.PeerUdp);
        _layer.Receive(busy, TestMessages.PeerUdp); // retransmission: absorbed, not counted again
        await tx.FinalResponse.DefaultTimeout();

        var snapshot = _layer.Metrics;
        Assert.Equal(1, snapshot.ClientTransactionsStarted);
        Assert.Equal(1, snapshot.Count("client", "INVITE", "4xx"));
        Assert.Equal(0, snapshot.Count("client", "INVITE", "2xx"));
        Assert.Equal(1, snapshot.Ended(SipTransactionMetrics.ClientSide) + snapshot.Ended(SipTransactionMetrics.ServerSide));
    }

    [Fact]
    public async Task ClientOptions_TimerF_CountedAsTimeoutNot4xx()
    {
        var tx = _layer.SendRequest(TestMessages.Outgoing(SipMethods.Options), TestMessages.PeerTcp);
        _time.Advance(TimeSpan.FromSeconds(32));

        Assert.Equal(408, (await tx.FinalResponse.DefaultTimeout()).StatusCode);
        var snapshot = _layer.Metrics;
        Assert.Equal(1, snapshot.Count("client", "OPTIONS", SipTransactionMetrics.TimeoutOutcome));
        Assert.Equal(0, snapshot.Count("client", "OPTIONS", "4xx"));
    }

    [Fact]
    public async Task ClientRequest_SendFails_Completes503AndCountsTransportError()
    {
        var failing = new FailingTransport();
        var layer = new SipTransactionLayer(failing, _time);

        var tx = layer.SendRequest(TestMessages.Outgoing(SipMethods.Bye), TestMessages.PeerTcp);

        var final = await tx.FinalResponse.DefaultTimeout();
        Assert.Equal(503, final.StatusCode);
        await tx.Terminated.DefaultTimeout();
        Assert.Equal(0, layer.ClientTransactionCount);
        Assert.Equal(1, layer.Metrics.Count("client", "BYE", SipTransactionMetrics.TransportErrorOutcome));
    }

    [Fact]
    public void ServerTransactions_FinalResponsesByMethodAndClass_AckTimeoutCounted()
    {
        _layer.Receive(TestMessages.Request(SipMethods.Bye, "z9hG4bKbye1"), TestMessages.PeerUdp);
        _layer.Receive(TestMessages.Request(SipMethods.Invite, "z9hG4bKinv1"), TestMessages.PeerUdp);
        _layer.Receive(TestMessages.Request("FOO", "z9hG4bKfoo1"), TestMessages.PeerUdp);
        var txs = _user.Requests.ToArray();
        Assert.Equal(3, txs.Length);

        Assert.True(txs[0].Respond(200));
        Assert.True(txs[1].Respond(180));
        Assert.True(txs[1].Respond(603));
        Assert.False(txs[1].Respond(500)); // after a final: ignored and not counted
        Assert.True(txs[2].Respond(501));
        _time.Advance(TimeSpan.FromSeconds(32)); // timer H: no ACK for the 603

        var snapshot = _layer.Metrics;
        Assert.Equal(3, snapshot.ServerTransactionsStarted);
        Assert.Equal(1, snapshot.Count("server", "BYE", "2xx"));
        Assert.Equal(1, snapshot.Count("server", "INVITE", "6xx"));
        Assert.Equal(0, snapshot.Count("server", "INVITE", "5xx"));
        Assert.Equal(1, snapshot.Count("server", SipTransactionMetrics.OtherMethod, "5xx"));
        Assert.Equal(1, snapshot.AckTimeouts);
        Assert.Equal(3, snapshot.Ended(SipTransactionMetrics.ClientSide) + snapshot.Ended(SipTransactionMetrics.ServerSide));
    }

    [Fact]
    public async Task Counters_ConcurrentIncrements_NoneLost()
    {
        var metrics = new SipTransactionMetrics();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 25_000; i++)
            {
                metrics.ServerCompleted(SipMethods.Options, 200);
                metrics.MessageParsed();
            }
        }))).DefaultTimeout();

        var snapshot = metrics;
        Assert.Equal(100_000, snapshot.Count("server", "OPTIONS", "2xx"));
        Assert.Equal(100_000, snapshot.MessagesParsed);
    }

    [Fact]
    public async Task Endpoint_GarbageKeepAliveAndOptions_CountedByTransportAndLayerInOneSnapshot()
    {
        await using var endpoint = SipEndpoint.Start(new SipEndpointOptions { Transport = new SipTransportOptions { BindAddress = IPAddress.Loopback, Port = 0 } });
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = new IPEndPoint(IPAddress.Loopback, endpoint.Port);

        await client.SendAsync("\r\n\r\n"u8.ToArray(), target).DefaultTimeout();
        await client.SendAsync("this is not SIP\r\n\r\n"u8.ToArray(), target).DefaultTimeout();
        await client.SendAsync(Encoding.ASCII.GetBytes(
            $"OPTIONS sip:x@127.0.0.1:{endpoint.Port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKmetrics1;rport\r\nMax-Forwards: 70\r\n" +
            "From: <sip:f@127.0.0.1>;tag=1\r\nTo: <sip:x@127.0.0.1>\r\nCall-ID: metrics1@test\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"), target).DefaultTimeout();

        SipResponse response;
        do
        {
            var datagram = await client.ReceiveAsync().DefaultTimeout();
            response = Assert.IsType<SipResponse>(SipMessageParser.Parse(datagram.Buffer).Message);
        }
        while (response.CSeq?.Method != SipMethods.Options);

        Assert.Equal(200, response.StatusCode);
        var snapshot = endpoint.Metrics;
        Assert.Same(endpoint.Metrics, endpoint.Transactions.Metrics);
        Assert.Equal(1, snapshot.MessagesParsed);
        Assert.Equal(1, snapshot.MessagesMalformed);
        Assert.Equal(1, snapshot.KeepAlives);
        Assert.Equal(1, snapshot.ServerTransactionsStarted);
        Assert.Equal(1, snapshot.Count("server", "OPTIONS", "2xx"));
        Assert.Equal(1, endpoint.MalformedCount);
    }

    [Fact]
    public async Task Endpoint_TcpPeerBreaksFraming_ConnectionClosedAndCountedMalformed()
    {
        await using var endpoint = SipEndpoint.Start(new SipEndpointOptions { Transport = new SipTransportOptions { BindAddress = IPAddress.Loopback, Port = 0 } });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, endpoint.Port).DefaultTimeout();
        var stream = tcp.GetStream();

        await stream.WriteAsync("OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nContent-Length: abc\r\n\r\n"u8.ToArray()).DefaultTimeout();

        Assert.Equal(0, await stream.ReadAsync(new byte[16]).AsTask().DefaultTimeout()); // closed by the server
        await WaitForMalformedAsync(endpoint, 1).DefaultTimeout();
        Assert.Equal(1, endpoint.Metrics.MessagesMalformed);
        Assert.Equal(0, endpoint.Metrics.MessagesParsed);
    }
}
