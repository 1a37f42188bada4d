using System.Diagnostics;

namespace Switchboard.Acd.Store;

/// <summary>
/// Spans of the ACD store's Redis calls (StackExchange.Redis has no activity source of its own): one <c>Redis ...</c>
/// span (kind client, <c>db.system</c> = <c>redis</c>) per store call, retries included, named after the script
/// (<c>Redis EVALSHA Enqueue</c>) or the operation. Made only inside a trace (a call's step, a gRPC request): the
/// scheduler's and refreshers' background calls would otherwise each start a trace of their own.
/// </summary>
public static class RedisTracing
{
    /// <summary>The activity source name to subscribe to.</summary>
    public const string SourceName = "Switchboard.Redis";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts a span under the ambient one; null outside a trace or when nobody listens.</summary>
    internal static Activity? Start(string operation)
    {
        if (Activity.Current is null || !Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity("Redis " + operation, ActivityKind.Client);
        activity?.SetTag("db.system", "redis");
        return activity;
    }
}
