using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.UserAgents;

/// <summary>Two real endpoints on 127.0.0.1 (UDP), one calling the other.</summary>
internal sealed class TwoEndpoints : IAsyncDisposable
{
    public TwoEndpoints()
    {
        Caller = SipEndpoint.Start(new SipEndpointOptions { Transport = new SipTransportOptions { Port = 0 } });
        Callee = SipEndpoint.Start(new SipEndpointOptions { Transport = new SipTransportOptions { Port = 0 } });
    }

    public SipEndpoint Caller { get; }

    public SipEndpoint Callee { get; }

    public SipUri CalleeUri(string transport = "udp") =>
        SipUri.Parse($"sip:ivr@127.0.0.1:{Callee.Port}" + (transport == "tcp" ? ";transport=tcp" : string.Empty));

    public async ValueTask DisposeAsync()
    {
        await Caller.DisposeAsync();
        await Callee.DisposeAsync();
    }
}
