using StackExchange.Redis;

namespace Switchboard.TestSupport;

/// <summary>
/// xunit fixture over the process-wide <see cref="RedisServer.Shared"/> server. Each test takes its own
/// key prefix (<see cref="NewKeyPrefix"/>) so tests run in parallel against one real redis-server.
/// </summary>
public sealed class RedisServerFixture : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _connection;

    public RedisServerFixture()
    {
        Server = RedisServer.Shared;
        _connection = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(Server.Configuration));
    }

    public RedisServer Server { get; }

    public string Configuration => Server.Configuration;

    /// <summary>A connection shared by the tests of one class.</summary>
    public ConnectionMultiplexer Connection => _connection.Value;

    /// <summary>A key prefix (tenant) no other test uses.</summary>
    public static string NewKeyPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }
}
