using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Rtp;
using Switchboard.TestSupport;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>A real UDP socket on 127.0.0.1 (or another loopback address) playing the phone's side of RTP.</summary>
internal sealed class TestPhone : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public TestPhone(string address = "127.0.0.1") => _socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Datagrams waiting to be read (0: nothing was sent to this phone).</summary>
    public int Available => _socket.Available;

    public string Offer(string formats = "0 8 101", string direction = "sendrecv", int? port = null, string? connection = null)
    {
        var address = connection ?? EndPoint.Address.ToString();
        var lines = new List<string>
        {
            "v=0", $"o=- 1 1 IN IP4 {address}", "s=-", $"c=IN IP4 {address}", "t=0 0",
            $"m=audio {port ?? Port} RTP/AVP {formats}",
        };
        foreach (var pt in formats.Split(' '))
        {
            if (pt is not ("0" or "8"))
            {
                lines.Add($"a=rtpmap:{pt} telephone-event/8000");
            }
        }

        lines.Add($"a={direction}");
        return string.Join("\r\n", lines) + "\r\n";
    }

    public void Send(IPEndPoint to, RtpHeader header, ReadOnlySpan<byte> payload)
    {
        var buffer = new byte[RtpHeader.Size + payload.Length];
        RtpPacket.Write(header, payload, buffer);
        _socket.SendTo(buffer, to);
    }

    public void SendRaw(IPEndPoint to, byte[] datagram) => _socket.SendTo(datagram, to);

    public async Task<(RtpHeader Header, byte[] Payload)> ReceiveAsync()
    {
        var buffer = new byte[2048];
        var result = await _socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0)).DefaultTimeout();
        Assert.True(RtpHeader.TryRead(buffer.AsSpan(0, result.ReceivedBytes), out var header, out var payload));
        return (header, payload.ToArray());
    }

    public void Dispose() => _socket.Dispose();
}
