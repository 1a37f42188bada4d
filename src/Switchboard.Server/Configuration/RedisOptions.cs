namespace Switchboard.Server.Configuration;

/// <summary>The <c>Redis</c> section.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary><c>Redis:Configuration</c>: a StackExchange.Redis configuration string (<c>127.0.0.1:6380,password=...</c>).</summary>
    public string? Configuration { get; set; }

    /// <summary><c>Redis:ConnectAttempts</c>: how many times start-up tries to connect before giving up.</summary>
    public int ConnectAttempts { get; set; } = 5;

    /// <summary><c>Redis:ConnectRetryDelay</c>: the first delay between attempts; it doubles, with jitter.</summary>
    public TimeSpan ConnectRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
