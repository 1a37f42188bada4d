using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Security;
using Switchboard.Sip.Tests.Transactions;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;
using Switchboard.TestSupport;

namespace Switchboard.Sip.Tests.Diagnostics;

/// <summary>What the stack logs (SipLog event ids) for malformed input, timeouts and refused registrations.</summary>
public sealed class SipLogTests
{
    private static byte[] BadCSeqOptions(int port) => Encoding.ASCII.GetBytes(
        $"OPTIONS sip:x@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKlog1;rport\r\nMax-Forwards: 70\r\n" +
        "From: <sip:f@127.0.0.1>;tag=1\r\nTo: <sip:x@127.0.0.1>\r\nCall-ID: log1@test\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n");

    [Fact]
    public async Task MalformedRequest_Answered400_LoggedAtDebugWithReason()
    {
        var (logs, collected) = Logs(LogLevel.Debug);
        await using var endpoint = SipEndpoint.Start(new SipEndpointOptions { Transport = new SipTransportOptions { BindAddress = IPAddress.Loopback, Port = 0 } }, null, logs);
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await client.SendAsync(BadCSeqOptions(endpoint.Port), new IPEndPoint(IPAddress.Loopback, endpoint.Port)).DefaultTimeout();
        var reply = await client.ReceiveAsync().DefaultTimeout();

        Assert.Equal(400, ((SipResponse)SipMessageParser.Parse(reply.Buffer).Message!).StatusCode);
        var entry = Assert.Single(collected.GetSnapshot(), e => e.Id.Id == 3002);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Contains("answered 400", entry.Message, StringComparison.Ordinal);
        Assert.Contains("CSeq method does not match", entry.Message, StringComparison.Ordinal);
        Assert.Contains($"udp:127.0.0.1:{((IPEndPoint)client.Client.LocalEndPoint!).Port}", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedRequest_DebugDisabled_NothingLogged()
    {
        var (logs, collected) = Logs(LogLevel.Information);
        await using var endpoint = SipEndpoint.Start(new SipEndpointOptions { Transport = new SipTransportOptions { BindAddress = IPAddress.Loopback, Port = 0 } }, null, logs);
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await client.SendAsync(BadCSeqOptions(endpoint.Port), new IPEndPoint(IPAddress.Loopback, endpoint.Port)).DefaultTimeout();
        await client.ReceiveAsync().DefaultTimeout();

        Assert.Equal(1, endpoint.MalformedCount);
        Assert.Empty(collected.GetSnapshot()); // the factory filters below Information, as a host configured so would
    }

    [Fact]
    public void ClientTransaction_TimerF_LoggedWithMethodTimerAndCallId()
    {
        var time = new FakeTimeProvider();
        var (logs, collected) = Logs(LogLevel.Information);
        var layer = new SipTransactionLayer(new RecordingTransport(), time, logger: logs.CreateLogger("sip"));

        layer.SendRequest(TestMessages.Outgoing(SipMethods.Options), TestMessages.PeerTcp);
        time.Advance(TimeSpan.FromSeconds(32));

        var entry = Assert.Single(collected.GetSnapshot());
        Assert.Equal(3011, entry.Id.Id);
        Assert.Equal("SIP OPTIONS to tcp:127.0.0.1:5070 timed out (timer F), Call-ID call-1@test", entry.Message);
    }

    [Fact]
    public void ServerInvite_NoAckForFailure_TimerHLogged()
    {
        var time = new FakeTimeProvider();
        var (logs, collected) = Logs(LogLevel.Information);
        var user = new RecordingUser();
        var layer = new SipTransactionLayer(new RecordingTransport(), time, logger: logs.CreateLogger("sip")) { User = user };
        layer.Receive(TestMessages.Request(SipMethods.Invite), TestMessages.PeerUdp);
        Assert.True(user.Requests.Single().Respond(486));

        time.Advance(TimeSpan.FromSeconds(32));

        var entry = Assert.Single(collected.GetSnapshot());
        Assert.Equal(3013, entry.Id.Id);
        Assert.Contains("486", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registrar_WrongPassword_SecurityEventWithSourceAndNoUser()
    {
        var time = new FakeTimeProvider();
        var (logs, collected) = Logs(LogLevel.Information);
        var events = new SipSecurityEvents(logs, time);
        var registrar = new SipRegistrar(new InMemoryRegistrationStore(time), new InMemorySipCredentialStore(new Dictionary<string, string> { ["agent7"] = "secret" }),
            time, logger: logs.CreateLogger("registrar"), events: events);
        var source = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5062));

        var challenge = await registrar.ProcessAsync(Register(null, 1), source).DefaultTimeout();
        Assert.Empty(collected.GetSnapshot()); // the first challenge is routine (Debug)
        var offer = challenge.Headers.GetAll(SipHeaderNames.WwwAuthenticate).Select(DigestChallenge.Parse).First();
        var credentials = DigestCredentials.Create(offer, "agent7", "wrong", "REGISTER", "sip:127.0.0.1");
        var refused = await registrar.ProcessAsync(Register(credentials.ToString(), 2), source).DefaultTimeout();

        Assert.Equal(403, refused.StatusCode);
        var entry = Assert.Single(collected.GetSnapshot()); // the detailed 3030 line (with the user) is Debug
        Assert.Equal(4010, entry.Id.Id);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("SIP authentication failed from 127.0.0.1: wrong password", entry.Message);
        Assert.DoesNotContain("agent7", entry.Message, StringComparison.Ordinal);
        Assert.Equal(1, events.Count(SipSecurityEvent.AuthenticationFailed));
    }

    // Microsoft's FakeLoggerProvider behind a real LoggerFactory with a minimum level, as a host would configure it.
    private static (ILoggerFactory Factory, FakeLogCollector Collected) Logs(LogLevel minimum)
    {
        var collector = new FakeLogCollector();
        var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(minimum).AddProvider(new FakeLoggerProvider(collector)));
        return (factory, collector);
    }

    private static SipRequest Register(string? authorization, int cseq) => (SipRequest)TestMessages.Parse(
        "REGISTER sip:127.0.0.1 SIP/2.0\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bKreglog{cseq}\n" +
        "Max-Forwards: 70\nFrom: <sip:agent7@127.0.0.1>;tag=r1\nTo: <sip:agent7@127.0.0.1>\nCall-ID: reglog@test\n" +
        $"CSeq: {cseq} REGISTER\nContact: <sip:agent7@127.0.0.1:5062>\n" +
        (authorization is null ? string.Empty : $"Authorization: {authorization}\n") +
        "Content-Length: 0\n\n");
}
