using StackExchange.Redis;
using Switchboard.Acd.Events;
using Switchboard.Acd.Store;
using Switchboard.TestSupport;

namespace Switchboard.Interop.Tests.Media;

/// <summary>
/// The real Switchboard server process on a given dialplan with its own ACD tenant in the shared test Redis, and a
/// reader of that tenant's ACD event stream (what the server did with the caller's digits).
/// </summary>
internal sealed class MediaInteropServer : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;

    private MediaInteropServer(SwitchboardProcess process, ConnectionMultiplexer redis, AcdStore acd)
    {
        Process = process;
        _redis = redis;
        Acd = acd;
    }

    public SwitchboardProcess Process { get; }

    public AcdStore Acd { get; }

    public string IvrUri => $"sip:ivr@127.0.0.1:{Process.SipPort}";

    public static string Fixture(string name) =>
        Path.Combine(RepositoryPaths.Root, "tests", "Switchboard.Interop.Tests", "Media", "Fixtures", name);

    public static async Task<MediaInteropServer> StartAsync(string dialplanPath)
    {
        var tenant = "m" + Guid.NewGuid().ToString("N")[..12];
        var process = await SwitchboardProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Dialplan:Path"] = dialplanPath,
            ["Acd:Tenant"] = tenant,
            ["Redis:Configuration"] = RedisServer.Shared.Configuration,
        }); // bounded by TestTimeouts.ProcessStart
        try
        {
            var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Shared.Configuration).DefaultTimeout();
            var acd = new AcdStore(redis, new AcdOptions { Tenant = tenant, NodeId = "media-test-reader" }, TimeProvider.System);
            return new MediaInteropServer(process, redis, acd);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>All events of this tenant's ACD stream, oldest first.</summary>
    public async Task<IReadOnlyList<AcdEvent>> EventsAsync() => await Acd.ReadEventsAsync(null, 10_000).DefaultTimeout();

    /// <summary>Polls the ACD stream until it holds an event of <paramref name="type"/> or <paramref name="timeout"/> passes.</summary>
    public async Task<IReadOnlyList<AcdEvent>> WaitForEventAsync(AcdEventType type, TimeSpan timeout) =>
        (await Eventually.TryUntilAsync(EventsAsync, events => events.Any(e => e.Type == type), timeout)).Last;

    public async ValueTask DisposeAsync()
    {
        await Acd.DisposeAsync();
        await _redis.DisposeAsync();
        await Process.DisposeAsync();
    }
}
