using Switchboard.Interop.Tests.Calls;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Web;

/// <summary>
/// One real server process per test class for the web tests: an agent (anna) and a supervisor (sara) token, its own
/// tenant, the test dialplan, sign-in throttled at 5 attempts a minute per source, and 127.0.0.250 as the one trusted
/// reverse proxy. Tests use their own source address (127.0.0.x) so their throttle counters are their own.
/// </summary>
public sealed class WebServerFixture : IAsyncLifetime
{
    public const string AgentToken = "web-agent-token-anna-0123456789";
    public const string SupervisorToken = "web-supervisor-token-sara-0123456789";
    public const string Proxy = "127.0.0.250";

    private SwitchboardProcess? _server;

    public SwitchboardProcess Server => _server ?? throw new InvalidOperationException("not started");

    public string Tenant { get; } = "web" + Guid.NewGuid().ToString("N")[..10];

    public static Dictionary<string, string?> Settings(string tenant) => new()
    {
        ["Dialplan:Path"] = CallFlowHarness.FixtureDialplan,
        ["Acd:Tenant"] = tenant,
        ["Api:Tokens:0:Token"] = AgentToken,
        ["Api:Tokens:0:Subject"] = "anna",
        ["Api:Tokens:0:Role"] = "agent",
        ["Api:Tokens:1:Token"] = SupervisorToken,
        ["Api:Tokens:1:Subject"] = "sara",
        ["Api:Tokens:1:Role"] = "supervisor",
        ["Web:Sessions:SignInAttempts"] = "5",
        ["Web:KnownProxies:0"] = Proxy,
    };

    public async Task InitializeAsync() =>
        _server = await SwitchboardProcess.StartAsync(Settings(Tenant)); // bounded by TestTimeouts.ProcessStart

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
