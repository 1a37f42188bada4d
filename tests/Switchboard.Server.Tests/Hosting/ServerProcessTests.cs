using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Switchboard.Server.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Server.Tests.Hosting;

/// <summary>The built server as a real process: what an operator sees.</summary>
public sealed class ServerProcessTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_GoodConfiguration_HealthyThenSigtermExitsZero()
    {
        await using var server = await SwitchboardProcess.StartAsync(new Dictionary<string, string?> { ["Dialplan:Path"] = TestDialplan.Path }).WaitAsync(ExitTimeout);
        using var http = new HttpClient();

        var body = await http.GetStringAsync(new Uri(server.WebUrl, "/healthz")).DefaultTimeout();
        var exitCode = await server.StopAsync(TimeSpan.FromSeconds(20)).WaitAsync(ExitTimeout);

        Assert.Contains("\"status\":\"healthy\"", body, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        Assert.Contains("Switchboard listening", server.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dialplan:Path", "/no/such/kommun.yaml", "Dialplan:Path")]
    [InlineData("Api:Url", "not a url", "Api:Url")]
    [InlineData("Sip:Port", "sixty", "Sip:Port")]
    [InlineData("Redis:Configuration", null, "Redis:Configuration")]
    [InlineData("Metrics:RefreshInterval", "soon", "Metrics:RefreshInterval")]
    [InlineData("Tracing:OtlpEndpoint", "collector:4318", "Tracing:OtlpEndpoint")]
    [InlineData("Sip:Tcp:MaxConnections", "0", "Sip:Tcp:MaxConnections")]
    [InlineData("Web:Sessions:SignInAttempts", "none", "Web:Sessions:SignInAttempts")]
    [InlineData("Drain:Deadline", "2.00:00:00", "Drain:Deadline")]
    [InlineData("Api:TimeZone", "Mars/Base", "Api:TimeZone")]
    [InlineData("Statistics:FoldInterval", "0", "Statistics:FoldInterval")]
    [InlineData("Audit:Retention", "0", "Audit:Retention")]
    [InlineData("Acd:PromiseReplicas", "11", "Acd:PromiseReplicas")]
    [InlineData("Transfer:MaxRingTimeout", "01:00:00", "Transfer:MaxRingTimeout")]
    [InlineData("Sip:Security:CallSources", "192.0.2.10, 192.0.2.300", "Sip:Security:CallSources")]
    [InlineData("Media:PortRangeEnd", "10001", "Media:PortRangeEnd")]
    public async Task Run_BadSetting_OneLineErrorNamingItAndNonZeroExit(string key, string? value, string setting)
    {
        var (exitCode, _, stderr) = await SwitchboardProcess.RunToExitAsync(Overrides((key, value)), ExitTimeout).WaitAsync(ExitTimeout);

        AssertOneLineError(exitCode, stderr, setting);
    }

    [Fact]
    public async Task Run_RedisUnreachable_OneLineErrorAfterRetries()
    {
        var unreachable = $"127.0.0.1:{RedisServer.FreeTcpPort()},connectTimeout=1000";

        var (exitCode, _, stderr) = await SwitchboardProcess.RunToExitAsync(
            Overrides(("Redis:Configuration", unreachable), ("Redis:ConnectAttempts", "2"), ("Redis:ConnectRetryDelay", "00:00:00.050")),
            ExitTimeout).WaitAsync(ExitTimeout);

        AssertOneLineError(exitCode, stderr, "Redis:Configuration");
        Assert.Contains("after 2 attempt(s)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SipPortTaken_OneLineErrorNamingSipPort()
    {
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)squatter.LocalEndPoint!).Port;

        var (exitCode, _, stderr) = await SwitchboardProcess.RunToExitAsync(
            Overrides(("Sip:Port", port.ToString(CultureInfo.InvariantCulture))), ExitTimeout).WaitAsync(ExitTimeout);

        AssertOneLineError(exitCode, stderr, "Sip:Port");
        Assert.Contains("already in use", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WebPortTaken_OneLineErrorNamingWebUrl()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var (exitCode, _, stderr) = await SwitchboardProcess.RunToExitAsync(
            Overrides(("Web:Url", $"http://127.0.0.1:{port}")), ExitTimeout).WaitAsync(ExitTimeout);

        AssertOneLineError(exitCode, stderr, "Web:Url");
    }

    private static Dictionary<string, string?> Overrides(params (string Key, string? Value)[] values)
    {
        var overrides = new Dictionary<string, string?> { ["Dialplan:Path"] = TestDialplan.Path };
        foreach (var (key, value) in values)
        {
            overrides[key] = value;
        }

        return overrides;
    }

    private static void AssertOneLineError(int exitCode, string stderr, string setting)
    {
        Assert.Equal(SwitchboardHost.ConfigurationErrorExitCode, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith($"switchboard: configuration error: {setting}: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", stderr, StringComparison.Ordinal);
    }
}
