using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Switchboard.Interop.Tests.Calls;

namespace Switchboard.Interop.Tests.Security;

/// <summary>
/// One running server set up as on a hostile network, shared by every attack of <see cref="HostileNetworkTests"/> (each
/// attack comes from its own 127.x.y.z addresses, so a ban or lockout of an attacker never touches another test's
/// sources nor the legitimate call's):
/// <list type="bullet">
/// <item>127.0.0.1 is the trunk (baresip callers and the agent's phone): a call source, exempt from the rate limit;
/// <see cref="AllowedFlooder"/> is a second call source that is rate limited like any stranger.</item>
/// <item>The sources whose tools the registrar tests run (svcrack, svwar, svmap) are exempt from the flood ban, so the
/// registrar's own protection is what they meet; the registrar's pauses are short and a source is locked out after 5.</item>
/// <item>Idle TCP connections are closed after 3 s; a source may hold <see cref="UnconfirmedPerSource"/> calls not yet
/// ACKed; the RTP range is <see cref="MediaPairs"/> pairs, so <see cref="InboundPairs"/> inbound legs fill the inbound
/// share and only the outbound reserve (agent legs, transfers, callbacks) is left.</item>
/// </list>
/// </summary>
public sealed class SecurityFixture : IAsyncLifetime
{
    public const string AllowedFlooder = "127.0.0.10";
    public const string SvcrackSource = "127.0.0.67";
    public const int UnconfirmedPerSource = 10;
    public const int MediaPairs = 13;
    public const int InboundPairs = MediaPairs - (MediaPairs * 20 / 100); // Media:OutboundPortReservePercent 20

    private CallFlowHarness? _harness;

    internal CallFlowHarness Harness => _harness ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var media = FreeMediaRange(MediaPairs);
        _harness = await CallFlowHarness.StartAsync(settings: SecurityHarness.Settings(
            ("Sip:Security:CallSources:1", AllowedFlooder),
            ("Sip:Security:RateLimit:ExemptSources:1", SvcrackSource),
            ("Sip:Security:RateLimit:ExemptSources:2", "127.0.0.70"),
            ("Sip:Security:RateLimit:ExemptSources:3", "127.0.0.71"),
            ("Sip:Security:MaxUnconfirmedCallsPerSource", UnconfirmedPerSource.ToString(CultureInfo.InvariantCulture)),
            ("Sip:Registrar:FailureDelay", "00:00:00.050"),
            ("Sip:Registrar:MaxFailureDelay", "00:00:00.100"),
            ("Sip:Registrar:SourceLockoutAfterFailures", "5"),
            ("Sip:Tcp:IdleTimeout", "00:00:03"),
            ("Media:PortRangeStart", media.ToString(CultureInfo.InvariantCulture)),
            ("Media:PortRangeEnd", (media + (2 * (MediaPairs - 1))).ToString(CultureInfo.InvariantCulture)),
            ("Media:OutboundPortReservePercent", "20")));
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    /// <summary>
    /// An even port below the range other tests' servers and phones use (10000-20000, SIPp's, the ephemeral range) with
    /// 2 x <paramref name="pairs"/> free UDP ports from it on.
    /// </summary>
    private static int FreeMediaRange(int pairs)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var start = 6000 + (2 * Random.Shared.Next(0, 1900));
            var sockets = new List<Socket>();
            try
            {
                for (var port = start; port < start + (2 * pairs); port++)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    sockets.Add(socket);
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                }

                return start;
            }
            catch (SocketException)
            {
                // one of them is taken: another start
            }
            finally
            {
                sockets.ForEach(s => s.Dispose());
            }
        }

        throw new InvalidOperationException("no free range of RTP ports below 10000");
    }
}
