using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace Switchboard.Server.Configuration;

/// <summary>The <c>Redis</c> section (checked by <see cref="RedisOptionsValidator"/>).</summary>
public sealed class RedisOptions : IValidatableObject
{
    public const string Section = "Redis";

    /// <summary><c>Redis:Configuration</c>: a StackExchange.Redis configuration string (<c>127.0.0.1:6380,password=...</c>).</summary>
    public string? Configuration { get; set; }

    /// <summary><c>Redis:ConnectAttempts</c>: how many times start-up tries to connect before giving up.</summary>
    [Range(1, 100)]
    public int ConnectAttempts { get; set; } = 5;

    /// <summary><c>Redis:ConnectRetryDelay</c>: the first delay between attempts; it doubles, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ConnectRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Configuration))
        {
            yield return new ValidationResult(
                "is not set; give a StackExchange.Redis configuration string such as 127.0.0.1:6380 (./run.sh starts a Redis of its own)", [nameof(Configuration)]);
            yield break;
        }

        string? error;
        try
        {
            error = ConfigurationOptions.Parse(Configuration).EndPoints.Count == 0 ? "names no server" : null;
        }
        catch (ArgumentException parse)
        {
            error = "is not a StackExchange.Redis configuration string: " + parse.Message;
        }

        if (error is not null)
        {
            yield return new ValidationResult(error, [nameof(Configuration)]);
        }
    }
}
