using System.Diagnostics;
using System.Globalization;
using Switchboard.TestSupport;

namespace Switchboard.Cluster.Tests;

/// <summary>
/// A whole cluster started by <c>deploy/local-cluster.sh</c> (Kamailio, Redis primary + replica, three sentinels,
/// N Switchboard nodes) on its own block of loopback addresses (127.0.X.*) and its own state directory, so the test
/// drives the very script operators use. Disposing runs <c>down</c> and removes the directory.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private static int s_next = Random.Shared.Next(0, 100);

    private readonly string _directory;
    private readonly Dictionary<string, string> _environment;

    private LocalCluster(string net, string directory, Dictionary<string, string> environment)
    {
        Net = net;
        _directory = directory;
        _environment = environment;
    }

    /// <summary>The first three octets of every address, e.g. <c>127.0.142</c>.</summary>
    public string Net { get; }

    /// <summary>Kamailio's SIP address: where callers call.</summary>
    public string Proxy => Net + ".10:5060";

    /// <summary>An address for callers and probes (not used by any component).</summary>
    public string ClientAddress(int i) => $"{Net}.{4 + i}";

    public Uri WebUrl(int node) => new($"http://{Net}.{10 + node}:8080");

    /// <summary>A node's gRPC API (agents, supervisors).</summary>
    public Uri ApiUrl(int node) => new($"http://{Net}.{10 + node}:5090");

    /// <summary>The nodes' Redis configuration: the three sentinels and the service name.</summary>
    public string RedisConfiguration => $"{Net}.20:26379,{Net}.21:26379,{Net}.22:26379,serviceName=switchboard,abortConnect=false";

    public System.Net.IPEndPoint NodeSip(int node) => new(System.Net.IPAddress.Parse($"{Net}.{10 + node}"), 5060);

    /// <summary>Runs <c>up --nodes</c> with the open-around-the-clock dialplan and <paramref name="settings"/> for the nodes.</summary>
    public static async Task<LocalCluster> StartAsync(int nodes, IReadOnlyDictionary<string, string>? settings = null)
    {
        var net = "127.0." + (150 + (Interlocked.Increment(ref s_next) % 100)).ToString(CultureInfo.InvariantCulture);
        var directory = Path.Combine(Path.GetTempPath(), "sb-cluster-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CLUSTER_DIR"] = directory,
            ["CLUSTER_NET"] = net,
            ["SB_SERVER_DLL"] = SwitchboardProcess.FindServerDll(),
            ["Dialplan__Path"] = Path.Combine(RepositoryPaths.Root, "tests", "Switchboard.Interop.Tests", "Calls", "Fixtures", "open-always.yaml"),
            ["Logging__Console__FormatterName"] = "simple",
            ["NODE_DRAIN_TIMEOUT"] = "60",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var cluster = new LocalCluster(net, directory, environment);
        try
        {
            await cluster.RunAsync(TimeSpan.FromMinutes(2), "up", "--nodes", nodes.ToString(CultureInfo.InvariantCulture));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Runs one script command (e.g. <c>kill-node 1</c>); throws with its output and the logs when it fails.</summary>
    public Task<string> RunAsync(TimeSpan timeout, params string[] arguments) => RunAsync(timeout, new Dictionary<string, string>(), arguments);

    /// <summary>
    /// Runs one script command with <paramref name="settings"/> on top of the cluster's (e.g. <c>start-node 1</c> with
    /// settings for that node only).
    /// </summary>
    public Task<string> RunAsync(TimeSpan timeout, IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var environment = new Dictionary<string, string>(_environment, StringComparer.Ordinal);
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return ScriptRun.RunAsync(Path.Combine(RepositoryPaths.Root, "deploy", "local-cluster.sh"), arguments, environment, timeout, Logs);
    }

    /// <summary>The pid of a component (<c>node-1</c>, <c>redis-2</c>, ...), or null when it is not running.</summary>
    public int? PidOf(string component)
    {
        var file = Path.Combine(_directory, component + ".pid");
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>The tail of every log, for a failure message.</summary>
    public string Logs()
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.Exists(_directory) ? Directory.GetFiles(_directory, "*.log") : [])
        {
            var content = File.ReadAllText(file);
            text.Append("\n==== ").Append(Path.GetFileName(file)).Append(" ====\n").Append(content.Length > 3000 ? content[^3000..] : content);
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(TimeSpan.FromSeconds(90), "down");
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Best effort: the test has failed already if the cluster cannot be stopped.
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
