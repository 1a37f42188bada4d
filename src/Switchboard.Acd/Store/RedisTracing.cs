using System.Diagnostics;

namespace Switchboard.Acd.Store;

/// <summary>
/// Spans of the Redis stores' calls (StackExchange.Redis has no activity source of its own): one <c>Redis ...</c>
/// span (kind client, <c>db.system</c> = <c>redis</c>) per store call, retries included. The ACD store names its spans
/// after the script (<c>Redis EVALSHA Enqueue</c>) or the operation; every other store (registrations, callbacks,
/// directory, statistics, notices, ... through <see cref="StoreCalls"/>) after itself and the operation
/// (<c>Redis registration store: Get</c>, tag <c>switchboard.store</c>). Made only inside a trace (a call's step, a
/// gRPC request): the scheduler's, sweeps' and refreshers' background calls would otherwise each start a trace of their
/// own; outside one the cost is a null check.
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

    /// <summary>Starts the span of one call of <paramref name="store"/> (<c>Redis &lt;store&gt;: &lt;operation&gt;</c>); null outside a trace.</summary>
    internal static Activity? StartStore(string store, string operation)
    {
        if (Activity.Current is null || !Source.HasListeners())
        {
            return null;
        }

        var name = operation.EndsWith("Async", StringComparison.Ordinal) ? operation[..^"Async".Length] : operation;
        var activity = Start($"{store}: {name}");
        activity?.SetTag("switchboard.store", store);
        return activity;
    }

    /// <summary>Marks <paramref name="activity"/> failed (Redis unavailable).</summary>
    internal static void Failed(Activity? activity, Exception exception) =>
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
}
