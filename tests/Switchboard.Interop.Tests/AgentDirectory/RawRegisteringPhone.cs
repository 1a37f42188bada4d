using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.AgentDirectory;

/// <summary>
/// A bare UDP "phone" that registers a directory account with a Contact of its choosing (digest auth, RFC 3261 §22.4)
/// and then counts what the server sends it: for proving where the server's INVITEs go.
/// </summary>
internal sealed class RawRegisteringPhone : IDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));

    /// <summary>Registers <paramref name="user"/> at <paramref name="registrar"/> with <paramref name="contact"/> for 2 h; returns the final status.</summary>
    public async Task<int> RegisterAsync(IPEndPoint registrar, string user, string password, string contact)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var challenge = await ExchangeAsync(registrar, Register(registrar.Port, user, contact, 1, null));
        if (challenge.StatusCode != 401)
        {
            return challenge.StatusCode;
        }

        var offer = DigestChallenge.Parse(challenge.Headers[SipHeaderNames.WwwAuthenticate]!);
        var credentials = DigestCredentials.Create(offer, user, password, "REGISTER", $"sip:127.0.0.1:{registrar.Port}");
        return (await ExchangeAsync(registrar, Register(registrar.Port, user, contact, 2, credentials.ToString()))).StatusCode;
    }

    /// <summary>Waits for the next request of <paramref name="method"/> sent to this phone.</summary>
    public async Task<SipRequest> WaitForRequestAsync(string method)
    {
        while (true)
        {
            var datagram = await _socket.ReceiveAsync().DefaultTimeout();
            if (SipMessageParser.Parse(datagram.Buffer).Message is SipRequest request && request.Method == method)
            {
                return request;
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    private static byte[] Register(int port, string user, string contact, int cseq, string? authorization) => Encoding.ASCII.GetBytes(
        $"REGISTER sip:127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bKdir{cseq}{Guid.NewGuid():N};rport\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:{user}@127.0.0.1>;tag=dir\r\nTo: <sip:{user}@127.0.0.1>\r\nCall-ID: directory-{user}@test\r\nCSeq: {cseq} REGISTER\r\nContact: {contact}\r\nExpires: 7200\r\n" +
        (authorization is null ? "" : $"Authorization: {authorization}\r\n") + "Content-Length: 0\r\n\r\n");

    private async Task<SipResponse> ExchangeAsync(IPEndPoint target, byte[] request)
    {
        await _socket.SendAsync(request, target).DefaultTimeout();
        while (true)
        {
            var datagram = await _socket.ReceiveAsync().DefaultTimeout();
            if (SipMessageParser.Parse(datagram.Buffer).Message is SipResponse { StatusCode: >= 200 } response)
            {
                return response;
            }
        }
    }
}
